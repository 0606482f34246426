package io.learnloop.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.learnloop.app.TestDataDir;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.integrations.slack.SigningSecretVerification;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A Slack workspace for tests: the Web API played by WireMock with responses shaped like Slack's
 * documented ones, and requests to {@code /slack/events} signed the way Slack signs them (as in
 * bolt-java's own tests: {@code SlackSignature.Generator}, {@code X-Slack-Request-Timestamp},
 * {@code X-Slack-Signature}).
 */
final class SlackWorkspace {

  static final String TEAM = "T0LEARN01";
  static final String BOT_USER = "U0BOTLL01";
  static final String BOT_ID = "B0BOTLL01";
  static final String SIGNING_SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  static final String BOT_TOKEN = "xoxb-1234-5678-learnloop";
  static final String CHANNEL = "C0TEAM0001";

  /**
   * A member of the Slack user group {@code @leads}, which reads the people managers' documents.
   */
  static final String LEAD = "U0LEAD0001";

  /** The channel where the experts read questions passed on with "Ask a person". */
  static final String EXPERTS = "C0EXPERTS1";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static WireMockServer api;

  private SlackWorkspace() {}

  /** The Web API, started once for every Spring context of the Slack tests. */
  static synchronized WireMockServer api() {
    if (api == null) {
      api =
          new WireMockServer(
              wireMockConfig()
                  .dynamicPort()
                  .http2PlainDisabled(true)
                  .globalTemplating(true)
                  .containerThreads(40));
      api.start();
      stubWebApi();
    }
    return api;
  }

