package io.learnloop.dialog.quiz;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Open questions in this process's memory: the latest {@link #REMEMBERED}, lost on restart. */
public final class InMemoryOpenQuestions implements OpenQuestions {

  static final int REMEMBERED = 10_000;

  private final Map<String, OpenQuestion> questions =
      Collections.synchronizedMap(
          new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, OpenQuestion> eldest) {
              return size() > REMEMBERED;
            }
          });
  private final Map<String, String> waiting = new ConcurrentHashMap<>();

  @Override
  public void opened(String quizId, OpenQuestion question) {
    questions.put(quizId, question);
    waiting.put(question.sender(), quizId);
  }

  @Override
  public Optional<OpenQuestion> find(String quizId) {
    return Optional.ofNullable(questions.get(quizId));
  }

  @Override
  public Optional<String> waitingFor(String sender) {
    return Optional.ofNullable(waiting.get(sender));
  }

  @Override
  public void answered(String sender, String quizId) {
    waiting.remove(sender, quizId);
  }
}
