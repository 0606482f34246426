package io.learnloop.dialog.quiz;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open questions in this process's memory: the latest {@link LatestEntries#REMEMBERED}, lost on
 * restart.
 */
public final class InMemoryOpenQuestions implements OpenQuestions {

  private final Map<String, OpenQuestion> questions = LatestEntries.map();
  private final Map<String, String> waiting = new ConcurrentHashMap<>();

  @Override
  public void opened(String quizId, OpenQuestion question) {
    questions.put(quizId, question);
    waiting.put(question.conversation(), quizId);
  }

  @Override
  public void posted(String quizId, String messageId) {
    questions.computeIfPresent(quizId, (id, question) -> question.postedAs(messageId));
  }

  @Override
  public Optional<OpenQuestion> find(String quizId) {
    return Optional.ofNullable(questions.get(quizId));
  }

  @Override
  public Optional<String> waitingFor(String conversation) {
    return Optional.ofNullable(waiting.get(conversation));
  }

  @Override
  public void answered(String conversation, String quizId) {
    waiting.remove(conversation, quizId);
  }
}
