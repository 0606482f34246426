package io.learnloop.integrations.slack;

import com.slack.api.Slack;
import com.slack.api.methods.AsyncMethodsClient;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.MethodsCompletionException;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.integrations.Paces;
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

  /** Slack's pace for {@code chat.postMessage}: about one message per second per channel. */
  static final Duration POST_INTERVAL = Duration.ofSeconds(1);

  private final AsyncMethodsClient client;
  private final MethodsClient direct;
  private final Retry retry;
  private final Retry postRetry;
  private final Paces channelPaces;
  private final Duration longestWait;

  /**
   * @param attempts how often a transiently failing call is tried in all
   * @param firstBackoff the wait before the first retry; doubled for each next one, with jitter
   * @param longestWait how long one attempt may wait, rate-limit queue included
   */
  public SlackWebApi(
      Slack slack, String botToken, int attempts, Duration firstBackoff, Duration longestWait) {
    this.client = slack.methodsAsync(botToken);
    this.direct = slack.methods(botToken);
    this.longestWait = longestWait;
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(firstBackoff.toMillis(), 2.0, 0.5);
    this.retry =
        Retry.of(
            "slack-web-api",
            RetryConfig.custom()
                .maxAttempts(attempts)
                .intervalFunction(backoff)
                .retryOnException(e -> e instanceof TransientFailure)
                .build());
    // A 429 is waited out for as long as Slack says, as often as it takes within the longest wait;
    // other transient failures are retried by the retry above, with its backoff and attempts.
    this.postRetry =
        Retry.of(
            "slack-post-message",
            RetryConfig.<Object>custom()
                .maxAttempts(1 + (int) (longestWait.toSeconds() / POST_INTERVAL.toSeconds()))
                .intervalBiFunction(
                    (attempt, outcome) ->
                        outcome.isLeft() && outcome.getLeft() instanceof RateLimited limited
                            ? limited.retryAfter().toMillis()
                            : POST_INTERVAL.toMillis())
                .retryOnException(e -> e instanceof RateLimited)
                .build());
    this.channelPaces =
        new Paces(
            RateLimiterConfig.custom()
                .limitForPeriod(1)
                .limitRefreshPeriod(POST_INTERVAL)
                .timeoutDuration(longestWait)
                .build());
  }

  /**
   * Posts a message into one channel ({@code chat.postMessage}) at Slack's pace for that channel,
   * waiting out a 429's {@code Retry-After}. Each channel has its own pace, so a channel being
   * throttled never holds up posts to the others (the SDK's asynchronous client queues every
   * channel's posts behind one another).
   */
  public <T extends SlackApiTextResponse> T post(String channel, SlackCall<T> request) {
    RateLimiter pace = channelPaces.of("chat.postMessage:" + channel);
    try {
      return Retry.decorateCheckedSupplier(
              retry,
              Retry.decorateCheckedSupplier(
                  postRetry,
                  () -> {
                    RateLimiter.waitForPermission(pace);
                    return attemptDirect("chat.postMessage", request);
                  }))
          .get();
    } catch (TransientFailure | RateLimited e) {
      throw new DeliveryFailedException(
          "Slack chat.postMessage to " + channel + " failed after retries: " + e.getMessage(),
          false,
          e.getCause());
    } catch (DeliveryFailedException e) {
      throw e;
    } catch (Throwable e) {
      throw new DeliveryFailedException("Slack chat.postMessage failed: " + e, false, e);
    }
  }

  // Slack sends whole seconds; anything else is read as one second.
  private static Duration retryAfter(String header) {
    try {
      return Duration.ofSeconds(Math.max(1, Long.parseLong(header.strip())));
    } catch (RuntimeException e) {
      return POST_INTERVAL;
    }
  }

  /** One call of the SDK's synchronous client. */
  @FunctionalInterface
  public interface SlackCall<T> {
    T call(MethodsClient client) throws IOException, SlackApiException;
  }

  private <T extends SlackApiTextResponse> T attemptDirect(String method, SlackCall<T> request) {
    T response;
    try {
      response = request.call(direct);
    } catch (SlackApiException e) {
      if (e.getResponse().code() == 429) {
        throw new RateLimited(retryAfter(e.getResponse().header("Retry-After")));
      }
      throw failure(method, e);
    } catch (IOException e) {
      throw failure(method, e);
    }
    return checked(method, response);
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
    return checked(method, response);
  }

  private static <T extends SlackApiTextResponse> T checked(String method, T response) {
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

  /** Slack answered 429: try again after {@code retryAfter}. */
  private static final class RateLimited extends RuntimeException {
    private final Duration retryAfter;

    RateLimited(Duration retryAfter) {
      super("rate limited; retry after " + retryAfter.toSeconds() + " s", null, false, false);
      this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
      return retryAfter;
    }
  }

  /** A failure that another attempt may not have. */
  private static final class TransientFailure extends RuntimeException {
    TransientFailure(String message, Throwable cause) {
      super(message, cause);
    }
  }
}
