package io.learnloop.dialog.quiz;

import java.util.Optional;

/**
 * Questions waiting for their answer, by quiz id, and the one each sender may answer by typing its
 * number. A store shared by instances and kept across restarts lets a learner answer a card after a
 * deploy.
 *
 * @throws OpenQuestionsUnavailableException from any method when the store cannot be reached
 */
public interface OpenQuestions {

  /** Remembers the question and makes it the one its sender answers by typing a number. */
  void opened(String quizId, OpenQuestion question);

  Optional<OpenQuestion> find(String quizId);

  /** The quiz id the sender answers by typing a number, if any. */
  Optional<String> waitingFor(String sender);

  /**
   * The sender answered {@code quizId}: a typed number no longer answers it. The question itself is
   * kept, so that answering its card again is recognised as a repeat.
   */
  void answered(String sender, String quizId);
}
