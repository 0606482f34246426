package io.learnloop.dialog.learning;

import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The response model this instance uses now: the one the organisation adopted ({@link
 * ResponseModels}), else the shipped defaults. The store is asked at most every {@code checkEvery}
 * whether the adopted model changed (its token, not the parameters), so that a refit on any
 * instance reaches every instance within that time without a read per answer. While the store
 * cannot be reached, or holds parameters this version cannot read, the model in use stays.
 */
public final class CurrentResponseModel implements Supplier<ResponseModel> {

  private static final Logger log = Logger.getLogger(CurrentResponseModel.class.getName());

  private final ResponseModels store;
  private final ResponseModel defaults;
  private final Duration checkEvery;
  private final Clock clock;
  private volatile ResponseModel model;
  private volatile long token;
  private volatile Instant fittedUntil = Instant.MIN;
  private volatile Instant nextCheck = Instant.MIN;

  /**
   * @param defaults the shipped defaults, used until a model is adopted
   * @param checkEvery how often to ask the store whether the adopted model changed
   */
  public CurrentResponseModel(
      ResponseModels store, ResponseModel defaults, Duration checkEvery, Clock clock) {
    this.store = Objects.requireNonNull(store, "store");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.checkEvery = Objects.requireNonNull(checkEvery, "checkEvery");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.model = defaults;
  }

  /** The model to use now; asks the store first when the last check is {@code checkEvery} old. */
  @Override
  public ResponseModel get() {
    if (!clock.instant().isBefore(nextCheck)) {
      refresh();
    }
    return model;
  }

  /** The shipped defaults, what a refit starts from. */
  public ResponseModel defaults() {
    return defaults;
  }

  /** The fencing token of the model in use; 0 for the shipped defaults. */
  public long token() {
    return token;
  }

  /**
   * When the latest answer the model in use was fitted on was given; {@link Instant#MIN} for the
   * shipped defaults, which have seen none of the organisation's answers.
   */
  public Instant fittedUntil() {
    return fittedUntil;
  }

  /**
   * Reads the adopted model now, if it changed.
   *
   * @return false when the store could not be reached (the model in use stays)
   */
  public synchronized boolean refresh() {
    nextCheck = clock.instant().plus(checkEvery);
    try {
      OptionalLong latest = store.adoptedToken();
      if (latest.isPresent() && latest.getAsLong() > token) {
        Optional<AdoptedModel> adopted = store.adopted();
        if (adopted.isPresent() && adopted.get().token() > token) {
          use(parse(adopted.get()), adopted.get());
        }
      }
      return true;
    } catch (ResponseModelsUnavailableException e) {
      log.log(Level.WARNING, "Keeping the response model in use: " + e.getMessage());
      return false;
    } catch (IllegalArgumentException e) {
      log.log(Level.SEVERE, "Keeping the response model in use: cannot read the adopted one", e);
      return true;
    }
  }

  /** Uses a model this instance has just adopted, without waiting for the next check. */
  public synchronized void use(ResponseModel adoptedModel, AdoptedModel adopted) {
    if (adopted.token() > token) {
      model = adoptedModel;
      token = adopted.token();
      fittedUntil = adopted.fittedUntil();
      log.info(
          () ->
              "Using the response model adopted at "
                  + adopted.adoptedAt()
                  + ": "
                  + adopted.reason());
    }
  }

  /** The model's parameters as a store keeps them. */
  public static String text(ResponseModel model) {
    StringWriter text = new StringWriter();
    try {
      ResponseModelFile.write(model, text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return text.toString();
  }

  /**
   * @throws IllegalArgumentException when the parameters cannot be read
   */
  static ResponseModel parse(AdoptedModel adopted) {
    try {
      return ResponseModelFile.read(
          new ByteArrayInputStream(adopted.parameters().getBytes(StandardCharsets.UTF_8)),
          "the model adopted at " + adopted.adoptedAt());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
