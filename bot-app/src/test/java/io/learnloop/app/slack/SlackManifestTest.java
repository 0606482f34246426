package io.learnloop.app.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.integrations.slack.SlackInbound;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The app manifest an admin pastes asks for what the adapter handles and needs, and no less. */
class SlackManifestTest {

  private final JsonNode manifest = read(Path.of("..", "slack", "manifest.json"));

  @Test
  void should_declare_the_command_events_and_scopes_the_adapter_uses() {
    assertThat(manifest.at("/features/slash_commands/0/command").asText())
        .isEqualTo(SlackInbound.COMMAND);
    assertThat(texts(manifest.at("/settings/event_subscriptions/bot_events")))
        .containsExactlyInAnyOrder(
            "app_home_opened", "app_mention", "message.channels", "message.groups", "message.im");
    assertThat(texts(manifest.at("/oauth_config/scopes/bot")))
        .contains(
            "app_mentions:read",
            // an expert's reply in the thread of a question passed on with "Ask a person"
            "channels:history",
            "groups:history",
            "chat:write",
            "commands",
            "im:history",
            "im:write",
            "reactions:write",
            // Slack user groups mapped to document groups (learnloop.slack.user-groups)
            "usergroups:read",
            "users:read",
            "users:read.email",
            // team and manager from custom profile fields (learnloop.slack.profile-fields)
            "users.profile:read");
    assertThat(manifest.at("/features/app_home/home_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/features/app_home/messages_tab_enabled").asBoolean()).isTrue();
    assertThat(manifest.at("/settings/interactivity/is_enabled").asBoolean()).isTrue();
  }

  @Test
  void should_send_every_request_to_the_events_endpoint() {
    List<String> urls =
        List.of(
            manifest.at("/features/slash_commands/0/url").asText(),
            manifest.at("/settings/event_subscriptions/request_url").asText(),
            manifest.at("/settings/interactivity/request_url").asText());

    assertThat(urls).allSatisfy(url -> assertThat(url).endsWith(SlackConfiguration.PATH));
  }

  private static List<String> texts(JsonNode array) {
    List<String> texts = new ArrayList<>();
    array.forEach(node -> texts.add(node.asText()));
    return texts;
  }

  private static JsonNode read(Path path) {
    try {
      return new ObjectMapper().readTree(path.toFile());
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}
