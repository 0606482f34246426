package io.learnloop.integrations.teams;

import com.microsoft.bot.connector.ConnectorClient;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.rest.ErrorResponseException;
import com.microsoft.bot.connector.rest.RestConnectorClient;
import com.microsoft.bot.restclient.retry.RetryStrategy;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ChannelAccount;
import com.microsoft.bot.schema.ConversationParameters;
import com.microsoft.bot.schema.ConversationResourceResponse;
import com.microsoft.bot.schema.ResourceResponse;
import com.microsoft.bot.schema.teams.ChannelInfo;
import com.microsoft.bot.schema.teams.TeamsChannelData;
import com.microsoft.bot.schema.teams.TenantInfo;
import io.github.resilience4j.core.IntervalFunction;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.retry.Retry;
import io.github.resilience4j.retry.RetryConfig;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.integrations.Paces;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import okhttp3.Dispatcher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Calls the Bot Connector REST API ({@code {serviceUrl}/v3/conversations...}) through the SDK's
 * connector client, at Teams' pace: each conversation and each tenant has its own rate limiter, and
 * 429, 412, 502 and 504 are retried with exponential backoff and jitter (a 429's {@code
 * Retry-After} waited out). A conversation Teams says is gone (403, 404) is reported unreachable so
 * that nobody retries it.
 */
public final class BotConnector {

  /** Statuses after which a later attempt may succeed (Teams' documented transient failures). */
  static final Set<Integer> TRANSIENT = Set.of(429, 412, 500, 502, 503, 504);

  /** Statuses after which the conversation will never take a message: removed, blocked, gone. */
  static final Set<Integer> UNREACHABLE = Set.of(403, 404, 410);

  /** Teams' pace per conversation: 7 messages a second, 8 in two; bursts of 4 stay within both. */
  static final int CONVERSATION_PER_SECOND = 4;

  /** Teams' pace for one bot in one tenant. */
  static final int TENANT_PER_SECOND = 50;

  private static final Logger log = LoggerFactory.getLogger(BotConnector.class);

  private final AppCredentials credentials;
  private final Duration longestWait;
  private final Retry retry;
  private final Paces conversationPaces;
  private final Paces tenantPaces;
  private final Map<String, ConnectorClient> clients = new ConcurrentHashMap<>();
  private final Dispatcher dispatcher = new Dispatcher();

  /**
   * @param credentials the bot's credentials; empty ones in local mode (the Emulator)
   * @param attempts how often a transiently failing call is tried in all
   * @param firstBackoff the wait before the first retry; doubled for each next one, with jitter
   * @param longestWait how long one call may take, rate-limit waits included
   */
  public BotConnector(
      AppCredentials credentials, int attempts, Duration firstBackoff, Duration longestWait) {
    this(credentials, attempts, firstBackoff, longestWait, TENANT_PER_SECOND);
  }

  BotConnector(
      AppCredentials credentials,
      int attempts,
      Duration firstBackoff,
      Duration longestWait,
      int tenantPerSecond) {
    this.credentials = credentials;
    this.longestWait = longestWait;
    dispatcher.setMaxRequests(256);
    dispatcher.setMaxRequestsPerHost(128);
    IntervalFunction backoff =
        IntervalFunction.ofExponentialRandomBackoff(firstBackoff.toMillis(), 2.0, 0.5);
    this.retry =
        Retry.of(
            "teams-bot-connector",
            RetryConfig.<Object>custom()
                .maxAttempts(attempts)
                .intervalBiFunction(
                    (attempt, outcome) ->
                        outcome.isLeft()
                                && outcome.getLeft() instanceof Transient failure
                                && failure.retryAfter.isPresent()
                            ? failure.retryAfter.get().toMillis()
                            : backoff.apply(attempt))
                .retryOnException(e -> e instanceof Transient)
                .build());
    this.conversationPaces =
        new Paces(
            RateLimiterConfig.custom()
                .limitForPeriod(CONVERSATION_PER_SECOND)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(longestWait)
                .build());
    this.tenantPaces =
        new Paces(
            RateLimiterConfig.custom()
                .limitForPeriod(tenantPerSecond)
                .limitRefreshPeriod(Duration.ofSeconds(1))
                .timeoutDuration(longestWait)
                .build());
  }

