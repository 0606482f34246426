package io.learnloop.integrations.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChartImage;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.i18n.Language;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

class AdaptiveCardRendererTest {

  private final AdaptiveCardRenderer renderer =
      new AdaptiveCardRenderer(
          Optional.of("https://learnloop.example.com/"),
          key -> key.equals("teams:t1:29:ana") ? Optional.of("Ana") : Optional.empty());

  private static final Citation SOURCE =
      new Citation(
          "handbook/annual-leave.md",
          "Annual leave",
          "Carrying days over",
          "/docs/annual-leave.md",
          1);

  @Test
  void should_render_the_settings_as_the_cards_own_inputs_under_one_save() {
    Reply.SettingsForm form =
        new Reply.SettingsForm(
            Language.INDONESIAN,
            "Pengaturan Anda: kuis harian pukul 07:30",
            java.time.LocalTime.of(7, 30),
            java.util.Set.of(java.time.DayOfWeek.MONDAY, java.time.DayOfWeek.THURSDAY),
            Language.INDONESIAN,
            true,
            List.of(),
            "risk",
            List.of(
                new Reply.SettingsForm.Choice("-", "Belum memilih peran berikutnya"),
                new Reply.SettingsForm.Choice("risk", "Analis risiko")));

    JsonNode card = renderer.render(form, false).card().orElseThrow();

    JsonNode body = card.path("body");
    assertThat(body.findValuesAsText("id"))
        .containsExactly("time", "days", "language", "paused", "next_role");
    assertThat(body.get(5).path("type").asText()).isEqualTo("Input.ChoiceSet");
    assertThat(body.get(5).path("style").asText()).isEqualTo("compact");
    assertThat(body.get(5).path("value").asText()).isEqualTo("risk");
    assertThat(body.get(5).path("choices").findValuesAsText("title"))
        .containsExactly("Belum memilih peran berikutnya", "Analis risiko");
    assertThat(body.get(1).path("type").asText()).isEqualTo("Input.Time");
    assertThat(body.get(1).path("value").asText()).isEqualTo("07:30");
    assertThat(body.get(2).path("isMultiSelect").asBoolean()).isTrue();
    assertThat(body.get(2).path("value").asText()).isEqualTo("MONDAY,THURSDAY");
    assertThat(body.get(2).path("choices").get(0).path("title").asText()).isEqualTo("Senin");
    assertThat(body.get(3).path("value").asText()).isEqualTo("id");
    assertThat(body.get(4).path("type").asText()).isEqualTo("Input.Toggle");
    assertThat(body.get(4).path("value").asText()).isEqualTo("true");
    JsonNode save = card.path("actions").get(0);
    assertThat(save.path("type").asText()).isEqualTo("Action.Execute");
    assertThat(save.path("verb").asText()).isEqualTo("settings.save");
    assertThat(save.path("title").asText()).isEqualTo("Simpan");
    assertThat(save.path("fallback").path("type").asText()).isEqualTo("Action.Submit");
  }

  @Test
  void should_render_a_managers_nudge_with_every_part_in_the_managers_language() {
    ManagerNudge nudge =
        new ManagerNudge(
            Language.INDONESIAN,
            "Ringkasan tim Anda minggu ini",
            "2 dari 3 anggota tim berlatih minggu ini.",
            2,
            3,
            List.of(new ManagerNudge.TeamSkill("Dasar-dasar keamanan", 0.52, 0.08, 0.75, 0, 3)),
            List.of(
                new ManagerNudge.WeakSkill(
                    "Dasar-dasar keamanan",
                    0.52,
                    0.75,
                    List.of(new ManagerNudge.MissedItem("Berapa lama kata sandi?", 4, 2)))),
            List.of(
                new ManagerNudge.InactiveReport("Budi Santoso", OptionalInt.of(10)),
                new ManagerNudge.InactiveReport("Ayu Pratama", OptionalInt.empty())),
            List.of("Tanyakan pada Budi apa yang menghalanginya."),
            "/dashboard/teams/sales?lang=id");

    JsonNode card = renderer.render(nudge, false).card().orElseThrow();

    String body = card.path("body").toString();
    assertThat(body)
        .contains("Ringkasan tim Anda minggu ini")
        .contains("Dasar-dasar keamanan")
        .contains("Berapa lama kata sandi?")
        .contains("Budi Santoso")
        .contains("Ayu Pratama")
        .contains("Tanyakan pada Budi")
        .doesNotContain("render.");
    assertThat(card.path("actions")).hasSize(1);
    assertThat(card.path("actions").get(0).path("type").asText()).isEqualTo("Action.OpenUrl");
    assertThat(card.path("actions").get(0).path("title").asText()).isEqualTo("Buka dasbor tim");
    assertThat(card.path("actions").get(0).path("url").asText())
        .isEqualTo("https://learnloop.example.com/dashboard/teams/sales?lang=id");
    assertThat(card.path("body").findValues("type"))
        .extracting(JsonNode::asText)
        .doesNotContain("Image");
  }

