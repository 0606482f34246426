package io.learnloop.dialog.learning;

import java.time.Instant;
import java.util.Objects;

/**
 * The parameters of the response model an organisation's refit adopted, as a store keeps them.
 *
 * @param parameters the model in the text of {@link
 *     io.learnloop.dialog.learning.model.ResponseModelFile}
 * @param token the fencing token of the refit's job claim: a store keeps the parameters with the
 *     greatest token, so that a refit paused past its lease cannot replace its successor's
 * @param fittedUntil when the latest answer they were fitted on was given: the next refit judges
 *     them only on later answers
 * @param adoptedAt when they were adopted
 * @param reason why, with the hold-out log losses
 */
public record AdoptedModel(
    String parameters, long token, Instant fittedUntil, Instant adoptedAt, String reason) {

  public AdoptedModel {
    Objects.requireNonNull(parameters, "parameters");
    Objects.requireNonNull(fittedUntil, "fittedUntil");
    Objects.requireNonNull(adoptedAt, "adoptedAt");
    Objects.requireNonNull(reason, "reason");
    if (token <= 0) {
      throw new IllegalArgumentException("a fencing token is positive but was " + token);
    }
  }
}