  /** Posts an activity into a conversation; returns the new activity's id. */
  public String send(TeamsAddress address, String conversationId, Activity activity) {
    ResourceResponse sent =
        paced(
            address,
            conversationId,
            "send",
            client -> client.getConversations().sendToConversation(conversationId, activity));
    return sent == null || sent.getId() == null ? "" : sent.getId();
  }

  /**
   * Posts an activity nobody waits for (a typing indicator): one attempt, only when the pace allows
   * it at once, a failure only logged.
   */
  public void sendOnce(TeamsAddress address, String conversationId, Activity activity) {
    RateLimiter conversation = conversationPaces.of(paceKey(address, conversationId));
    RateLimiter tenant = tenantPaces.of(address.tenant());
    if (!conversation.acquirePermission() || !tenant.acquirePermission()) {
      return;
    }
    try {
      attempt(
          client(address.serviceUrl()),
          "send",
          conversationId,
          client -> client.getConversations().sendToConversation(conversationId, activity));
    } catch (RuntimeException e) {
      log.debug("Teams send to {} failed once: {}", conversationId, e.toString());
    }
  }

  /** Replaces an activity the bot sent before. */
  public void update(
      TeamsAddress address, String conversationId, String activityId, Activity activity) {
    activity.setId(activityId);
    paced(
        address,
        conversationId,
        "update",
        client -> client.getConversations().updateActivity(conversationId, activityId, activity));
  }

  /** Opens the bot's 1:1 conversation with a user of the tenant; returns its id. */
  public String createDirect(TeamsAddress address, String userId) {
    ConversationParameters parameters = new ConversationParameters();
    parameters.setIsGroup(false);
    parameters.setBot(new ChannelAccount(address.bot()));
    parameters.setMembers(List.of(new ChannelAccount(userId)));
    parameters.setTenantId(address.tenant());
    TeamsChannelData channelData = new TeamsChannelData();
    channelData.setTenant(new TenantInfo(address.tenant()));
    parameters.setChannelData(channelData);
    ConversationResourceResponse created =
        paced(
            address,
            "new:" + userId,
            "createConversation",
            client -> client.getConversations().createConversation(parameters));
    if (created == null || created.getId() == null) {
      throw new DeliveryFailedException(
          "Teams created no conversation with " + userId, false, null);
    }
    return created.getId();
  }

  /**
   * Starts a new reply chain in a Teams channel with {@code activity} as its first post ({@code
   * POST /v3/conversations} with the channel in the channel data, as the SDK's {@code
   * TeamsInfo.sendMessageToTeamsChannel} does); returns the post's activity id, which replies in
   * the chain name in their conversation id ({@code <channel>;messageid=<id>}).
   */
  public String createChannelThread(TeamsAddress address, String channelId, Activity activity) {
    ConversationParameters parameters = new ConversationParameters();
    parameters.setIsGroup(true);
    parameters.setBot(new ChannelAccount(address.bot()));
    parameters.setTenantId(address.tenant());
    TeamsChannelData channelData = new TeamsChannelData();
    channelData.setChannel(new ChannelInfo(channelId));
    channelData.setTenant(new TenantInfo(address.tenant()));
    parameters.setChannelData(channelData);
    parameters.setActivity(activity);
    ConversationResourceResponse created =
        paced(
            address,
            channelId,
            "createConversation",
            client -> client.getConversations().createConversation(parameters));
    if (created == null) {
      throw new DeliveryFailedException(
          "Teams started no reply chain in " + channelId, false, null);
    }
    if (created.getActivityId() != null && !created.getActivityId().isBlank()) {
      return created.getActivityId();
    }
    String id = String.valueOf(created.getId());
    int chain = id.indexOf(";messageid=");
    if (chain < 0) {
      throw new DeliveryFailedException("Teams named no post in " + channelId, false, null);
    }
    return id.substring(chain + ";messageid=".length());
  }

  private <T> T paced(
      TeamsAddress address,
      String conversationId,
      String what,
      Function<ConnectorClient, CompletableFuture<T>> call) {
    RateLimiter conversation = conversationPaces.of(paceKey(address, conversationId));
    RateLimiter tenant = tenantPaces.of(address.tenant());
    ConnectorClient client = client(address.serviceUrl());
    try {
      return Retry.decorateCheckedSupplier(
              retry,
              () -> {
                RateLimiter.waitForPermission(conversation);
                RateLimiter.waitForPermission(tenant);
                return attempt(client, what, conversationId, call);
              })
          .get();
    } catch (Transient e) {
      throw new DeliveryFailedException(
          "Teams " + what + " to " + conversationId + " failed after retries: " + e.getMessage(),
          false,
          e.getCause());
    } catch (DeliveryFailedException e) {
      throw e;
    } catch (Throwable e) {
      throw new DeliveryFailedException(
          "Teams " + what + " to " + conversationId + " failed: " + e, false, e);
    }
  }

