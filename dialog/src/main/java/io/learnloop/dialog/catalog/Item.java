package io.learnloop.dialog.catalog;

import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A multiple-choice quiz question.
 *
 * @param answer zero-based index of the correct choice
 * @param source handbook section the item tests: a path relative to the content folder, {@code #},
 *     and the heading's anchor, e.g. {@code handbook/annual-leave.md#carrying-days-over}
 */
public record Item(
    ItemId id,
    Language language,
    Set<SkillId> skills,
    String question,
    List<String> choices,
    int answer,
    String explanation,
    String source) {

  public static final int MIN_CHOICES = 2;
  public static final int MAX_CHOICES = 5;

  public Item {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(language, "language");
    skills = Set.copyOf(skills);
    choices = List.copyOf(choices);
    requireText(question, "question");
    requireText(explanation, "explanation");
    requireText(source, "source");
    if (skills.isEmpty()) {
      throw new IllegalArgumentException("item '" + id + "' has no skills");
    }
    if (choices.size() < MIN_CHOICES || choices.size() > MAX_CHOICES) {
      throw new IllegalArgumentException(
          "item '" + id + "' has " + choices.size() + " choices; it needs 2 to 5");
    }
    if (choices.stream().distinct().count() != choices.size()) {
      throw new IllegalArgumentException("item '" + id + "' repeats a choice");
    }
    if (answer < 0 || answer >= choices.size()) {
      throw new IllegalArgumentException(
          "item '"
              + id
              + "': answer "
              + answer
              + " is not an index of its "
              + choices.size()
              + " choices (0 to "
              + (choices.size() - 1)
              + ")");
    }
  }

  public String correctChoice() {
    return choices.get(answer);
  }

  private static void requireText(String value, String field) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is empty");
    }
  }
}
