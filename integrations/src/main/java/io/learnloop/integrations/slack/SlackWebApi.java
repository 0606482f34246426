package io.learnloop.integrations.slack;

import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsCompletionException;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.learnloop.dialog.channel.DeliveryFailedException;
import java.io.IOException;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Slack Web API through the SDK's asynchronous client, whose queue per team, method and
 * (for {@code chat.postMessage}) channel keeps to Slack's rate limits and waits out {@code
 * Retry-After} on 429. What the queue does not retry — a 5xx, a connection that fails or times out,
 * Slack's own {@code internal_error} — is retried here with exponential backoff and jitter.
 */
public final class SlackWebApi {

  /** Errors after which the same call will never succeed: do not retry, do not try again later. */
  static final Set<String> UNREACHABLE =
      Set.of(
          "channel_not_found",
          "user_not_found",
          "users_not_found",
          "user_disabled",
          "account_inactive",
          "is_archived",
          "not_in_channel",
          "cannot_dm_bot",
          "messages_tab_disabled",
          "user_not_in_channel");

  private static final Set<String> TRANSIENT =
      Set.of("internal_error", "fatal_error", "service_unavailable", "request_timeout");

  private static final Logger log = LoggerFactory.getLogger(SlackWebApi.class);

  private final AsyncMethodsClient client;
  private final Retry retry;
  private final Duration longestWait;

  /**
   * @param attempts how often a transiently failing call is tried in all
   * @param firstBackoff the wait before the first retry; doubled for each next one, with jitter
   * @param longestWait how long one attempt may wait, rate-limit queue included
   */
  public SlackWebApi(
      AsyncMethodsClient client, int attempts, Duration firstBackoff, Duration longestWait) {
    this.client = client;
    this.longestWait = longestWait;
    this.retry =
        Retry.of(
            "slack-web-api",
            RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(
                    IntervalFunction.ofExponentialRandomBackoff(firstBackoff.toMillis(), 2.0, 0.5))
                .retryOnException(e -> e instanceof TransientFailure)
                .build());
  }

  /**
   * Runs one Web API method.
   *
   * @param method the method's name, for the log
   * @throws DeliveryFailedException when Slack refused the call or stayed unreachable; {@link
   *     DeliveryFailedException#unreachable()} for errors that retrying never fixes
   */
  public <T extends SlackApiTextResponse> T call(
      String method, Function<AsyncMethodsClient, CompletableFuture<T>> request) {
    try {
      return Retry.decorateCheckedSupplier(retry, () -> attempt(method, request)).get();
    } catch (TransientFailure e) {
      throw new DeliveryFailedException(
          "Slack " + method + " failed after retries: " + e.getMessage(), false, e.getCause());
    } catch (DeliveryFailedException e) {
      throw e;
    } catch (Throwable e) {
      throw new DeliveryFailedException("Slack " + method + " failed: " + e, false, e);
    }
  }

  /**
   * Starts a call whose result nobody waits for (a reaction): no retry, a failure only logged.
   *
   * @return completes when the call has run, successfully or not
   */
  public <T extends SlackApiTextResponse> CompletableFuture<Void> send(
      String method, Function<AsyncMethodsClient, CompletableFuture<T>> request) {
    return request
        .apply(client)
        .handle(
            (response, failure) -> {
              if (failure != null || !response.isOk()) {
                log.debug(
                    "Slack {} failed: {}",
                    method,
                    failure != null ? failure.toString() : response.getError());
              }
              return null;
            });
  }

  private <T extends SlackApiTextResponse> T attempt(
      String method, Function<AsyncMethodsClient, CompletableFuture<T>> request) {
    T response;
    try {
      response = request.apply(client).get(longestWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException("interrupted while calling Slack " + method, false, e);
    } catch (TimeoutException e) {
      throw new DeliveryFailedException(
          "Slack " + method + " did not answer within " + longestWait, false, e);
    } catch (ExecutionException e) {
      throw failure(method, e.getCause());
    }
    if (response.isOk()) {
      return response;
    }
    String error = String.valueOf(response.getError());
    if (TRANSIENT.contains(error)) {
      log.warn("Slack {} answered {}; retrying", method, error);
      throw new TransientFailure(method + ": " + error, null);
    }
    throw new DeliveryFailedException(
        "Slack " + method + " answered " + error, UNREACHABLE.contains(error), null);
  }

  private static RuntimeException failure(String method, Throwable cause) {
    Throwable root = cause;
    if (cause instanceof MethodsCompletionException completion) {
      root =
          completion.getIoException() != null
              ? completion.getIoException()
              : completion.getSlackApiException() != null
                  ? completion.getSlackApiException()
                  : completion.getOtherException();
    }
    if (root instanceof IOException
        || root instanceof SlackApiException api && api.getResponse().code() >= 500) {
      log.warn("Slack {} failed ({}); retrying", method, root.toString());
      return new TransientFailure(method + ": " + root, root);
    }
    return new DeliveryFailedException("Slack " + method + " failed: " + root, false, root);
  }

  /** A failure that another attempt may not have. */
  private static final class TransientFailure extends RuntimeException {
    TransientFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