  /** Slack's answers to every method LearnLoop calls, as documented. */
  static void stubWebApi() {
    WireMockServer wm = api;
    wm.resetAll();
    wm.stubFor(
        post(urlEqualTo("/api/auth.test"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"url\":\"https://learnloop-test.slack.com/\",\"team\":\"LearnLoop"
                        + " Test\",\"user\":\"learnloop\",\"team_id\":\""
                        + TEAM
                        + "\",\"user_id\":\""
                        + BOT_USER
                        + "\",\"bot_id\":\""
                        + BOT_ID
                        + "\",\"is_enterprise_install\":false}")));
    wm.stubFor(
        post(urlEqualTo("/api/views.open"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"view\":{\"id\":\"V0SETTINGS1\",\"team_id\":\""
                        + TEAM
                        + "\",\"type\":\"modal\",\"callback_id\":\"settings\","
                        + "\"hash\":\"1733200000.abcdef\"}}")));
    wm.stubFor(
        post(urlEqualTo("/api/bots.info"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"bot\":{\"id\":\""
                        + BOT_ID
                        + "\",\"deleted\":false,\"name\":\"LearnLoop\",\"updated\":1733000000,"
                        + "\"app_id\":\"A0LEARN001\",\"user_id\":\""
                        + BOT_USER
                        + "\"}}")));
    wm.stubFor(
        post(urlEqualTo("/api/chat.postMessage"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":\"{{formData request.body 'f' urlDecode=true}}{{f.channel}}\","
                        + "\"ts\":\"1733000000.{{randomValue length=6 type='NUMERIC'}}\","
                        + "\"message\":{\"type\":\"message\",\"subtype\":\"bot_message\",\"text\":\"ok\","
                        + "\"bot_id\":\""
                        + BOT_ID
                        + "\"}}")));
    wm.stubFor(
        post(urlEqualTo("/api/chat.getPermalink"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":\"{{formData request.body 'f' urlDecode=true}}{{f.channel}}\","
                        + "\"permalink\":\"https://learnloop-test.slack.com/archives/"
                        + "{{formData request.body 'f' urlDecode=true}}{{f.channel}}/p"
                        + "{{formData request.body 'f' urlDecode=true}}{{replace f.message_ts '.' ''}}\"}")));
    wm.stubFor(
        post(urlEqualTo("/api/chat.postEphemeral"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"message_ts\":\"1733000001.{{randomValue length=6 type='NUMERIC'}}\"}")));
    wm.stubFor(
        post(urlEqualTo("/api/chat.update"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":\"{{formData request.body 'f' urlDecode=true}}{{f.channel}}\","
                        + "\"ts\":\"{{formData request.body 'f' urlDecode=true}}{{f.ts}}\",\"text\":\"ok\"}")));
    wm.stubFor(
        post(urlEqualTo("/api/conversations.open"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"channel\":{\"id\":\"D{{formData request.body 'f' urlDecode=true}}{{f.users}}\"}}")));
    wm.stubFor(
        post(urlEqualTo("/api/users.info"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"user\":{\"id\":\"{{formData request.body 'f' urlDecode=true}}{{f.user}}\","
                        + "\"team_id\":\""
                        + TEAM
                        + "\",\"name\":\"someone\",\"deleted\":false,\"tz\":\"Asia/Jakarta\","
                        + "\"tz_label\":\"Western Indonesia Time\",\"tz_offset\":25200,"
                        + "\"locale\":\"en-US\",\"is_bot\":false,\"is_email_confirmed\":true,"
                        + "\"profile\":{\"real_name\":\"Someone\",\"display_name\":\"someone\"}}}")));
    wm.stubFor(
        post(urlPathMatching("/api/reactions\\.(add|remove)")).willReturn(okJson("{\"ok\":true}")));
    // usergroups.list with include_users=true: @leads is mapped to a document group, @support not.
    wm.stubFor(
        post(urlEqualTo("/api/usergroups.list"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"usergroups\":[{\"id\":\"S0LEADS001\",\"team_id\":\""
                        + TEAM
                        + "\",\"is_usergroup\":true,\"is_subteam\":true,\"name\":\"Team leads\","
                        + "\"description\":\"Everyone who leads a team\",\"handle\":\"leads\","
                        + "\"is_external\":false,\"date_create\":1446598059,\"date_update\":1446670362,"
                        + "\"date_delete\":0,\"auto_type\":null,\"created_by\":\"USLACKBOT\","
                        + "\"updated_by\":\"U0ADMIN001\",\"deleted_by\":null,"
                        + "\"prefs\":{\"channels\":[],\"groups\":[]},\"users\":[\""
                        + LEAD
                        + "\"],\"user_count\":1,\"channel_count\":0},"
                        + "{\"id\":\"S0SUPPORT1\",\"team_id\":\""
                        + TEAM
                        + "\",\"is_usergroup\":true,\"is_subteam\":true,\"name\":\"Support\","
                        + "\"description\":\"\",\"handle\":\"support\",\"is_external\":false,"
                        + "\"date_create\":1446746793,\"date_update\":1446747767,\"date_delete\":0,"
                        + "\"auto_type\":null,\"created_by\":\"U0ADMIN001\",\"updated_by\":\"U0ADMIN001\","
                        + "\"deleted_by\":null,\"prefs\":{\"channels\":[],\"groups\":[]},"
                        + "\"users\":[\"U0SUPPORT1\",\""
                        + LEAD
                        + "\"],\"user_count\":2,\"channel_count\":0}]}")));
    wm.stubFor(
        post(urlEqualTo("/api/views.publish"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"view\":{\"id\":\"V{{randomValue length=8 type='ALPHANUMERIC' uppercase=true}}\","
                        + "\"type\":\"home\",\"hash\":\"1733000000.abcdef\"}}")));
    wm.stubFor(post(urlPathMatching("/response-url/.*")).willReturn(okJson("{\"ok\":true}")));
    // files.uploadV2: an upload URL, the bytes posted to it, then the completion.
    wm.stubFor(
        post(urlEqualTo("/api/files.getUploadURLExternal"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"upload_url\":\""
                        + api.baseUrl()
                        + "/upload/F0EXPORT01\",\"file_id\":\"F0EXPORT01\"}")));
    wm.stubFor(
        post(urlEqualTo("/upload/F0EXPORT01"))
            .willReturn(aResponse().withStatus(200).withBody("OK - 1")));
    wm.stubFor(
        post(urlEqualTo("/api/files.completeUploadExternal"))
            .willReturn(
                okJson(
                    "{\"ok\":true,\"files\":[{\"id\":\"F0EXPORT01\",\"title\":\"learnloop-export.json\"}]}")));
    wm.stubFor(
        any(anyUrl())
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(404)
                    .withBody("{\"ok\":false,\"error\":\"unknown_method\"}")));
  }

  static String url() {
    return api().baseUrl();
  }

  /** The Slack settings of a test context, and the rest as the bot runs with nothing configured. */
  static final class Initializer
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      TestPropertyValues.of(
              "learnloop.data-dir=" + TestDataDir.create(),
              "learnloop.content.dir=../content",
              "learnloop.redis.url=",
              "learnloop.slack.bot-token=" + BOT_TOKEN,
              "learnloop.slack.signing-secret=" + SIGNING_SECRET,
              "learnloop.slack.api-url=" + url() + "/api/",
              "learnloop.slack.public-url=https://learnloop.example.com",
              "learnloop.slack.first-backoff=20ms",
              "learnloop.knowledge.groups.hr=slack:" + TEAM + ":U0HRPERSON",
              "learnloop.slack.user-groups.leads=people-managers",
              "learnloop.experts.default.slack=" + EXPERTS,
              // The sample roster's managers are Slack users: a sweep every five minutes would
              // drop their catch-up nudge into whichever test runs then. Tests send it themselves.
              "learnloop.nudges.sweep-cron=0 0 0 1 1 *")
          .applyTo(context);
    }
  }

  /** Records what the core sends through the real Slack gateway, for the contract kit. */
  @TestConfiguration
  static class Recording {
    @Bean
    static BeanPostProcessor recordSlackReplies() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String name) {
          return bean instanceof ChatGateway gateway
                  && !(bean instanceof RecordingChatGateway)
                  && gateway.channel().equals("slack")
              ? new RecordingChatGateway(gateway)
              : bean;
        }
      };
    }
  }

  // ---- requests Slack sends us ----

  static HttpResponse<String> signedJson(int port, String body) {
    return send(port, body, "application/json", Instant.now().getEpochSecond(), true, Map.of());
  }

  static HttpResponse<String> signedForm(int port, String body) {
    return send(
        port,
        body,
        "application/x-www-form-urlencoded",
        Instant.now().getEpochSecond(),
        true,
        Map.of());
  }

  static HttpResponse<String> send(
      int port,
      String body,
      String contentType,
      long timestamp,
      boolean signed,
      Map<String, String> headers) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/slack/events"))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
    if (signed) {
      String ts = String.valueOf(timestamp);
      request
          .header("X-Slack-Request-Timestamp", ts)
          .header("X-Slack-Signature", signature(ts, body));
    }
    headers.forEach(request::header);
    try {
      return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Slack's signature of a body: HMAC-SHA256 over the UTF-8 bytes, whatever this JVM's charset. */
  static String signature(String timestamp, String body) {
    return new SigningSecretVerification(SIGNING_SECRET, Clock.systemUTC()).sign(timestamp, body);
  }

  /** An Events API callback as Slack sends it. */
  static String eventCallback(String eventId, String eventJson) {
    return "{\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",\"team_id\":\""
        + TEAM
        + "\",\"api_app_id\":\"A0LEARN001\",\"event\":"
        + eventJson
        + ",\"type\":\"event_callback\",\"event_id\":\""
        + eventId
        + "\",\"event_time\":"
        + Instant.now().getEpochSecond()
        + ",\"authorizations\":[{\"enterprise_id\":null,\"team_id\":\""
        + TEAM
        + "\",\"user_id\":\""
        + BOT_USER
        + "\",\"is_bot\":true,\"is_enterprise_install\":false}],"
        + "\"is_ext_shared_channel\":false,\"event_context\":\"4-eyJldCI6Im1lc3NhZ2UifQ\"}";
  }

  /** A direct message to the bot ({@code message.im}). */
  static String directMessage(String user, String channel, String ts, String text) {
    return message(user, channel, ts, text, "", "im");
  }

  /** A reply in a thread of the bot's DM ({@code message.im} with {@code thread_ts}). */
  static String directThreadReply(
      String user, String channel, String threadTs, String ts, String text) {
    return message(user, channel, ts, text, inThread(threadTs), "im");
  }

  /**
   * A reply in a thread of a channel the bot is in ({@code message.channels}): {@code thread_ts} is
   * the thread's first message, {@code ts} the reply's own.
   */
  static String threadReply(String user, String channel, String threadTs, String ts, String text) {
    return message(user, channel, ts, text, inThread(threadTs), "channel");
  }

  private static String inThread(String threadTs) {
    return "\"thread_ts\":\"" + threadTs + "\",\"parent_user_id\":\"" + BOT_USER + "\",";
  }

  private static String message(
      String user, String channel, String ts, String text, String thread, String channelType) {
    return "{\"client_msg_id\":\""
        + UUID.randomUUID()
        + "\",\"type\":\"message\",\"text\":"
        + quote(text)
        + ",\"user\":\""
        + user
        + "\",\"ts\":\""
        + ts
        + "\",\"blocks\":[],\"team\":\""
        + TEAM
        + "\","
        + thread
        + "\"channel\":\""
        + channel
        + "\",\"event_ts\":\""
        + ts
        + "\",\"channel_type\":\""
        + channelType
        + "\"}";
  }

  /** A slash command's form body. */
  static String slashCommand(String user, String channel, String text, String triggerId) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("token", "gIkuvaNzQIHg97ATvDxqgjtO");
    form.put("team_id", TEAM);
    form.put("team_domain", "learnloop-test");
    form.put("channel_id", channel);
    form.put("channel_name", channel.startsWith("D") ? "directmessage" : "general");
    form.put("user_id", user);
    form.put("user_name", "someone");
    form.put("command", "/learn");
    form.put("text", text);
    form.put("api_app_id", "A0LEARN001");
    form.put("is_enterprise_install", "false");
    form.put("response_url", url() + "/response-url/commands/" + triggerId);
    form.put("trigger_id", triggerId);
    return formOf(form);
  }

  /** A button press ({@code block_actions}) on a message. */
  static String blockAction(
      String user,
      String channel,
      String messageTs,
      boolean ephemeral,
      String actionId,
      String value,
      String triggerId) {
    String payload =
        pressedBy(user)
            + "\"container\":{\"type\":\"message\",\"message_ts\":\""
            + messageTs
            + "\",\"channel_id\":\""
            + channel
            + "\",\"is_ephemeral\":"
            + ephemeral
            + "},\"trigger_id\":\""
            + triggerId
            + "\",\"team\":{\"id\":\""
            + TEAM
            + "\",\"domain\":\"learnloop-test\"},\"enterprise\":null,\"is_enterprise_install\":false,"
            + "\"channel\":{\"id\":\""
            + channel
            + "\",\"name\":\""
            + (channel.startsWith("D") ? "directmessage" : "general")
            + "\"},\"state\":{\"values\":{}},\"response_url\":\""
            + url()
            + "/response-url/actions/"
            + triggerId
            + "\",\"actions\":[{\"action_id\":\""
            + actionId
            + "\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\",\"emoji\":true},"
            + "\"value\":"
            + quote(value)
            + ",\"type\":\"button\",\"action_ts\":\""
            + Instant.now().getEpochSecond()
            + ".123456\"}]}";
    return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
  }

  // What every block_actions payload opens with: its type and who pressed.
  private static String pressedBy(String user) {
    return "{\"type\":\"block_actions\",\"user\":{\"id\":\""
        + user
        + "\",\"username\":\"someone\",\"name\":\"someone\",\"team_id\":\""
        + TEAM
        + "\"},\"api_app_id\":\"A0LEARN001\",\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\",";
  }

  /**
   * A button press in the App Home ({@code block_actions} from a view): no channel and no {@code
   * response_url}, the home view and its hash instead.
   */
  static String homeBlockAction(
      String user, String viewId, String hash, String actionId, String triggerId) {
    String payload =
        pressedBy(user)
            + "\"container\":{\"type\":\"view\",\"view_id\":\""
            + viewId
            + "\"},\"trigger_id\":\""
            + triggerId
            + "\",\"team\":{\"id\":\""
            + TEAM
            + "\",\"domain\":\"learnloop-test\"},\"enterprise\":null,\"is_enterprise_install\":false,"
            + "\"view\":{\"id\":\""
            + viewId
            + "\",\"team_id\":\""
            + TEAM
            + "\",\"type\":\"home\",\"blocks\":[],\"private_metadata\":\"\",\"callback_id\":\"\","
            + "\"state\":{\"values\":{}},\"hash\":\""
            + hash
            + "\",\"title\":{\"type\":\"plain_text\",\"text\":\"View Title\",\"emoji\":true},"
            + "\"clear_on_close\":false,\"notify_on_close\":false,\"close\":null,\"submit\":null,"
            + "\"previous_view_id\":null,\"root_view_id\":\""
            + viewId
            + "\",\"app_id\":\"A0LEARN001\",\"external_id\":\"\",\"app_installed_team_id\":\""
            + TEAM
            + "\",\"bot_id\":\""
            + BOT_ID
            + "\"},\"actions\":[{\"action_id\":\""
            + actionId
            + "\",\"block_id\":\"b1\",\"text\":{\"type\":\"plain_text\",\"text\":\"Settings\","
            + "\"emoji\":true},\"value\":\"\",\"type\":\"button\",\"action_ts\":\""
            + Instant.now().getEpochSecond()
            + ".123456\"}]}";
    return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
  }

  /**
   * The settings modal saved ({@code view_submission}), its state as Slack sends it for a
   * timepicker, checkboxes and radio buttons.
   */
  static String viewSubmission(
      String user, String conversation, String viewId, Map<String, String> values) {
    StringBuilder state = new StringBuilder();
    values.forEach(
        (field, value) -> {
          if (state.length() > 0) {
            state.append(',');
          }
          String element =
              switch (field) {
                case "time" -> "{\"type\":\"timepicker\",\"selected_time\":" + quote(value) + "}";
                case "language" ->
                    "{\"type\":\"radio_buttons\",\"selected_option\":{\"text\":{\"type\":"
                        + "\"plain_text\",\"text\":\"x\"},\"value\":"
                        + quote(value)
                        + "}}";
                case "next_role" ->
                    "{\"type\":\"static_select\",\"selected_option\":{\"text\":{\"type\":"
                        + "\"plain_text\",\"text\":\"x\",\"emoji\":true},\"value\":"
                        + quote(value)
                        + "}}";
                default ->
                    "{\"type\":\"checkboxes\",\"selected_options\":["
                        + java.util.Arrays.stream(value.split(","))
                            .filter(v -> !v.isEmpty())
                            .map(
                                v ->
                                    "{\"text\":{\"type\":\"plain_text\",\"text\":\"x\"},\"value\":"
                                        + quote(v)
                                        + "}")
                            .collect(java.util.stream.Collectors.joining(","))
                        + "]}";
              };
          state
              .append(quote(field))
              .append(":{")
              .append(quote(field))
              .append(':')
              .append(element)
              .append('}');
        });
    String payload =
        "{\"type\":\"view_submission\",\"team\":{\"id\":\""
            + TEAM
            + "\",\"domain\":\"learnloop-test\"},\"user\":{\"id\":\""
            + user
            + "\",\"username\":\"someone\",\"name\":\"someone\",\"team_id\":\""
            + TEAM
            + "\"},\"api_app_id\":\"A0LEARN001\",\"token\":\"Jhj5dZrVaK7ZwHHjRyZWjbDl\","
            + "\"trigger_id\":\"4242.4242.submit\",\"view\":{\"id\":\""
            + viewId
            + "\",\"team_id\":\""
            + TEAM
            + "\",\"type\":\"modal\",\"callback_id\":\"settings\",\"private_metadata\":"
            + quote(conversation)
            + ",\"hash\":\"1733200000.abcdef\",\"blocks\":[],\"state\":{\"values\":{"
            + state
            + "}}},\"response_urls\":[],\"is_enterprise_install\":false}";
    return "payload=" + URLEncoder.encode(payload, StandardCharsets.UTF_8);
  }

  static String formOf(Map<String, String> form) {
    StringBuilder body = new StringBuilder();
    form.forEach(
        (k, v) ->
            body.append(body.isEmpty() ? "" : "&")
                .append(k)
                .append('=')
                .append(URLEncoder.encode(v, StandardCharsets.UTF_8)));
    return body.toString();
  }

  static String quote(String text) {
    try {
      return JSON.writeValueAsString(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  // ---- what we sent Slack ----

  /** The calls made to one Web API method, oldest first. */
  static List<LoggedRequest> calls(String method) {
    return api().findAll(postRequestedFor(urlEqualTo("/api/" + method)));
  }

  static int allCalls() {
    return api().findAll(anyRequestedFor(anyUrl())).size();
  }

  /** A form-encoded Web API call's parameters. */
  static Map<String, String> form(LoggedRequest request) {
    Map<String, String> form = new LinkedHashMap<>();
    for (String pair : request.getBodyAsString().split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0) {
        form.put(
            URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
            URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
    }
    return form;
  }

  static JsonNode blocks(LoggedRequest request) {
    try {
      return JSON.readTree(form(request).getOrDefault("blocks", "[]"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static JsonNode json(String text) {
    try {
      return JSON.readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
