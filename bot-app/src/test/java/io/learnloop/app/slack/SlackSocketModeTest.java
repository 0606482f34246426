package io.learnloop.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import io.learnloop.app.TestDataDir;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ContextConfiguration;

/**
 * Slack over Socket Mode ({@code SLACK_APP_TOKEN} set): {@code apps.connections.open} (WireMock)
 * hands out the URL of a WebSocket server on a loopback port, which plays Slack's end of the
 * connection. The same Bolt app answers what comes over it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(
    initializers = {SlackWorkspace.Initializer.class, SlackSocketModeTest.SocketMode.class})
@Import(SlackWorkspace.Recording.class)
@DirtiesContext
class SlackSocketModeTest {

  static final String APP_TOKEN = "xapp-1-A0LEARN001-1733000000-abcdef0123456789";
  static final LocalSocketMode slack = LocalSocketMode.started();

  @Autowired TestRestTemplate http;

  /** Slack on over Socket Mode, its connection served by {@link #slack}. */
  static final class SocketMode
      implements ApplicationContextInitializer<ConfigurableApplicationContext> {
    @Override
    public void initialize(ConfigurableApplicationContext context) {
      SlackWorkspace.api()
          .stubFor(
              post(urlEqualTo("/api/apps.connections.open"))
                  .willReturn(okJson("{\"ok\":true,\"url\":\"" + slack.url() + "\"}")));
      TestPropertyValues.of("learnloop.slack.app-token=" + APP_TOKEN).applyTo(context);
      // Slack's end closes after the app: Bolt's SocketModeApp disconnects (and stops
      // reconnecting) only while the connection is up. Registered first, destroyed last.
      ((DefaultListableBeanFactory) context.getBeanFactory())
          .registerDisposableBean("localSocketMode", slack::stop);
    }
  }

  @BeforeEach
  void connected() {
    TestDataDir.awaitKnowledgeReady(http);
    await().atMost(Duration.ofSeconds(30)).until(() -> slack.connections() > 0);
  }

  @Test
  void should_acknowledge_an_event_by_its_envelope_and_answer_it_once_when_redelivered() {
    String user =
        "U" + UUID.randomUUID().toString().replace("-", "").substring(0, 10).toUpperCase();
    String dm = "D" + user;
    String callback =
        SlackWorkspace.eventCallback(
            "Ev0SOCKET" + user,
            SlackWorkspace.directMessage(
                user, dm, "1733000100.000100", "How many annual leave days can I carry over?"));

    slack.deliver(LocalSocketMode.eventsApi("57d6a792-4d35-4d0b-b6aa-3361493e1caf", callback, 0));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(slack.received())
                    .anySatisfy(
                        ack ->
                            assertThat(SlackWorkspace.json(ack).path("envelope_id").asText())
                                .isEqualTo("57d6a792-4d35-4d0b-b6aa-3361493e1caf")));
    LoggedRequest answer = awaitPosted(dm);
    assertThat(SlackWorkspace.blocks(answer).toString()).contains("[1]");
    assertThat(SlackWorkspace.calls("apps.connections.open").get(0).getHeader("Authorization"))
        .isEqualTo("Bearer " + APP_TOKEN);

    slack.deliver(LocalSocketMode.eventsApi("e5f1c9a0-retry-0001", callback, 1));
    // The same person's next message runs after the redelivery (one person's work runs in order).
    slack.deliver(
        LocalSocketMode.eventsApi(
            "e5f1c9a0-next-0001",
            SlackWorkspace.eventCallback(
                "Ev0NEXT" + user,
                SlackWorkspace.directMessage(user, dm, "1733000100.000200", "help")),
            0));

    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () ->
                assertThat(slack.received())
                    .extracting(ack -> SlackWorkspace.json(ack).path("envelope_id").asText())
                    .contains("e5f1c9a0-retry-0001", "e5f1c9a0-next-0001"));
    await().atMost(Duration.ofSeconds(30)).until(() -> posted(dm).size() >= 2);
    assertThat(posted(dm))
        .as("the redelivered envelope is acknowledged, not answered again")
        .hasSize(2);
    assertThat(SlackWorkspace.blocks(posted(dm).get(1)).toString()).doesNotContain("[1]");
  }

  private static LoggedRequest awaitPosted(String dm) {
    await().atMost(Duration.ofSeconds(30)).until(() -> !posted(dm).isEmpty());
    return posted(dm).get(0);
  }

  private static List<LoggedRequest> posted(String dm) {
    return SlackWorkspace.calls("chat.postMessage").stream()
        .filter(r -> dm.equals(SlackWorkspace.form(r).get("channel")))
        .toList();
  }
}