  @Test
  void should_show_the_nudges_chart_in_its_card_as_a_png_data_uri() throws Exception {
    byte[] png = tinyPng();
    AdaptiveCardRenderer charting =
        new AdaptiveCardRenderer(
            Optional.of("https://learnloop.example.com"),
            key -> Optional.empty(),
            nudge ->
                Optional.of(
                    new ChartImage(png, 2, 2, "team-mastery.png", "Team mastery", "Bars: 52%")));

    JsonNode card = charting.render(nudge("/dashboard?lang=en"), false).card().orElseThrow();

    JsonNode image = card.path("body").get(2);
    assertThat(image.path("type").asText()).isEqualTo("Image");
    assertThat(image.path("altText").asText()).isEqualTo("Bars: 52%");
    String url = image.path("url").asText();
    assertThat(url).startsWith("data:image/png;base64,");
    BufferedImage decoded =
        ImageIO.read(
            new ByteArrayInputStream(
                Base64.getDecoder().decode(url.substring("data:image/png;base64,".length()))));
    assertThat(decoded.getWidth()).isEqualTo(2);
    assertThat(card.path("actions").get(0).path("url").asText())
        .isEqualTo("https://learnloop.example.com/dashboard?lang=en");
  }

  @Test
  void should_send_the_nudge_without_its_chart_when_drawing_fails() {
    AdaptiveCardRenderer failing =
        new AdaptiveCardRenderer(
            Optional.empty(),
            key -> Optional.empty(),
            nudge -> {
              throw new IllegalStateException("no fonts");
            });

    JsonNode card = failing.render(nudge(""), false).card().orElseThrow();

    assertThat(card.path("body").toString())
        .contains("Your team this week")
        .doesNotContain("Image");
    assertThat(card.has("actions")).as("no public URL, no link").isFalse();
  }

  @Test
  void should_offer_the_skills_external_course_beside_the_lessons_handbook_section() {
    Reply.Lesson lesson =
        new Reply.Lesson(
            Language.INDONESIAN,
            "Baca ini dulu.",
            SOURCE,
            List.of(),
            Optional.of(
                new Reply.Lesson.Course(
                    "Dasar-dasar cuti",
                    "https://lms.example.com/cuti-101",
                    25,
                    Language.INDONESIAN)));

    String body = renderer.render(lesson, false).card().orElseThrow().path("body").toString();

    assertThat(body)
        .contains("🎓 [Kursus: Dasar-dasar cuti · 25 menit](https://lms.example.com/cuti-101)");
  }

  @Test
  void should_offer_a_course_beside_a_question_beyond_the_role() {
    Reply.QuizQuestion question =
        new Reply.QuizQuestion(
                Language.ENGLISH,
                "card1",
                "Toward your next role, Risk analyst: Phishing.",
                "Which sender is genuine?",
                List.of(
                    io.learnloop.dialog.channel.Action.of("quiz.choice", "card1.1", "a"),
                    io.learnloop.dialog.channel.Action.of("quiz.choice", "card1.2", "b")))
            .offering(
                new Reply.Lesson.Course(
                    "Spotting phishing",
                    "https://lms.example.com/phishing-101",
                    15,
                    Language.ENGLISH));

    String body = renderer.render(question, false).card().orElseThrow().path("body").toString();

    assertThat(body)
        .contains("🎓 [Course: Spotting phishing · 15 min](https://lms.example.com/phishing-101)");
  }

  private static ManagerNudge nudge(String dashboardPath) {
    return new ManagerNudge(
        Language.ENGLISH,
        "Your team this week",
        "1 of 1 of your reports practised",
        1,
        1,
        List.of(new ManagerNudge.TeamSkill("Security basics", 0.52, 0.08, 0.75, 0, 1)),
        List.of(),
        List.of(),
        List.of("Ask Siti what helped."),
        dashboardPath);
  }

