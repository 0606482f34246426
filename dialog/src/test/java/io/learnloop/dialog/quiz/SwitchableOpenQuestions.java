package io.learnloop.dialog.quiz;

import java.util.Optional;

/** An in-memory store of open questions that can be taken down and brought back. */
final class SwitchableOpenQuestions implements OpenQuestions {

  private final OpenQuestions questions = new InMemoryOpenQuestions();
  boolean down;

  @Override
  public void opened(String quizId, OpenQuestion question) {
    up();
    questions.opened(quizId, question);
  }

  @Override
  public void posted(String quizId, String messageId) {
    up();
    questions.posted(quizId, messageId);
  }

  @Override
  public Optional<OpenQuestion> find(String quizId) {
    up();
    return questions.find(quizId);
  }

  @Override
  public Optional<String> waitingFor(String sender) {
    up();
    return questions.waitingFor(sender);
  }

  @Override
  public void answered(String sender, String quizId) {
    up();
    questions.answered(sender, quizId);
  }

  private void up() {
    if (down) {
      throw new OpenQuestionsUnavailableException("store down", null);
    }
  }
}
