package io.learnloop.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.oidcLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import io.learnloop.app.TestDataDir;
import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

/**
 * The pilot report through the real security chain and the real answer store, with the sample
 * roster (Rina manages Ayu, Budi and Siti in Sales Jakarta; Made manages Support Bali) and a pilot
 * of two learners with known answers.
 */
@SpringBootTest
@AutoConfigureMockMvc
@DirtiesContext
class PilotReportPageTest {

  static final String PILOT = "/dashboard/pilot?from=2026-10-01&to=2026-11-25";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    TestDataDir.nothingConfigured(registry);
    registry.add("learnloop.dashboard.admin-password", () -> "pilot-report-password");
    registry.add("learnloop.dashboard.pilot.minutes-per-question", () -> "3");
  }

  @Autowired MockMvc mvc;
  @Autowired AnswerLog answers;
  @Autowired Roster roster;
  @Autowired LearningContent content;

  /**
   * Siti: one right answer on 1 Oct (due again on the 3rd under FSRS-6's defaults), answered again
   * on the 4th, within the two days' grace, and its next review left open. Budi: one wrong answer
   * on 5 Oct (due on the 6th), never answered again. Ayu: nothing.
   */
  @BeforeEach
  void aSmallPilot() {
    Instant start = Instant.parse("2026-10-01T02:00:00Z");
    answer("Siti Nurhaliza", 1, true, start, AnswerContext.PRE_TEST);
    answer("Siti Nurhaliza", 2, true, start.plus(Duration.ofDays(3)), AnswerContext.DAILY);
    answer("Budi Santoso", 3, false, start.plus(Duration.ofDays(4)), AnswerContext.DAILY);
  }

  @Test
  void should_show_a_manager_the_pilot_figures_of_their_team_in_their_language() throws Exception {
    String english = page(PILOT, person("rina.wijaya@lumbung.example"));
    String indonesian = page(PILOT + "&lang=id", person("rina.wijaya@lumbung.example"));

    assertThat(english)
        .contains("Pilot report", "2 / 3", "67%", "0.2", "1 of 3 due reviews answered in time")
        .contains("3 minutes per question", "48 hours");
    assertThat(indonesian)
        .contains("Laporan uji coba", "2 / 3", "0,2", "1 dari 3 pengulangan jatuh tempo")
        .contains("3 menit per pertanyaan");
    assertThat(english)
        .as("the language switch keeps the period")
        .contains("href=\"/dashboard/pilot?from=2026-10-01&amp;to=2026-11-25&amp;lang=id\"");
  }

  @Test
  void should_export_the_same_figures_as_csv() throws Exception {
    String csv =
        mvc.perform(get(PILOT.replace("pilot?", "pilot.csv?")).with(admin()))
            .andExpect(status().isOk())
            .andExpect(content().contentType("text/csv;charset=UTF-8"))
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);

    assertThat(csv.lines())
        .contains(
            "measure,skill,value",
            "active_learners,,2",
            "answers,,3",
            "reviews_due,,3",
            "reviews_on_time,,1",
            "minutes_per_question,,3.000");
    assertThat(csv).contains("enrolled,,");
  }

  @Test
  void should_refuse_another_teams_report_send_the_anonymous_to_login_and_explain_a_bad_period()
      throws Exception {
    RequestPostProcessor made = person("made.wirawan@lumbung.example");

    mvc.perform(get(PILOT + "&team=sales-jakarta").with(made)).andExpect(status().isForbidden());
    mvc.perform(get(PILOT + "&team=support-bali").with(made)).andExpect(status().isOk());
    mvc.perform(get(PILOT).with(person("siti.nurhaliza@lumbung.example")))
        .andExpect(status().isForbidden());
    mvc.perform(get(PILOT))
        .andExpect(status().isFound())
        .andExpect(redirectedUrlPattern("**/login"));
    mvc.perform(get(PILOT.replace("pilot?", "pilot.csv?")))
        .andExpect(status().isFound())
        .andExpect(redirectedUrlPattern("**/login"));
    String bad =
        mvc.perform(get("/dashboard/pilot?from=2026-11-26&to=2026-10-01&lang=id").with(admin()))
            .andExpect(status().isBadRequest())
            .andReturn()
            .getResponse()
            .getContentAsString(StandardCharsets.UTF_8);
    assertThat(bad).contains("Periode itu tidak dapat ditampilkan");
    mvc.perform(get("/dashboard/pilot?from=yesterday").with(admin()))
        .andExpect(status().isBadRequest());
    mvc.perform(get("/dashboard/pilot").with(admin())).andExpect(status().isOk());
  }

  private String page(String path, RequestPostProcessor who) throws Exception {
    return mvc.perform(get(path).with(who))
        .andExpect(status().isOk())
        .andReturn()
        .getResponse()
        .getContentAsString(StandardCharsets.UTF_8);
  }

  private void answer(String name, int number, boolean correct, Instant at, AnswerContext context) {
    Catalog catalog = content.catalog().orElseThrow();
    RosterEntry person =
        roster.all().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow();
    Item item =
        catalog
            .itemsFor(
                catalog.role(person.role()).orElseThrow().targets().keySet().iterator().next())
            .get(0);
    answers.record(
        new RecordAnswer(
            new AnswerEvent(
                new AnswerId("pilot-" + number),
                person.learner(),
                item.id(),
                correct ? item.answer() : (item.answer() + 1) % item.choices().size(),
                correct,
                Duration.ofSeconds(20),
                at,
                context),
            item.skills(),
            person.team(),
            ZoneId.of("Asia/Jakarta")));
  }

  private static RequestPostProcessor admin() {
    return user("admin").roles("ADMIN");
  }

  private static RequestPostProcessor person(String email) {
    return oidcLogin().idToken(token -> token.claim("email", email).claim("email_verified", true));
  }
}
