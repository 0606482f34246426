package io.learnloop.dialog.quiz;

import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A shared store of open questions, with this instance's memory behind it. The store decides, since
 * other instances write to it too; memory stands in for it while it is down, and for what this
 * instance could not write to it during an outage. So a card asked before a restart or on another
 * instance is answered from the store, and one asked while the store was down still works here.
 */
public final class FallbackOpenQuestions implements OpenQuestions {

  private static final Logger log = Logger.getLogger(FallbackOpenQuestions.class.getName());

  private final OpenQuestions store;
  private final OpenQuestions memory = new InMemoryOpenQuestions();
  // Quiz ids whose opening or answer the store missed while it was down.
  private final Set<String> openedInOutage = boundedSet();
  private final Set<String> answeredInOutage = boundedSet();
  private final Object writingBack = new Object();

  public FallbackOpenQuestions(OpenQuestions store) {
    this.store = store;
  }

  @Override
  public void opened(String quizId, OpenQuestion question) {
    memory.opened(quizId, question);
    try {
      store.opened(quizId, question);
      writeBack();
    } catch (OpenQuestionsUnavailableException e) {
      log.log(Level.WARNING, "Open question kept in memory only: " + e.getMessage());
      openedInOutage.add(quizId);
    }
  }

  @Override
  public void posted(String quizId, String messageId) {
    memory.posted(quizId, messageId);
    try {
      store.posted(quizId, messageId);
    } catch (OpenQuestionsUnavailableException e) {
      log.log(Level.WARNING, "Posted card kept in memory only: " + e.getMessage());
    }
  }

  /**
   * @throws OpenQuestionsUnavailableException when the store is down and memory does not have it
   */
  @Override
  public Optional<OpenQuestion> find(String quizId) {
    Optional<OpenQuestion> stored;
    try {
      writeBack();
      stored = store.find(quizId);
    } catch (OpenQuestionsUnavailableException e) {
      Optional<OpenQuestion> remembered = memory.find(quizId);
      if (remembered.isEmpty()) {
        throw e;
      }
      return remembered;
    }
    return stored.isPresent() ? stored : onlyIfMissedByStore(memory.find(quizId), quizId);
  }

  @Override
  public Optional<String> waitingFor(String conversation) {
    Optional<String> remembered = memory.waitingFor(conversation);
    if (remembered.isPresent() && openedInOutage.contains(remembered.get())) {
      return remembered; // asked here after the store last heard from this conversation
    }
    Optional<String> stored;
    try {
      writeBack();
      stored = store.waitingFor(conversation);
    } catch (OpenQuestionsUnavailableException e) {
      log.log(Level.WARNING, "Open questions store unavailable: " + e.getMessage());
      return remembered;
    }
    if (stored.isPresent() && answeredInOutage.contains(stored.get())) {
      answered(conversation, stored.get());
      return Optional.empty();
    }
    return stored;
  }

  @Override
  public void answered(String conversation, String quizId) {
    memory.answered(conversation, quizId);
    // Not waited for: memory has it now, and what this instance asks the store next is sent after.
    store
        .answeredLater(conversation, quizId)
        .whenComplete(
            (done, failed) -> {
              if (failed == null) {
                answeredInOutage.remove(quizId);
              } else {
                log.log(
                    Level.WARNING, "Open question closed in memory only: " + failed.getMessage());
                answeredInOutage.add(quizId);
              }
            });
  }

  /**
   * Writes back to the store the cards opened, posted and answered here while it was down, so that
   * other instances and a restart see them. Called after each call the store answered; what still
   * fails is kept for the next time.
   */
  private void writeBack() {
    if (openedInOutage.isEmpty() && answeredInOutage.isEmpty()) {
      return;
    }
    synchronized (writingBack) {
      for (String quizId : List.copyOf(openedInOutage)) {
        Optional<OpenQuestion> kept = memory.find(quizId);
        try {
          if (kept.isPresent()) {
            store.opened(quizId, kept.get());
            kept.get().messageId().ifPresent(message -> store.posted(quizId, message));
            if (answeredInOutage.contains(quizId)) {
              store.answered(kept.get().conversation(), quizId);
              answeredInOutage.remove(quizId);
            }
          }
          openedInOutage.remove(quizId);
        } catch (OpenQuestionsUnavailableException e) {
          return;
        }
      }
    }
  }

  // What the store lacks because it expired or another instance closed it is gone; what it lacks
  // because this instance could not write it is still open.
  private <T> Optional<T> onlyIfMissedByStore(Optional<T> remembered, String quizId) {
    return openedInOutage.contains(quizId) ? remembered : Optional.empty();
  }

  private static Set<String> boundedSet() {
    return Collections.newSetFromMap(LatestEntries.map());
  }
}
