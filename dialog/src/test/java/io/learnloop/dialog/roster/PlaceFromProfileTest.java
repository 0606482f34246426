package io.learnloop.dialog.roster;

import static io.learnloop.dialog.roster.RosterTestData.ANALYST;
import static io.learnloop.dialog.roster.RosterTestData.RISK;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.JobTitles;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learner;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PlaceFromProfileTest {

  private static final ChannelUser LINA = new ChannelUser("slack", "T0LUMBUNG", "U0LINA09");
  private static final ChannelUser RINA = new ChannelUser("slack", "T0LUMBUNG", "U0RINA01");
  private static final ChannelUser SITI = new ChannelUser("slack", "T0LUMBUNG", "U0SITI02");

  private final InMemoryLearners learners = new InMemoryLearners();
  private final InMemoryRoster roster = new InMemoryRoster();
  private final List<Learner> enrolled = new ArrayList<>();
  private final Enrollment enrollment = enrollmentWith(roster);
  private final ImportRoster importer =
      new ImportRoster(
          RosterTestData.catalog(),
          learners,
          roster,
          new ImportRoster.Defaults(ANALYST, ZoneId.of("Asia/Jakarta"), Language.ENGLISH),
          learner -> {});

  private Enrollment enrollmentWith(Roster placedOn) {
    return new Enrollment(
        learners,
        ANALYST,
        ZoneId.of("Asia/Jakarta"),
        enrolled::add,
        new PlaceFromProfile(
            new JobTitles(RosterTestData.catalog().roles()), learners, placedOn, ANALYST));
  }

  private static ProfileHints profile(String title, String team, String managerUser) {
    return ProfileHints.none()
        .withWork(
            new ProfileHints.Work(
                Optional.of("Lina Marlina"),
                Optional.ofNullable(title),
                Optional.ofNullable(team),
                Optional.ofNullable(managerUser),
                Optional.empty()));
  }

  private Learner meet(ChannelUser user, ProfileHints hints) {
    return enrollment.learnerFor(user, hints, Language.ENGLISH);
  }

  /** Rina (and Siti) on the imported roster, with their Slack users. */
  private Learner importRina() {
    importer.run(
        "roster.csv",
        List.of(
            new RosterRow(
                2,
                "rina@lumbung.example",
                "slack:T0LUMBUNG:U0RINA01",
                "Rina Wijaya",
                "analyst",
                "Sales Jakarta",
                "",
                "",
                "",
                "",
                "yes"),
            new RosterRow(
                3,
                "siti@lumbung.example",
                "slack:T0LUMBUNG:U0SITI02",
                "Siti Nurhaliza",
                "analyst",
                "Sales Jakarta",
                "rina@lumbung.example",
                "",
                "",
                "",
                "")));
    return learners.findByIdentity("slack", RINA.identity()).orElseThrow();
  }

  @Test
  void should_enrol_a_person_not_on_the_roster_with_the_role_team_and_manager_of_their_profile() {
    Learner rina = importRina();

    Learner lina = meet(LINA, profile("Senior Risk Analyst", "Risk & Compliance", "U0RINA01"));

    assertThat(lina.role()).isEqualTo(RISK);
    assertThat(lina.team()).isEqualTo("risk-compliance");
    assertThat(lina.manager()).contains(rina.id());
    assertThat(learners.find(lina.id())).contains(lina);
    assertThat(enrolled).extracting(Learner::role).containsExactly(RISK);
    assertThat(roster.reportsOf(rina.id()))
        .extracting(RosterEntry::name)
        .containsExactly("Lina Marlina", "Siti Nurhaliza");
    assertThat(roster.find(lina.id()))
        .hasValueSatisfying(e -> assertThat(e.source()).isEqualTo(RosterEntry.Source.PROFILE));
  }

  @Test
  void should_find_the_manager_by_their_verified_email() {
    Learner rina = importRina();
    ProfileHints hints =
        ProfileHints.none()
            .withWork(
                new ProfileHints.Work(
                    Optional.empty(),
                    Optional.of("Risk Analyst"),
                    Optional.empty(),
                    Optional.empty(),
                    Optional.of("Rina@Lumbung.example")));

    Learner lina = meet(LINA, hints);

    assertThat(lina.manager()).contains(rina.id());
    assertThat(roster.find(lina.id()).orElseThrow().name())
        .as("no name in the profile")
        .isEqualTo(lina.id().value());
  }

  @Test
  void should_keep_the_imported_role_team_and_manager_of_a_person_on_the_roster() {
    Learner rina = importRina();
    RosterEntry imported =
        roster
            .find(learners.findByIdentity("slack", SITI.identity()).orElseThrow().id())
            .orElseThrow();

    Learner siti = meet(SITI, profile("Risk Analyst", "Risk", null));

    assertThat(siti.role()).isEqualTo(ANALYST);
    assertThat(siti.team()).isEqualTo("sales-jakarta");
    assertThat(siti.manager()).contains(rina.id());
    assertThat(roster.find(siti.id())).contains(imported);
  }

  @Test
  void should_follow_a_promotion_in_the_profile_on_a_later_interaction() {
    Learner first = meet(LINA, profile("Junior Analyst", "Finance Ops", null));
    assertThat(first.role()).as("no title maps: the default").isEqualTo(ANALYST);

    Learner promoted = meet(LINA, profile("Risk Officer", "Finance Ops", null));

    assertThat(promoted.role()).isEqualTo(RISK);
    assertThat(learners.find(first.id()).orElseThrow().role()).isEqualTo(RISK);
    assertThat(roster.find(first.id()).orElseThrow().role()).isEqualTo(RISK);
    assertThat(enrolled).hasSize(1);
  }

  @Test
  void should_leave_a_person_whose_profile_maps_to_nothing_as_enrolment_always_did() {
    Learner lina = meet(LINA, profile("Chief Happiness Officer", null, "U0NOBODY"));

    assertThat(lina.role()).isEqualTo(ANALYST);
    assertThat(lina.team()).isEmpty();
    assertThat(lina.manager()).as("an unknown manager is not invented").isEmpty();
    assertThat(roster.all()).isEmpty();
  }

  @Test
  void should_change_nothing_for_a_profile_that_says_nothing_of_work() {
    meet(LINA, profile("Risk Analyst", "Risk", null));
    RosterEntry before = roster.all().get(0);

    Learner again = meet(LINA, ProfileHints.none());

    assertThat(again.role()).isEqualTo(RISK);
    assertThat(roster.all()).containsExactly(before);
  }

  @Test
  void should_hand_a_profile_person_to_the_import_once_it_lists_them_and_keep_the_others() {
    importRina();
    Learner lina = meet(LINA, profile("Risk Analyst", "Risk", "U0RINA01"));
    Learner dewi =
        meet(new ChannelUser("slack", "T0LUMBUNG", "U0DEWI04"), profile("Risk Analyst", "", null));

    importer.run(
        "roster.csv",
        List.of(
            new RosterRow(
                2,
                "",
                "slack:T0LUMBUNG:U0LINA09",
                "Lina M.",
                "analyst",
                "Finance Ops",
                "",
                "",
                "",
                "",
                "")));

    assertThat(roster.find(lina.id()).orElseThrow())
        .satisfies(
            e -> {
              assertThat(e.source()).isEqualTo(RosterEntry.Source.IMPORT);
              assertThat(e.role()).isEqualTo(ANALYST);
            });
    assertThat(roster.find(dewi.id()).orElseThrow().source()).isEqualTo(RosterEntry.Source.PROFILE);
    Learner linaAgain = meet(LINA, profile("Risk Analyst", "Risk", "U0RINA01"));
    assertThat(linaAgain.role()).as("the import now wins").isEqualTo(ANALYST);
  }

  @Test
  void should_not_make_two_people_each_others_manager() {
    ChannelUser budi = new ChannelUser("slack", "T0LUMBUNG", "U0BUDI03");
    Learner lina = meet(LINA, profile("Risk Analyst", "Risk", "U0BUDI03"));
    Learner budiLearner = meet(budi, profile("Risk Officer", "Risk", "U0LINA09"));

    assertThat(lina.manager()).as("Budi was not known yet").isEmpty();
    assertThat(budiLearner.manager()).contains(lina.id());
    Learner linaAgain = meet(LINA, profile("Risk Analyst", "Risk", "U0BUDI03"));
    assertThat(linaAgain.manager()).as("Budi reports to Lina: no loop").isEmpty();
  }

  @Test
  void should_go_on_without_placing_when_the_roster_is_down() {
    Roster down =
        new Roster() {
          @Override
          public void replaceAll(Collection<RosterEntry> entries) {
            throw new RosterUnavailableException("down", null);
          }

          @Override
          public boolean putFromProfile(RosterEntry entry) {
            throw new RosterUnavailableException("down", null);
          }

          @Override
          public List<RosterEntry> all() {
            throw new RosterUnavailableException("down", null);
          }

          @Override
          public Optional<RosterEntry> find(io.learnloop.dialog.learning.LearnerId learner) {
            throw new RosterUnavailableException("down", null);
          }

          @Override
          public List<RosterEntry> reportsOf(io.learnloop.dialog.learning.LearnerId manager) {
            throw new RosterUnavailableException("down", null);
          }
        };
    Enrollment withDownRoster = enrollmentWith(down);

    Learner lina =
        withDownRoster.learnerFor(LINA, profile("Risk Analyst", null, null), Language.ENGLISH);

    assertThat(lina.role()).isEqualTo(ANALYST);
    assertThat(enrolled).containsExactly(lina);
  }

  @Test
  void should_not_read_the_roster_again_for_the_same_profile_soon_after_placing_it() {
    java.util.concurrent.atomic.AtomicInteger reads =
        new java.util.concurrent.atomic.AtomicInteger();
    Roster counting =
        new Roster() {
          @Override
          public void replaceAll(Collection<RosterEntry> entries) {
            roster.replaceAll(entries);
          }

          @Override
          public boolean putFromProfile(RosterEntry entry) {
            return roster.putFromProfile(entry);
          }

          @Override
          public List<RosterEntry> all() {
            return roster.all();
          }

          @Override
          public Optional<RosterEntry> find(io.learnloop.dialog.learning.LearnerId learner) {
            reads.incrementAndGet();
            return roster.find(learner);
          }

          @Override
          public List<RosterEntry> reportsOf(io.learnloop.dialog.learning.LearnerId manager) {
            return roster.reportsOf(manager);
          }
        };
    Enrollment placing = enrollmentWith(counting);
    placing.learnerFor(LINA, profile("Risk Analyst", "Risk", null), Language.ENGLISH);
    int afterFirst = reads.get();

    Learner again =
        placing.learnerFor(LINA, profile("Risk Analyst", "Risk", null), Language.ENGLISH);
    int afterSame = reads.get();
    Learner moved =
        placing.learnerFor(LINA, profile("Risk Analyst", "Audit", null), Language.ENGLISH);

    assertThat(afterFirst).isPositive();
    assertThat(afterSame).as("the same profile again reads nothing").isEqualTo(afterFirst);
    assertThat(again.team()).isEqualTo("risk");
    assertThat(reads.get()).as("a changed profile is placed anew").isGreaterThan(afterSame);
    assertThat(moved.team()).isEqualTo("audit");
  }
}
