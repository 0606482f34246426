package io.learnloop.dialog.quiz;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Questions waiting for their answer, by quiz id, and the one each conversation answers by typing
 * its number. A store shared by instances and kept across restarts lets a learner answer a card
 * after a deploy.
 *
 * @throws OpenQuestionsUnavailableException from any method when the store cannot be reached
 */
public interface OpenQuestions {

  /** Remembers the question and makes it the one its conversation answers by typing a number. */
  void opened(String quizId, OpenQuestion question);

  /** Remembers the message the question was posted as, so that its feedback can replace it. */
  void posted(String quizId, String messageId);

  Optional<OpenQuestion> find(String quizId);

  /** The quiz id a typed number answers in the conversation, if any. */
  Optional<String> waitingFor(String conversation);

  /**
   * {@code quizId} was answered: a typed number in the conversation no longer answers it. The
   * question itself is kept, so that answering its card again is recognised as a repeat.
   */
  void answered(String conversation, String quizId);

  /**
   * As {@link #answered}, without waiting for the store: the stage completes once the store has it,
   * or fails with {@link OpenQuestionsUnavailableException}. What is asked of the store after this
   * call sees it done.
   */
  default CompletionStage<Void> answeredLater(String conversation, String quizId) {
    try {
      answered(conversation, quizId);
      return CompletableFuture.completedFuture(null);
    } catch (OpenQuestionsUnavailableException e) {
      return CompletableFuture.failedFuture(e);
    }
  }
}
