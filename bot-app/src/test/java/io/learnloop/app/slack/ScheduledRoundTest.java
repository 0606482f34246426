package io.learnloop.app.slack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A channel's scheduled team round, through the real job runner and Slack gateway: posted to the
 * channel at the cron's time with nobody asking, as a round card with its choice buttons.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SlackWorkspace.Initializer.class)
class ScheduledRoundTest {

  private static final String CHANNEL = "CROUND" + UUID.randomUUID().toString().substring(0, 8);

  @DynamicPropertySource
  static void schedule(DynamicPropertyRegistry properties) {
    properties.add("learnloop.schedule.rounds[0].channel", () -> "slack");
    properties.add("learnloop.schedule.rounds[0].workspace", () -> SlackWorkspace.TEAM);
    properties.add("learnloop.schedule.rounds[0].conversation", () -> CHANNEL);
    properties.add("learnloop.schedule.rounds[0].cron", () -> "*/2 * * * * *");
    properties.add("learnloop.schedule.rounds[0].language", () -> "id");
    // Whatever day the test runs on is a workday: the one day off is another.
    DayOfWeek dayOff = LocalDate.now(ZoneOffset.UTC).getDayOfWeek().plus(3);
    properties.add("learnloop.schedule.weekend", dayOff::name);
    properties.add("learnloop.schedule.holidays", () -> "none");
  }

  @Test
  void should_post_a_round_card_to_the_channel_at_its_time_with_nobody_asking() {
    LoggedRequest posted =
        await()
            .atMost(Duration.ofSeconds(20))
            .until(
                () ->
                    SlackWorkspace.calls("chat.postMessage").stream()
                        .filter(r -> CHANNEL.equals(SlackWorkspace.form(r).get("channel")))
                        .findFirst(),
                java.util.Optional::isPresent)
            .orElseThrow();

    JsonNode blocks = SlackWorkspace.blocks(posted);
    List<String> actions = blocks.findValues("action_id").stream().map(JsonNode::asText).toList();
    assertThat(actions).isNotEmpty().allMatch(id -> id.startsWith("round.choice#"));
    assertThat(SlackWorkspace.form(posted))
        .doesNotContainKey("user")
        .doesNotContainKey("thread_ts");
  }
}
