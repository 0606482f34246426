package io.learnloop.integrations.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BlockKitRendererNudgeTest {

  private final BlockKitRenderer renderer = new BlockKitRenderer(Optional.empty());

  private static String text(List<LayoutBlock> blocks) {
    return blocks.stream()
        .map(
            b ->
                b instanceof SectionBlock s
                    ? s.getText().getText()
                    : b instanceof HeaderBlock h ? h.getText().getText() : "")
        .collect(Collectors.joining("\n"));
  }

  @Test
  void should_render_every_part_of_the_nudge_in_the_managers_language() {
    ManagerNudge nudge =
        new ManagerNudge(
            Language.ENGLISH,
            "Your team this week",
            "1 of 3 of your reports practised in the last 7 days",
            1,
            3,
            List.of(new ManagerNudge.TeamSkill("Security basics", 0.52, 0.08, 0.75, 0, 3)),
            List.of(
                new ManagerNudge.WeakSkill(
                    "Security basics",
                    0.52,
                    0.75,
                    List.of(new ManagerNudge.MissedItem("What is <phishing>?", 3, 2)))),
            List.of(new ManagerNudge.InactiveReport("Budi Santoso", OptionalInt.of(10))),
            List.of("Check in with Budi Santoso.", "Pick Security basics."),
            "/dashboard/teams/sales?lang=en");

    BlockKitRenderer.SlackMessage message = renderer.render(nudge, false, Optional.empty());

    String text = text(message.blocks());
    assertThat(message.blocks().get(0)).isInstanceOf(HeaderBlock.class);
    assertThat(text)
        .contains("Your team this week")
        .contains("Security basics: 52% ± 8 (target 75%) · 0 of 3 at target")
        .contains("*Weakest topics*")
        .contains("\"What is &lt;phishing&gt;?\": missed 3 times by 2 people")
        .contains("• Budi Santoso: 10 days")
        .contains("1. Check in with Budi Santoso.")
        .contains("2. Pick Security basics.");
    assertThat(message.text()).startsWith("Your team this week");
  }

  @Test
  void should_render_a_nudge_without_reports_as_title_and_summary() {
    ManagerNudge nudge =
        new ManagerNudge(
            Language.INDONESIAN,
            "Tim Anda minggu ini",
            "Belum ada anggota tim.",
            0,
            0,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "");

    BlockKitRenderer.SlackMessage message = renderer.render(nudge, false, Optional.empty());

    assertThat(message.blocks()).hasSize(2);
    assertThat(text(message.blocks())).isEqualTo("Tim Anda minggu ini\nBelum ada anggota tim.");
  }

  @Test
  void should_end_the_nudge_with_a_link_button_to_the_team_dashboard_when_the_server_is_public() {
    ManagerNudge nudge =
        new ManagerNudge(
            Language.INDONESIAN,
            "Tim Anda minggu ini",
            "1 dari 1 anggota tim berlatih",
            1,
            1,
            List.of(new ManagerNudge.TeamSkill("Dasar-dasar keamanan", 0.52, 0.08, 0.75, 0, 1)),
            List.of(),
            List.of(),
            List.of("Tanyakan pada Siti."),
            "/dashboard/teams/sales-jakarta?lang=id");

    List<LayoutBlock> blocks =
        new BlockKitRenderer(Optional.of("https://learnloop.example.com/"))
            .render(nudge, false, Optional.empty())
            .blocks();
    List<LayoutBlock> withoutPublicUrl = renderer.render(nudge, false, Optional.empty()).blocks();

    ActionsBlock last = (ActionsBlock) blocks.get(blocks.size() - 1);
    ButtonElement button = (ButtonElement) last.getElements().get(0);
    assertThat(button.getUrl())
        .isEqualTo("https://learnloop.example.com/dashboard/teams/sales-jakarta?lang=id");
    assertThat(button.getText().getText()).isEqualTo("Buka dasbor tim");
    assertThat(BlockKitRenderer.coreActionId(button.getActionId()))
        .isEqualTo(BlockKitRenderer.LINK);
    assertThat(withoutPublicUrl).noneMatch(ActionsBlock.class::isInstance);
  }

  @Test
  void should_offer_the_skills_external_course_beside_the_lessons_handbook_section() {
    Reply.Lesson lesson =
        new Reply.Lesson(
            Language.ENGLISH,
            "Read this first.",
            new Citation("handbook/leave.md", "Leave", "", "/docs/leave.md", 1),
            List.of(),
            Optional.of(
                new Reply.Lesson.Course(
                    "Leave essentials",
                    "https://lms.example.com/leave-101",
                    20,
                    Language.ENGLISH)));

    String blocks = renderer.render(lesson, false, Optional.empty()).blocks().toString();

    assertThat(blocks)
        .contains(
            ":mortar_board: <https://lms.example.com/leave-101|Course: Leave essentials · 20 min>");
  }

  @Test
  void should_offer_a_course_beside_a_question_beyond_the_role() {
    Reply.QuizQuestion question =
        new Reply.QuizQuestion(
                Language.INDONESIAN,
                "card1",
                "Menuju peran berikutnya, Analis risiko: Phishing.",
                "Pengirim mana yang asli?",
                List.of(
                    io.learnloop.dialog.channel.Action.of("quiz.choice", "card1.1", "a"),
                    io.learnloop.dialog.channel.Action.of("quiz.choice", "card1.2", "b")))
            .offering(
                new Reply.Lesson.Course(
                    "Mengenali phishing",
                    "https://lms.example.com/phishing-id",
                    20,
                    Language.INDONESIAN));

    String blocks = renderer.render(question, false, Optional.empty()).blocks().toString();

    assertThat(blocks)
        .contains(
            ":mortar_board: <https://lms.example.com/phishing-id|Kursus: Mengenali phishing · 20 menit>");
  }
}
