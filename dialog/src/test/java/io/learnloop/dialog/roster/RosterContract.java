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
}
