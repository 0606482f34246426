package io.learnloop.dialog.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.channel.Citation;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ExpertChannelsTest {

  private final ExpertChannels experts =
      new ExpertChannels(
          Map.of(
              "Leave-Policy", Map.of("slack", "C0LEAVE", "teams", "19:leave@thread.tacv2"),
              "hr", Map.of("slack", "C0HR"),
              "default", Map.of("slack", "C0HELP")));

  @Test
  void should_route_to_the_first_topic_with_experts_on_the_channel_else_the_default() {
    assertThat(experts.conversationFor("slack", List.of("leave-policy", "hr"))).contains("C0LEAVE");
    assertThat(experts.conversationFor("slack", List.of("phishing", "hr"))).contains("C0HR");
    assertThat(experts.conversationFor("slack", List.of("phishing"))).contains("C0HELP");
    assertThat(experts.conversationFor("teams", List.of("hr", "leave-policy")))
        .contains("19:leave@thread.tacv2");
  }

  @Test
  void should_have_no_experts_on_a_channel_nobody_configured() {
    assertThat(experts.conversationFor("teams", List.of("phishing"))).isEmpty();
    assertThat(experts.conversationFor("web", List.of("leave-policy"))).isEmpty();
    assertThat(ExpertChannels.none().conversationFor("slack", List.of())).isEmpty();
  }

  @Test
  void should_refuse_a_conversation_id_that_is_blank_or_has_spaces() {
    assertThatThrownBy(() -> new ExpertChannels(Map.of("hr", Map.of("slack", "C0 HR"))))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("learnloop.experts.hr.slack");
    assertThatThrownBy(() -> new ExpertChannels(Map.of("hr", Map.of("slack", " "))))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_take_skills_then_the_top_folder_of_each_source_in_order_as_topics() {
    List<Citation> sources =
        List.of(
            new Citation("hr/leave/annual.md#carry", "Annual", "", "", 1),
            new Citation("security/phishing.md", "Phishing", "", "", 1),
            new Citation("intro.md", "Intro", "", "", 1));

    List<String> topics =
        AskPerson.topics(
            sources,
            c ->
                c.source().startsWith("hr/")
                    ? Set.of("leave-policy", "benefits")
                    : c.source().startsWith("security/") ? Set.of("phishing") : Set.of());

    assertThat(topics).containsExactly("benefits", "leave-policy", "hr", "phishing", "security");
  }
}
