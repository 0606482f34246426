package io.learnloop.dialog.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.learning.LearnerId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Roster} must do. Extend it once per implementation and return a fresh, empty
 * store from {@link #roster()}.
 */
public abstract class RosterContract {

  protected abstract Roster roster();

  private final String run = UUID.randomUUID().toString().substring(0, 8);

  private RosterEntry person(String id, String name, String manager, boolean flagged) {
    return new RosterEntry(
        new LearnerId("test:" + run + ":" + id),
        name,
        new RoleId("analyst"),
        id.equals("siti") ? Optional.of(new RoleId("risk-officer")) : Optional.empty(),
        "finance-ops",
        Optional.ofNullable(manager).map(m -> new LearnerId("test:" + run + ":" + m)),
        flagged);
  }

  @Test
  void should_return_every_entry_with_all_its_fields_after_a_replace() {
    Roster roster = roster();
    RosterEntry siti = person("siti", "Siti Nurhaliza", "budi", false);
    RosterEntry budi = person("budi", "Budi Santoso", null, false);

    roster.replaceAll(List.of(siti, budi));

    assertThat(roster.all()).containsExactlyInAnyOrder(siti, budi);
    assertThat(roster.find(siti.learner())).contains(siti);
  }

  @Test
  void should_drop_people_the_new_roster_no_longer_lists() {
    Roster roster = roster();
    RosterEntry siti = person("siti", "Siti Nurhaliza", null, false);
    RosterEntry budi = person("budi", "Budi Santoso", null, false);
    roster.replaceAll(List.of(siti, budi));

    roster.replaceAll(List.of(budi));

    assertThat(roster.all()).containsExactly(budi);
    assertThat(roster.find(siti.learner())).isEmpty();
  }

  @Test
  void should_list_a_managers_reports_by_name() {
    Roster roster = roster();
    RosterEntry budi = person("budi", "Budi Santoso", null, false);
    RosterEntry siti = person("siti", "Siti Nurhaliza", "budi", false);
    RosterEntry ayu = person("ayu", "Ayu Pratama", "budi", false);
    RosterEntry other = person("dewi", "Dewi Lestari", null, false);
    roster.replaceAll(List.of(budi, siti, ayu, other));

    assertThat(roster.reportsOf(budi.learner())).containsExactly(ayu, siti);
    assertThat(roster.reportsOf(siti.learner())).isEmpty();
  }

  @Test
  void should_count_named_and_flagged_managers_as_managers() {
    Roster roster = roster();
    RosterEntry budi = person("budi", "Budi Santoso", null, false);
    RosterEntry siti = person("siti", "Siti Nurhaliza", "budi", false);
    RosterEntry rina = person("rina", "Rina Wijaya", null, true);
    roster.replaceAll(List.of(budi, siti, rina));

    assertThat(roster.managers()).containsExactly(budi, rina);
  }

  @Test
  void should_refuse_the_same_learner_twice_and_keep_the_roster_as_it_was() {
    Roster roster = roster();
    RosterEntry budi = person("budi", "Budi Santoso", null, false);
    roster.replaceAll(List.of(budi));

    assertThatThrownBy(
            () ->
                roster.replaceAll(
                    List.of(
                        person("siti", "Siti", null, false),
                        person("siti", "Siti N", null, false))))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(roster.all()).containsExactly(budi);
  }

  @Test
  void should_be_empty_before_any_import() {
    Roster roster = roster();

    assertThat(roster.all()).isEmpty();
    assertThat(roster.managers()).isEmpty();
    assertThat(roster.find(new LearnerId("test:nobody"))).isEmpty();
  }

  private RosterEntry fromProfile(String id, String name, String manager) {
    RosterEntry e = person(id, name, manager, false);
    return new RosterEntry(
        e.learner(),
        e.name(),
        new RoleId("risk-analyst"),
        Optional.empty(),
        "risk",
        e.manager(),
        false,
        RosterEntry.Source.PROFILE);
  }

  @Test
  void should_list_profile_entries_with_the_imported_ones_and_in_their_managers_reports() {
    Roster roster = roster();
    RosterEntry budi = person("budi", "Budi Santoso", null, false);
    roster.replaceAll(List.of(budi));
    RosterEntry lina = fromProfile("lina", "Lina Marlina", "budi");

    assertThat(roster.putFromProfile(lina)).isTrue();

    assertThat(roster.all()).containsExactlyInAnyOrder(budi, lina);
    assertThat(roster.find(lina.learner())).contains(lina);
    assertThat(roster.reportsOf(budi.learner())).containsExactly(lina);
    assertThat(roster.managers()).containsExactly(budi);
  }

  @Test
  void should_keep_profile_entries_through_an_import_that_does_not_list_the_person() {
    Roster roster = roster();
    RosterEntry lina = fromProfile("lina", "Lina Marlina", null);
    roster.putFromProfile(lina);
    RosterEntry budi = person("budi", "Budi Santoso", null, false);

    roster.replaceAll(List.of(budi));
    roster.replaceAll(List.of());

    assertThat(roster.all()).containsExactly(lina);
  }

  @Test
  void should_replace_a_profile_entry_with_the_imported_one_when_an_import_lists_the_person() {
    Roster roster = roster();
    roster.putFromProfile(fromProfile("siti", "Siti from Slack", null));
    RosterEntry siti = person("siti", "Siti Nurhaliza", null, false);

    roster.replaceAll(List.of(siti));

    assertThat(roster.all()).containsExactly(siti);
    assertThat(roster.find(siti.learner()))
        .hasValueSatisfying(e -> assertThat(e.source()).isEqualTo(RosterEntry.Source.IMPORT));
  }

  @Test
  void should_never_let_a_profile_replace_an_imported_entry() {
    Roster roster = roster();
    RosterEntry siti = person("siti", "Siti Nurhaliza", null, false);
    roster.replaceAll(List.of(siti));

    assertThat(roster.putFromProfile(fromProfile("siti", "Siti from Slack", null))).isFalse();

    assertThat(roster.all()).containsExactly(siti);
  }

  @Test
  void should_replace_a_profile_entry_with_a_newer_profile_entry() {
    Roster roster = roster();
    roster.putFromProfile(fromProfile("lina", "Lina Marlina", null));
    RosterEntry promoted = fromProfile("lina", "Lina Marlina", "budi");

    roster.putFromProfile(promoted);

    assertThat(roster.find(promoted.learner())).contains(promoted);
    assertThat(roster.all()).hasSize(1);
  }

  @Test
  void should_take_only_profile_entries_from_a_profile() {
    Roster roster = roster();

    assertThatThrownBy(() -> roster.putFromProfile(person("siti", "Siti", null, false)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(roster.all()).isEmpty();
  }
}
