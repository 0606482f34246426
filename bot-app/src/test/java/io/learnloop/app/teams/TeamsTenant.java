package io.learnloop.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.put;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import io.learnloop.app.TestDataDir;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.RecordingChatGateway;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Date;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A Teams tenant for tests: WireMock plays the Bot Connector ({@code serviceUrl}) and the Bot
 * Framework's OpenID metadata and signing keys; tokens are signed here with a key only these tests
 * hold, exactly as the Bot Connector signs them (RS256, {@code kid}, issuer, audience = app id,
 * {@code serviceurl} claim), and activities are shaped as Teams sends them.
 */
final class TeamsTenant {

  static final String APP_ID = "5f3c8a1e-2b47-4d9a-9c61-7e0f2a4b8d13";
  static final String APP_PASSWORD = "not-a-real-secret";
  static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  static final String BOT = "28:" + APP_ID;
  static final String KEY_ID = "learnloop-test-key";
  static final String CHANNEL_CONVERSATION = "19:learn0general@thread.tacv2";

  /** The channel where the experts read questions passed on with "Ask a person". */
  static final String EXPERTS_CHANNEL = "19:learn0experts@thread.tacv2";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final AtomicLong ids = new AtomicLong(1_733_100_000_000L);
  private static final KeyPair KEYS = rsa();
  private static final KeyPair OTHER_KEYS = rsa();
  private static WireMockServer connector;

  private TeamsTenant() {}

  static synchronized WireMockServer connector() {
    if (connector == null) {
      connector =
          new WireMockServer(
              wireMockConfig()
                  .dynamicPort()
                  .http2PlainDisabled(true)
                  .globalTemplating(true)
                  .containerThreads(40));
      connector.start();
      stubConnector();
    }
    return connector;
  }

  static String serviceUrl() {
    return connector().baseUrl() + "/teams/";
  }

  /** The Bot Connector's answers, as documented: ids of what was posted, created or updated. */
  static void stubConnector() {
    WireMockServer wm = connector;
    wm.resetAll();
    wm.stubFor(
        get(urlEqualTo("/openid"))
            .willReturn(
                okJson(
                    "{\"issuer\":\"https://api.botframework.com\",\"authorization_endpoint\":"
                        + "\"https://invalid.botframework.com\",\"jwks_uri\":\""
                        + wm.baseUrl()
                        + "/keys\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                        + "\"token_endpoint_auth_methods_supported\":[\"private_key_jwt\"]}")));
    wm.stubFor(get(urlEqualTo("/keys")).willReturn(okJson(jwks())));
    wm.stubFor(
        post(urlPathMatching("/teams/v3/conversations/[^/]+/activities"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody("{\"id\":\"1:{{randomValue length=20 type='ALPHANUMERIC'}}\"}")));
    wm.stubFor(
        put(urlPathMatching("/teams/v3/conversations/[^/]+/activities/[^/]+"))
            .willReturn(okJson("{\"id\":\"{{request.pathSegments.[5]}}\"}")));
    // A new reply chain in a channel: the conversation is the channel's with the post's id.
    wm.stubFor(
        post(urlEqualTo("/teams/v3/conversations"))
            .atPriority(1)
            .withRequestBody(matchingJsonPath("$.channelData.channel.id"))
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{{#assign 'post'}}{{randomValue length=13 type='NUMERIC'}}{{/assign}}"
                            + "{\"id\":\"{{jsonPath request.body '$.channelData.channel.id'}};messageid={{post}}\","
                            + "\"activityId\":\"{{post}}\"}")));
    wm.stubFor(
        post(urlEqualTo("/teams/v3/conversations"))
            .atPriority(5)
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("Content-Type", "application/json")
                    .withBody(
                        "{\"id\":\"a:1{{randomValue length=24 type='ALPHANUMERIC'}}\","
                            + "\"activityId\":\"\",\"serviceUrl\":\""
                            + wm.baseUrl()
                            + "/teams/\"}")));
  }

  private static String jwks() {
    RSAPublicKey key = (RSAPublicKey) KEYS.getPublic();
    ObjectNode set = JSON.createObjectNode();
    ObjectNode jwk = set.putArray("keys").addObject();
    jwk.put("kty", "RSA");
    jwk.put("use", "sig");
    jwk.put("kid", KEY_ID);
    jwk.put("n", base64Url(key.getModulus().toByteArray()));
    jwk.put("e", base64Url(key.getPublicExponent().toByteArray()));
    jwk.putArray("endorsements").add("msteams");
    return set.toString();
  }

  private static String base64Url(byte[] bigEndian) {
    int start = bigEndian.length > 1 && bigEndian[0] == 0 ? 1 : 0;
    byte[] unsigned = java.util.Arrays.copyOfRange(bigEndian, start, bigEndian.length);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(unsigned);
  }

  // ---- tokens ----

  /** A token as the Bot Connector issues it for this bot. */
  static String token() {
    return token(
        "https://api.botframework.com",
        APP_ID,
        serviceUrl(),
        Instant.now().plusSeconds(3600),
        true);
  }

