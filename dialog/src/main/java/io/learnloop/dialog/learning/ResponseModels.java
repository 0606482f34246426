package io.learnloop.dialog.learning;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The parameters of the response model an organisation adopted, shared by every instance and kept
 * across restarts. Until a refit adopts one there is none, and the shipped defaults apply.
 */
public interface ResponseModels {

  /**
   * The adopted model.
   *
   * @return empty when none was adopted yet
   * @throws ResponseModelsUnavailableException when the store cannot be reached
   */
  Optional<AdoptedModel> adopted();

  /**
   * The token of the adopted model, without reading the model: to see cheaply whether it changed.
   *
   * @return empty when none was adopted yet
   * @throws ResponseModelsUnavailableException when the store cannot be reached
   */
  OptionalLong adoptedToken();

  /**
   * Adopts a model unless the store already holds one with the same or a greater token.
   *
   * @return false when refused because of the token
   * @throws ResponseModelsUnavailableException when the store cannot be reached; the model may or
   *     may not have been adopted
   */
  boolean adopt(AdoptedModel model);
}
