package io.learnloop.integrations.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.connector.authentication.AuthenticationException;
import com.microsoft.bot.connector.authentication.EmulatorValidation;
import com.microsoft.bot.connector.authentication.SkillValidation;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.RoleTypes;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code POST /api/messages} without the web framework: parses the activity, lets the Bot Framework
 * adapter authenticate it (JWT against the channel's OpenID keys, audience, issuer, lifetime, the
 * {@code serviceurl} claim) and run the bot, and maps the outcome to an HTTP answer in the shape of
 * the SDK's own controller: an invoke's response as its status and body, other activities 202, a
 * failed authentication 401, a body that is not an activity 400.
 */
public final class TeamsEndpoint {

  /** An HTTP answer: status and JSON body (empty for none). */
  public record Answer(int status, String body) {}

  private static final Logger log = LoggerFactory.getLogger(TeamsEndpoint.class);

  private final BotFrameworkHttpAdapter adapter;
  private final Bot bot;
  private final boolean localMode;
  private final Duration turnTimeout;
  private final ObjectMapper json;

  /**
   * @param localMode no app id: unauthenticated activities are taken, from this machine only
   * @param turnTimeout how long a turn may run before the request is answered with 503
   */
  public TeamsEndpoint(
      BotFrameworkHttpAdapter adapter, Bot bot, boolean localMode, Duration turnTimeout) {
    this.adapter = adapter;
    this.bot = bot;
    this.localMode = localMode;
    this.turnTimeout = turnTimeout;
    this.json =
        new ObjectMapper()
            .findAndRegisterModules()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * @param fromThisMachine the request came from a loopback address
   */
  public Answer handle(String authorization, String body, boolean fromThisMachine) {
    if (localMode && !fromThisMachine) {
      log.warn("Refused a Teams activity from another machine: local mode takes this machine's");
      return new Answer(401, "");
    }
    Activity activity;
    try {
      JsonNode tree = json.readTree(body == null ? "" : body);
      if (tree == null || !tree.isObject() || !tree.path("type").isTextual()) {
        return new Answer(400, "");
      }
      activity = json.treeToValue(tree, Activity.class);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      log.info(
          "Refused a Teams request that is not an activity ({})", e.getClass().getSimpleName());
      return new Answer(400, "");
    }
    // The SDK reads the recipient's role unchecked when authentication is off; Teams and the
    // Emulator send activities to the bot.
    if (activity.getRecipient() != null && activity.getRecipient().getRole() == null) {
      activity.getRecipient().setRole(RoleTypes.BOT);
    }
    if (!localMode && !teamsToken(authorization, activity)) {
      return new Answer(401, "");
    }
    if (localMode && !loopback(activity.getServiceUrl())) {
      log.warn("Refused a local-mode activity whose service URL is not on this machine");
      return new Answer(401, "");
    }
    try {
      InvokeResponse response =
          adapter
              .processIncomingActivity(authorization, activity, bot)
              .get(turnTimeout.toMillis(), TimeUnit.MILLISECONDS);
      if (response == null) {
        return new Answer(202, "");
      }
      Object value = response.getBody();
      return new Answer(response.getStatus(), value == null ? "" : json.writeValueAsString(value));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new Answer(503, "");
    } catch (TimeoutException e) {
      log.warn("A Teams turn took longer than {}; answered 503", turnTimeout);
      return new Answer(503, "");
    } catch (ExecutionException | RuntimeException e) {
      // The SDK throws some refusals at once (a token it cannot decode) and others in the future.
      if (authenticationFailed(e)) {
        log.info("Refused a Teams activity: {}", rootMessage(e));
        return new Answer(401, "");
      }
      log.error("A Teams turn failed", e);
      return new Answer(500, "");
    } catch (JsonProcessingException e) {
      log.error("Could not write an invoke response", e);
      return new Answer(500, "");
    }
  }

  // The SDK also takes Emulator and skill tokens, which carry no serviceurl claim: with an app id
  // only the Teams channel's own tokens are taken, so no caller can name where the bot sends its
  // token.
  private static boolean teamsToken(String authorization, Activity activity) {
    if (authorization == null || authorization.isBlank()) {
      return true; // the adapter refuses it with 401
    }
    try {
      if (SkillValidation.isSkillToken(authorization)
          || EmulatorValidation.isTokenFromEmulator(authorization)) {
        log.info("Refused a Teams activity with an Emulator or skill token");
        return false;
      }
    } catch (RuntimeException e) {
      return true; // not a token the SDK can read: the adapter refuses it with 401
    }
    if (!"msteams".equals(activity.getChannelId())) {
      log.info(
          "Refused an activity from channel {}: this endpoint serves Teams",
          activity.getChannelId());
      return false;
    }
    return true;
  }

  private static boolean authenticationFailed(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthenticationException
          || t instanceof com.auth0.jwt.exceptions.JWTVerificationException
          || t instanceof com.auth0.jwt.exceptions.JWTDecodeException) {
        return true;
      }
    }
    return false;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    return root.getClass().getSimpleName() + ": " + root.getMessage();
  }

  private static boolean loopback(String serviceUrl) {
    try {
      String host = URI.create(String.valueOf(serviceUrl)).getHost();
      return host != null
          && (host.equals("localhost") || host.equals("127.0.0.1") || host.equals("[::1]"));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }
}
