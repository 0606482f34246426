package io.learnloop.dialog.conversation;

import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Optional;

/** Quiz questions in a conversation: the next best question for the learner, and their answers. */
public interface Quiz {

  /** The learner's next best question (or lesson, or a note that they are done) as a reply. */
  BotReply next(IncomingMessage message, Language language);

  /**
   * Treats a message as the answer to the question the learner was asked last, when it is a choice
   * number and such a question is waiting; otherwise empty.
   */
  Optional<BotReply> answerTyped(IncomingMessage message);

  /**
   * Answers the quiz question {@code quizId} with the choice number in the message's text (1 for
   * the first choice). Answering the same question again is counted once.
   *
   * @throws IllegalArgumentException when the quiz id is malformed
   */
  BotReply answer(IncomingMessage message, String quizId);

  /**
   * Remembers the skills behind the sources of an answer the learner just got, so that the next
   * quiz can offer just-in-time practice on them. Never fails: a store that is down only loses the
   * boost.
   */
  void asked(IncomingMessage message, List<Citation> sources);
}
