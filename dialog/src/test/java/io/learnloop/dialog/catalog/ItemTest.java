package io.learnloop.dialog.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ItemTest {

  private static final SkillId LEAVE = new SkillId("leave-policy");

  @Test
  void should_know_its_correct_choice() {
    assertThat(item(List.of("None", "5 days", "10 days"), 1).correctChoice()).isEqualTo("5 days");
  }

  @Test
  void should_refuse_an_answer_outside_its_choices() {
    assertThatThrownBy(() -> item(List.of("None", "5 days"), 2))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("answer 2 is not an index of its 2 choices (0 to 1)");
  }

  @Test
  void should_refuse_repeated_or_too_few_choices() {
    assertThatThrownBy(() -> item(List.of("Yes", "Yes"), 0))
        .hasMessageContaining("repeats a choice");
    assertThatThrownBy(() -> item(List.of("Yes"), 0)).hasMessageContaining("needs 2 to 5");
  }

  @Test
  void should_refuse_ids_that_are_not_slugs() {
    assertThatThrownBy(() -> new ItemId("Leave Carry Over"))
        .hasMessageContaining("lowercase letters and digits");
  }

  @Test
  void should_refuse_a_catalog_whose_items_name_unknown_skills() {
    Skill leave = new Skill(LEAVE, name());
    Item item =
        new Item(
            new ItemId("x"),
            Language.ENGLISH,
            Set.of(new SkillId("unknown")),
            "Q?",
            List.of("a", "b"),
            0,
            "E.",
            "s.md");

    assertThatThrownBy(() -> new Catalog(List.of(leave), List.of(), List.of(item)))
        .hasMessage("item 'x' names unknown skill 'unknown'");
  }

  @Test
  void should_refuse_a_catalog_with_duplicate_ids() {
    Skill leave = new Skill(LEAVE, name());
    assertThatThrownBy(() -> new Catalog(List.of(leave, leave), List.of(), List.of()))
        .hasMessage("two skills have the id 'leave-policy'");
  }

  @Test
  void should_find_items_by_skill() {
    Item item = item(List.of("a", "b"), 0);
    Catalog catalog =
        new Catalog(
            List.of(new Skill(LEAVE, name())),
            List.of(new Role(new RoleId("engineer"), name(), Map.of(LEAVE, TargetLevel.BASIC))),
            List.of(item));

    assertThat(catalog.itemsFor(LEAVE)).containsExactly(item);
    assertThat(catalog.itemsFor(new SkillId("other"))).isEmpty();
  }

  private static LocalizedText name() {
    return new LocalizedText(Map.of(Language.ENGLISH, "Leave", Language.INDONESIAN, "Cuti"));
  }

  private static Item item(List<String> choices, int answer) {
    return new Item(
        new ItemId("leave-carry-over"),
        Language.ENGLISH,
        Set.of(LEAVE),
        "How many days carry over?",
        choices,
        answer,
        "Five days carry over.",
        "handbook/annual-leave.md#carrying-days-over");
  }
}
