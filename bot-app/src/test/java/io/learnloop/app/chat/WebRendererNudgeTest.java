package io.learnloop.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class WebRendererNudgeTest {

  private static ManagerNudge nudge(Language language) {
    return new ManagerNudge(
        language,
        "Tim Anda minggu ini",
        "1 dari 3 anggota tim Anda berlatih",
        1,
        3,
        List.of(new ManagerNudge.TeamSkill("Dasar-dasar keamanan", 0.52, 0.08, 0.75, 0, 3)),
        List.of(
            new ManagerNudge.WeakSkill(
                "Dasar-dasar keamanan",
                0.52,
                0.75,
                List.of(new ManagerNudge.MissedItem("Apa itu phishing?", 3, 2)))),
        List.of(
            new ManagerNudge.InactiveReport("Ayu Pratama", OptionalInt.empty()),
            new ManagerNudge.InactiveReport("Budi Santoso", OptionalInt.of(10))),
        List.of("Sapa Ayu Pratama dan Budi Santoso.", "Pilih Dasar-dasar keamanan."),
        "/dashboard/teams/sales?lang=id");
  }

  @Test
  void should_draw_the_nudge_with_skill_bars_and_each_list_under_its_heading() {
    WebMessage message = WebRenderer.render("m-1", Outgoing.toEveryone(nudge(Language.INDONESIAN)));

    assertThat(message.kind()).isEqualTo("nudge");
    assertThat(message.text()).isEqualTo("1 dari 3 anggota tim Anda berlatih");
    WebMessage.Nudge drawn = message.nudge();
    assertThat(drawn.skills())
        .singleElement()
        .satisfies(
            s -> {
              assertThat(s.mastery()).isEqualTo(0.52);
              assertThat(s.label())
                  .isEqualTo(
                      "Dasar-dasar keamanan: 52% ± 8 (target 75%) · 0 dari 3 mencapai target");
            });
    assertThat(drawn.sections())
        .extracting(WebMessage.Nudge.Section::heading)
        .containsExactly(
            "Topik terlemah",
            "Tidak berlatih selama 7 hari atau lebih",
            "Untuk percakapan 10 menit");
    assertThat(drawn.sections().get(0).lines())
        .containsExactly(
            "Dasar-dasar keamanan", "\"Apa itu phishing?\": salah 3 kali oleh 2 orang");
    assertThat(drawn.sections().get(1).lines())
        .containsExactly("Ayu Pratama: belum mulai", "Budi Santoso: 10 hari");
  }

  @Test
  void should_draw_a_nudge_without_reports_as_its_summary_only() {
    ManagerNudge empty =
        new ManagerNudge(
            Language.ENGLISH,
            "Your team this week",
            "No one reports to you yet.",
            0,
            0,
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "");

    WebMessage message = WebRenderer.render("m-2", Outgoing.toEveryone(empty));

    assertThat(message.nudge().sections()).isEmpty();
    assertThat(message.nudge().skills()).isEmpty();
    assertThat(message.nudge().summary()).isEqualTo("No one reports to you yet.");
  }
}