  // Teams paces a channel as one conversation, whichever reply chain a post goes into.
  private static String paceKey(TeamsAddress address, String conversationId) {
    int chain = conversationId.indexOf(";messageid=");
    return address.tenant()
        + ":"
        + (chain < 0 ? conversationId : conversationId.substring(0, chain));
  }

  private <T> T attempt(
      ConnectorClient client,
      String what,
      String conversationId,
      Function<ConnectorClient, CompletableFuture<T>> call) {
    try {
      return call.apply(client).get(longestWait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new DeliveryFailedException("interrupted while calling Teams " + what, false, e);
    } catch (TimeoutException e) {
      throw new Transient("no answer within " + longestWait, Optional.empty(), e);
    } catch (ExecutionException e) {
      throw failure(what, conversationId, e.getCause());
    } catch (ErrorResponseException e) {
      throw failure(what, conversationId, e);
    }
  }

  private static RuntimeException failure(String what, String conversationId, Throwable cause) {
    Throwable root = cause;
    while ((root instanceof java.util.concurrent.CompletionException
            || root instanceof ExecutionException)
        && root.getCause() != null) {
      root = root.getCause();
    }
    if (root instanceof ErrorResponseException error && error.response() != null) {
      int status = error.response().code();
      String code = errorCode(error);
      if (TRANSIENT.contains(status)) {
        Optional<Duration> retryAfter = retryAfter(error.response().headers().get("Retry-After"));
        if (retryAfter.isPresent() && retryAfter.get().compareTo(Duration.ofMinutes(5)) > 0) {
          return new DeliveryFailedException(
              "Teams " + what + " to " + conversationId + " asked to wait " + retryAfter.get(),
              false,
              error);
        }
        log.debug("Teams {} to {} answered {}; retrying", what, conversationId, status);
        return new Transient("HTTP " + status + " " + code, retryAfter, error);
      }
      return new DeliveryFailedException(
          "Teams " + what + " to " + conversationId + " answered HTTP " + status + " " + code,
          UNREACHABLE.contains(status),
          error);
    }
    if (root instanceof IOException) {
      log.debug("Teams {} to {} failed ({}); retrying", what, conversationId, root.toString());
      return new Transient(root.toString(), Optional.empty(), root);
    }
    return new DeliveryFailedException("Teams " + what + " failed: " + root, false, root);
  }

  private static String errorCode(ErrorResponseException error) {
    try {
      return error.body() != null && error.body().getError() != null
          ? String.valueOf(error.body().getError().getCode())
          : "";
    } catch (RuntimeException e) {
      return "";
    }
  }

  // Retry-After is seconds here; an HTTP date or garbage falls back to the backoff.
  static Optional<Duration> retryAfter(String header) {
    if (header == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(
          Duration.ofMillis(Math.max(100, (long) (Double.parseDouble(header.strip()) * 1000))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private ConnectorClient client(String serviceUrl) {
    return clients.computeIfAbsent(
        serviceUrl,
        url ->
            new RestConnectorClient(
                RestConnectorClient.getDefaultRestClientBuilder(url, credentials)
                    // Retries are ours, with Teams' statuses and Retry-After; the SDK's own
                    // handler would retry again underneath.
                    .withRetryStrategy(NO_RETRY)
                    .withDispatcher(dispatcher)
                    .withReadTimeout(longestWait.toMillis(), TimeUnit.MILLISECONDS)
                    .withConnectionTimeout(10, TimeUnit.SECONDS)
                    .build()));
  }

  private static final RetryStrategy NO_RETRY =
      new RetryStrategy("none", false) {
        @Override
        public boolean shouldRetry(int retryCount, okhttp3.Response response) {
          return false;
        }
      };

  /** A failure that another attempt may not have. */
  private static final class Transient extends RuntimeException {
    private final Optional<Duration> retryAfter;

    Transient(String message, Optional<Duration> retryAfter, Throwable cause) {
      super(message, cause);
      this.retryAfter = retryAfter;
    }
  }
}