  private static byte[] tinyPng() throws java.io.IOException {
    java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(2, 2, BufferedImage.TYPE_INT_RGB), "png", out);
    return out.toByteArray();
  }

  @Test
  void should_give_every_kind_of_reply_a_body_that_shows_it() {
    List<Reply> replies =
        List.of(
            new Reply.Answer(
                Language.ENGLISH,
                "How many?",
                "Five days [1].",
                List.of(SOURCE),
                false,
                true,
                List.of(Action.of(ActionIds.HELPFUL, "a1", "Helpful"))),
            new Reply.QuizQuestion(
                Language.ENGLISH,
                "c1",
                "New topic",
                "How many days carry over?",
                List.of(
                    Action.of(ActionIds.QUIZ_CHOICE, "c1.1", "Five"),
                    Action.of(ActionIds.QUIZ_CHOICE, "c1.2", "Ten"))),
            new Reply.QuizFeedback(
                Language.ENGLISH,
                "c1",
                "How many days carry over?",
                List.of("Five", "Ten"),
                1,
                0,
                "Not quite: the answer is Five.",
                "Up to five days carry over.",
                "",
                SOURCE,
                List.of(Action.of(ActionIds.QUIZ_NEXT, "", "Next question"))),
            new Reply.Lesson(Language.ENGLISH, "Read this first.", SOURCE, List.of()),
            new Reply.Notice(
                Language.ENGLISH,
                Reply.Notice.Kind.INFO,
                "Delete everything?",
                List.of(Action.of(ActionIds.FORGET_CONFIRMED, "", "Delete"))),
            new Reply.Progress(
                Language.ENGLISH,
                "Your progress",
                List.of(new Reply.Progress.SkillLine("Leave", 0.4, 0.7)),
                3,
                120,
                2,
                "Keep going."),
            new Reply.RoundResult(
                Language.ENGLISH,
                "r1",
                "How many days carry over?",
                List.of("Five", "Ten"),
                List.of(2, 1),
                0,
                "Five it is.",
                "Up to five days.",
                SOURCE,
                List.of(
                    new Reply.RoundResult.Standing("teams:t1:29:ana", 100, 2),
                    new Reply.RoundResult.Standing("teams:t1:29:budi", 50, 1))),
            new Reply.Export(Language.ENGLISH, "Your data", "export.json", Map.of("a", 1)));

    for (Reply reply : replies) {
      ObjectNode card = renderer.render(reply, true).card().orElseThrow();
      assertThat(card.path("body").size()).as(reply.getClass().getSimpleName()).isPositive();
      assertThat(card.toString()).as(reply.getClass().getSimpleName()).doesNotContain("render.");
    }
    String round = renderer.render(replies.get(6), false).card().orElseThrow().toString();
    assertThat(round).contains("Ana").contains("a teammate");
    String answer = renderer.render(replies.get(0), true).card().orElseThrow().toString();
    assertThat(answer)
        .contains("You asked: How many?")
        .contains(
            "[Annual leave › Carrying days over](https://learnloop.example.com/docs/annual-leave.md)");
  }

  @Test
  void should_send_a_notice_without_buttons_as_plain_markdown() {
    AdaptiveCardRenderer.TeamsMessage message =
        renderer.render(
            Reply.Notice.of(Language.ENGLISH, Reply.Notice.Kind.UNAVAILABLE, "Down."), false);

    assertThat(message.card()).isEmpty();
    assertThat(message.text()).isEqualTo("⚠️ Down.");
  }

  @Test
  void should_keep_the_cores_lines_as_lines_and_its_bullets_as_a_list() {
    assertThat(
            AdaptiveCardRenderer.lineBreaks(
                "The closest passages I found:\n• Five days carry over. [1]\n• They expire in March. [2]\nAsk HR."))
        .isEqualTo(
            "The closest passages I found:\n\n- Five days carry over. [1]\n- They expire in March. [2]\n\nAsk HR.");
    assertThat(AdaptiveCardRenderer.lineBreaks("One line.")).isEqualTo("One line.");
  }

  @Test
  void should_name_the_asker_cite_public_sources_and_link_the_expert_reply() {
    ChannelUser ana = new ChannelUser("teams", "t1", "29:ana");
    JsonNode asked =
        renderer
            .render(
                new Reply.QuestionForExperts(
                    Language.ENGLISH, ana, "How many days carry over?", List.of(SOURCE), ""),
                false)
            .card()
            .orElseThrow();
    JsonNode replied =
        renderer
            .render(
                new Reply.ExpertReplied(
                    Language.INDONESIAN,
                    new ChannelUser("teams", "t1", "29:unknown"),
                    "Berapa hari?",
                    "Lima hari.",
                    "https://teams.example/l/message/1"),
                false)
            .card()
            .orElseThrow();

    assertThat(asked.at("/body/0/text").asText()).isEqualTo("**Ana asked:**");
    assertThat(asked.at("/body/1/text").asText()).isEqualTo("How many days carry over?");
    assertThat(asked.at("/body/3/text").asText())
        .isEqualTo(
            "[1] [Annual leave › Carrying days over]"
                + "(https://learnloop.example.com/docs/annual-leave.md)");
    assertThat(asked.has("actions")).as("no link where there is none").isFalse();
    assertThat(replied.at("/body/0/text").asText())
        .isEqualTo("**rekan tim membalas pertanyaan Anda \"Berapa hari?\":**");
    assertThat(replied.at("/body/1/text").asText()).isEqualTo("Lima hari.");
    assertThat(replied.at("/actions/0/type").asText()).isEqualTo("Action.OpenUrl");
    assertThat(replied.at("/actions/0/url").asText())
        .isEqualTo("https://teams.example/l/message/1");
    assertThat(replied.at("/actions/0/title").asText()).isEqualTo("Buka balasan");
  }
}