  static String token(
      String issuer, String audience, String serviceUrl, Instant expires, boolean ourKey) {
    KeyPair keys = ourKey ? KEYS : OTHER_KEYS;
    return JWT.create()
        .withKeyId(KEY_ID)
        .withIssuer(issuer)
        .withAudience(audience)
        .withClaim("serviceurl", serviceUrl)
        .withNotBefore(Date.from(expires.minus(2, ChronoUnit.HOURS)))
        .withExpiresAt(Date.from(expires))
        .sign(Algorithm.RSA256((RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate()));
  }

  // ---- activities Teams sends us ----

  static String nextId() {
    return String.valueOf(ids.incrementAndGet());
  }

  static String user(String name) {
    return "29:1" + Integer.toHexString(name.hashCode()) + "LearnLoopTestUser";
  }

  static String personalConversation(String user) {
    return "a:1" + user.substring(3) + "Personal";
  }

  static ObjectNode activity(
      String type, String id, String user, String conversation, boolean personal) {
    ObjectNode activity = JSON.createObjectNode();
    activity.put("type", type);
    activity.put("id", id);
    activity.put("timestamp", "2026-12-02T03:00:00.123Z");
    activity.put("localTimestamp", "2026-12-02T10:00:00.123+07:00");
    activity.put("localTimezone", "Asia/Jakarta");
    activity.put("serviceUrl", serviceUrl());
    activity.put("channelId", "msteams");
    activity
        .putObject("from")
        .put("id", user)
        .put("name", "Siti Nurhaliza")
        .put("aadObjectId", UUID.nameUUIDFromBytes(user.getBytes()).toString());
    ObjectNode conv = activity.putObject("conversation");
    conv.put("conversationType", personal ? "personal" : "channel");
    conv.put("tenantId", TENANT);
    conv.put("id", conversation);
    if (!personal) {
      conv.put("isGroup", true);
    }
    activity.putObject("recipient").put("id", BOT).put("name", "LearnLoop");
    activity.put("locale", "en-US");
    activity
        .putArray("entities")
        .addObject()
        .put("type", "clientInfo")
        .put("locale", "en-US")
        .put("timezone", "Asia/Jakarta")
        .put("platform", "Web");
    ObjectNode channelData = activity.putObject("channelData");
    channelData.putObject("tenant").put("id", TENANT);
    return activity;
  }

  static ObjectNode message(
      String id, String user, String conversation, boolean personal, String text) {
    ObjectNode activity = activity("message", id, user, conversation, personal);
    activity.put("textFormat", "plain");
    activity.put("text", text);
    if (text.contains("<at>LearnLoop</at>")) {
      // Teams names every @mention in an entity as well as in the text.
      ((ArrayNode) activity.get("entities"))
          .addObject()
          .put("type", "mention")
          .put("text", "<at>LearnLoop</at>")
          .putObject("mentioned")
          .put("id", BOT)
          .put("name", "LearnLoop");
    }
    return activity;
  }

  /** An {@code Action.Execute} press on a card, as Teams invokes the bot. */
  static ObjectNode execute(
      String id,
      String user,
      String conversation,
      boolean personal,
      String card,
      String verb,
      ObjectNode data) {
    ObjectNode activity = activity("invoke", id, user, conversation, personal);
    activity.put("name", "adaptiveCard/action");
    activity.put("replyToId", card);
    ObjectNode action = activity.putObject("value").putObject("action");
    action.put("type", "Action.Execute");
    action.put("verb", verb);
    action.set("data", data);
    ((ObjectNode) activity.get("value")).put("trigger", "manual");
    return activity;
  }

  /**
   * An {@code Action.Submit} press, as older clients send it: a message carrying the card's data.
   */
  static ObjectNode submit(
      String id, String user, String conversation, String card, ObjectNode data) {
    ObjectNode activity = activity("message", id, user, conversation, true);
    activity.put("replyToId", card);
    activity.set("value", data);
    return activity;
  }

  static ObjectNode data(String action, String key, String value) {
    ObjectNode data = JSON.createObjectNode().put("action", action);
    data.put(key, value);
    return data;
  }

  static HttpResponse<String> send(int port, ObjectNode activity, String token) {
    return send(port, activity.toString(), token);
  }

  static HttpResponse<String> send(int port, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/messages"))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static KeyPair rsa() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "learnloop.data-dir=" + TestDataDir.create(),
              "learnloop.content.dir=../content",
              "learnloop.redis.url=",
              "learnloop.teams.app-id=" + APP_ID,
              "learnloop.teams.app-password=" + APP_PASSWORD,
              "learnloop.teams.app-tenant-id=" + TENANT,
              "learnloop.teams.open-id-metadata=" + connector().baseUrl() + "/openid",
              "learnloop.teams.public-url=https://learnloop.example.com",
              "learnloop.teams.first-backoff=20ms",
              "learnloop.teams.attempts=3",
              "learnloop.experts.default.teams=" + EXPERTS_CHANNEL)
          .applyTo(context);
    }
  }

  /**
   * The bot's outbound credentials with a fixed token: MSAL will not ask a plain-http authority for
   * one, so the token step is checked on its own (TeamsCredentialsTest).
   */
  @TestConfiguration
  static class TestCredentials {
    @Bean
    @Primary
    AppCredentials testTeamsCredentials() {
      AppCredentials credentials =
          new AppCredentials(TENANT) {
            @Override
            protected Authenticator buildAuthenticator() {
              throw new UnsupportedOperationException("tests use a fixed token");
            }

            @Override
            public CompletableFuture<String> getToken() {
              return CompletableFuture.completedFuture("test-outbound-token");
            }
          };
      credentials.setAppId(APP_ID);
      return credentials;
    }

    @Bean
    static BeanPostProcessor recordTeamsReplies() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof ChatGateway gateway
                  && !(bean instanceof RecordingChatGateway)
                  && gateway.channel().equals("teams")
              ? new RecordingChatGateway(gateway)
              : bean;
        }
      };
    }
  }
}
