package io.learnloop.dialog.conversation;

import io.learnloop.dialog.catalog.ItemId;
import java.util.List;
import java.util.Objects;

/**
 * A quiz question to show with one button per choice. The learner answers with the choice's number
 * (1 for the first); buttons send {@link #quizId} with it, so a double click is counted once.
 *
 * @param reason why LearnLoop asks this now, in the learner's language
 */
public record QuizCard(
    String quizId, ItemId item, String question, List<String> choices, String reason) {

  public QuizCard {
    Objects.requireNonNull(quizId, "quizId");
    Objects.requireNonNull(item, "item");
    Objects.requireNonNull(question, "question");
    choices = List.copyOf(choices);
    Objects.requireNonNull(reason, "reason");
  }
}
