package io.learnloop.dialog.roster;

import static io.learnloop.dialog.roster.RosterTestData.ANALYST;
import static io.learnloop.dialog.roster.RosterTestData.RISK;
import static io.learnloop.dialog.roster.RosterTestData.row;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ImportRosterTest {

  private final InMemoryLearners learners = new InMemoryLearners();
  private final InMemoryRoster roster = new InMemoryRoster();
  private final List<Learner> enrolled = new ArrayList<>();
  private final ImportRoster importer =
      new ImportRoster(
          RosterTestData.catalog(),
          learners,
          roster,
          new ImportRoster.Defaults(ANALYST, ZoneId.of("Asia/Jakarta"), Language.INDONESIAN),
          enrolled::add);

  private Learner learnerWithEmail(String email) {
    return learners.findByIdentity(Enrollment.EMAIL, email).orElseThrow();
  }

  @Test
  void should_import_each_person_as_a_learner_with_role_team_and_manager() {
    RosterImported result =
        importer.run(
            "roster.csv",
            List.of(
                new RosterRow(
                    2,
                    "Budi@Example.com",
                    "slack:T01:U02",
                    "Budi Santoso",
                    "risk-officer",
                    "Finance Ops",
                    "",
                    "",
                    "Asia/Makassar",
                    "en",
                    "yes"),
                new RosterRow(
                    3,
                    "siti@example.com",
                    "",
                    "Siti Nurhaliza",
                    "analyst",
                    "Finance Ops",
                    "budi@example.com",
                    "risk-officer",
                    "",
                    "",
                    "")));

    assertThat(result.problems()).isEmpty();
    assertThat(result.imported()).isEqualTo(2);
    Learner budi = learners.findByIdentity("slack", "T01:U02").orElseThrow();
    assertThat(budi.id()).isEqualTo(new LearnerId("slack:T01:U02"));
    assertThat(budi.identities()).containsEntry(Enrollment.EMAIL, "budi@example.com");
    assertThat(budi.timezone()).isEqualTo(ZoneId.of("Asia/Makassar"));
    assertThat(budi.language()).isEqualTo(Language.ENGLISH);
    Learner siti = learnerWithEmail("siti@example.com");
    assertThat(siti.role()).isEqualTo(ANALYST);
    assertThat(siti.team()).isEqualTo("finance-ops");
    assertThat(siti.manager()).contains(budi.id());
    assertThat(siti.timezone()).isEqualTo(ZoneId.of("Asia/Jakarta"));
    RosterEntry entry = roster.find(siti.id()).orElseThrow();
    assertThat(entry.name()).isEqualTo("Siti Nurhaliza");
    assertThat(entry.nextRole()).contains(RISK);
    assertThat(roster.reportsOf(budi.id())).containsExactly(entry);
    assertThat(roster.find(budi.id()).orElseThrow().peopleManager()).isTrue();
    assertThat(enrolled).extracting(Learner::id).containsExactly(budi.id(), siti.id());
  }

  @Test
  void should_give_people_without_a_role_the_default_role() {
    importer.run("roster.csv", List.of(row(2, "ayu@example.com", "Ayu Pratama", "", "")));

    assertThat(learnerWithEmail("ayu@example.com").role()).isEqualTo(ANALYST);
  }

  @Test
  void should_keep_the_first_row_of_a_duplicate_person_and_report_the_second_by_line() {
    RosterImported result =
        importer.run(
            "roster.csv",
            List.of(
                row(2, "siti@example.com", "Siti Nurhaliza", "analyst", ""),
                row(3, "budi@example.com", "Budi Santoso", "analyst", ""),
                row(4, "SITI@example.com", "Siti N.", "risk-officer", "")));

    assertThat(result.imported()).isEqualTo(2);
    assertThat(result.problems())
        .singleElement()
        .hasToString("roster.csv:4: 'siti@example.com' is already on line 2");
    assertThat(result.rejected()).isEqualTo(1);
    assertThat(roster.find(learnerWithEmail("siti@example.com").id()).orElseThrow().name())
        .isEqualTo("Siti Nurhaliza");
  }

  @Test
  void should_import_a_person_whose_manager_is_not_on_the_roster_without_a_manager() {
    RosterImported result =
        importer.run(
            "roster.csv",
            List.of(row(7, "siti@example.com", "Siti Nurhaliza", "analyst", "gone@example.com")));

    assertThat(result.imported()).isEqualTo(1);
    assertThat(result.problems())
        .singleElement()
        .satisfies(p -> assertThat(p.rejected()).isFalse())
        .hasToString(
            "roster.csv:7: manager 'gone@example.com' is not on the roster; imported without a"
                + " manager");
    assertThat(learnerWithEmail("siti@example.com").manager()).isEmpty();
  }

  @Test
  void should_break_a_loop_of_managers_and_report_every_line_on_it() {
    RosterImported result =
        importer.run(
            "roster.csv",
            List.of(
                row(2, "a@example.com", "Ani", "analyst", "b@example.com"),
                row(3, "b@example.com", "Bayu", "analyst", "c@example.com"),
                row(4, "c@example.com", "Citra", "analyst", "a@example.com"),
                row(5, "d@example.com", "Dodi", "analyst", "a@example.com")));

    assertThat(result.imported()).isEqualTo(4);
    assertThat(result.problems()).extracting(RosterProblem::line).containsExactly(2, 3, 4);
    assertThat(result.problems().get(0).problem()).contains("lines 2 → 3 → 4 → 2");
    assertThat(learnerWithEmail("a@example.com").manager()).isEmpty();
    assertThat(learnerWithEmail("c@example.com").manager()).isEmpty();
    assertThat(learnerWithEmail("d@example.com").manager())
        .contains(learnerWithEmail("a@example.com").id());
  }

  @Test
  void should_report_a_person_who_is_their_own_manager() {
    RosterImported result =
        importer.run(
            "roster.csv", List.of(row(2, "a@example.com", "Ani", "analyst", "a@example.com")));

    assertThat(result.problems())
        .singleElement()
        .hasToString("roster.csv:2: the person is their own manager; imported without a manager");
  }

  @Test
  void should_reject_unknown_roles_bad_time_zones_and_rows_naming_no_one() {
    RosterImported result =
        importer.run(
            "roster.csv",
            List.of(
                row(2, "a@example.com", "Ani", "astronaut", ""),
                new RosterRow(3, "b@example.com", "", "Bayu", "", "", "", "", "Mars/Base", "", ""),
                new RosterRow(4, "", "", "Citra", "", "", "", "", "", "", ""),
                new RosterRow(5, "", "slack-U1", "Dodi", "", "", "", "", "", "", ""),
                row(6, "e@example.com", "Eko", "analyst", "")));

    assertThat(result.imported()).isEqualTo(1);
    assertThat(result.problems()).extracting(RosterProblem::line).containsExactly(2, 3, 4, 5);
    assertThat(result.problems()).allMatch(RosterProblem::rejected);
    assertThat(result.problems().get(0).problem())
        .isEqualTo("role 'astronaut' is not in roles.yaml (analyst, risk-officer)");
    assertThat(result.problems().get(1).problem()).contains("'Mars/Base' is not a time zone");
    assertThat(result.problems().get(2).problem()).contains("neither an email nor a chat user");
    assertThat(result.problems().get(3).problem()).contains("'slack-U1' is not a chat user key");
  }

  @Test
  void should_update_the_learner_someone_already_is_instead_of_creating_another() {
    Learner early =
        new Learner(
            new LearnerId("slack:T01:U09"),
            Map.of("slack", "T01:U09"),
            RISK,
            "",
            Optional.empty(),
            ZoneId.of("Europe/Amsterdam"),
            Language.ENGLISH,
            Learner.Preferences.defaults().withPaused(true));
    learners.save(early);

    importer.run(
        "roster.csv",
        List.of(
            new RosterRow(
                2,
                "rina@example.com",
                "slack:T01:U09",
                "Rina Wijaya",
                "analyst",
                "",
                "",
                "",
                "",
                "",
                "")));

    Learner rina = learners.find(early.id()).orElseThrow();
    assertThat(rina.role()).isEqualTo(ANALYST);
    assertThat(rina.identities()).containsEntry(Enrollment.EMAIL, "rina@example.com");
    assertThat(rina.timezone()).isEqualTo(ZoneId.of("Europe/Amsterdam"));
    assertThat(rina.preferences().paused()).isTrue();
    assertThat(enrolled).isEmpty();
  }

  @Test
  void should_drop_people_who_left_the_export_from_the_roster() {
    importer.run(
        "roster.csv",
        List.of(
            row(2, "a@example.com", "Ani", "analyst", ""),
            row(3, "b@example.com", "Bayu", "analyst", "")));

    importer.run("roster.csv", List.of(row(2, "b@example.com", "Bayu", "analyst", "")));

    assertThat(roster.all()).extracting(RosterEntry::name).containsExactly("Bayu");
  }

  @Test
  void should_turn_a_written_team_into_a_team_id() {
    assertThat(ImportRoster.team("Finance & Ops (Jakarta)")).isEqualTo("finance-ops-jakarta");
    assertThat(ImportRoster.team("Pemasaran Ñusantara")).isEqualTo("pemasaran-nusantara");
  }
}
