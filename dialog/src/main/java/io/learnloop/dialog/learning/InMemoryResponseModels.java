package io.learnloop.dialog.learning;

import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;

/** {@link ResponseModels} in memory, for tests and tools. */
public final class InMemoryResponseModels implements ResponseModels {

  private AdoptedModel adopted;

  @Override
  public synchronized Optional<AdoptedModel> adopted() {
    return Optional.ofNullable(adopted);
  }

  @Override
  public synchronized OptionalLong adoptedToken() {
    return adopted == null ? OptionalLong.empty() : OptionalLong.of(adopted.token());
  }

  @Override
  public synchronized boolean adopt(AdoptedModel model) {
    Objects.requireNonNull(model, "model");
    if (adopted != null && adopted.token() >= model.token()) {
      return false;
    }
    adopted = model;
    return true;
  }
}
