package io.learnloop.dialog.quiz;

import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A shared store of open questions backed by this instance's memory: every question is kept in
 * both, so that while the store is down the questions this instance asked can still be answered,
 * and after a restart the store still has the ones asked before it.
 */
public final class FallbackOpenQuestions implements OpenQuestions {

  private static final Logger log = Logger.getLogger(FallbackOpenQuestions.class.getName());

  private final OpenQuestions store;
  private final OpenQuestions memory = new InMemoryOpenQuestions();

  public FallbackOpenQuestions(OpenQuestions store) {
    this.store = store;
  }

  @Override
  public void opened(String quizId, OpenQuestion question) {
    memory.opened(quizId, question);
    toStore(() -> store.opened(quizId, question), "Open question kept in memory only");
  }

  @Override
  public Optional<OpenQuestion> find(String quizId) {
    Optional<OpenQuestion> remembered = memory.find(quizId);
    return remembered.isPresent() ? remembered : fromStore(() -> store.find(quizId));
  }

  @Override
  public Optional<String> waitingFor(String sender) {
    Optional<String> remembered = memory.waitingFor(sender);
    return remembered.isPresent() ? remembered : fromStore(() -> store.waitingFor(sender));
  }

  @Override
  public void answered(String sender, String quizId) {
    memory.answered(sender, quizId);
    toStore(() -> store.answered(sender, quizId), "Open question closed in memory only");
  }

  private static void toStore(Runnable write, String otherwise) {
    try {
      write.run();
    } catch (OpenQuestionsUnavailableException e) {
      log.log(Level.WARNING, otherwise + ": " + e.getMessage());
    }
  }

  private static <T> Optional<T> fromStore(java.util.function.Supplier<Optional<T>> read) {
    try {
      return read.get();
    } catch (OpenQuestionsUnavailableException e) {
      log.log(Level.WARNING, "Open questions store unavailable: " + e.getMessage());
      return Optional.empty();
    }
  }
}
