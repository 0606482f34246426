package io.learnloop.dialog.learning;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records answers so that none is lost while the {@link AnswerLog} is unavailable: an answer that
 * cannot be recorded is kept, in order, and retried until the store is back. Because the log is
 * idempotent by answer id, an answer whose first attempt did reach the store before the failure is
 * still counted exactly once.
 *
 * <p>The buffer is in memory: it survives a store outage, not a crash of this process.
 */
public final class AnswerRecorder implements AutoCloseable {

  private static final Logger log = Logger.getLogger(AnswerRecorder.class.getName());

  private final AnswerLog answers;
  private final Duration retryEvery;
  private final ScheduledExecutorService retries;
  private final Deque<RecordAnswer> pending = new ArrayDeque<>();
  private boolean retryScheduled;

  public AnswerRecorder(AnswerLog answers, Duration retryEvery) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.retryEvery = Objects.requireNonNull(retryEvery, "retryEvery");
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "learnloop-answer-retry");
              thread.setDaemon(true);
              return thread;
            });
  }

  /**
   * Records the answer now, or keeps it for later when the store is unavailable or earlier answers
   * are still waiting.
   *
   * @return the outcome, or empty when the answer was kept for later
   */
  public Optional<Recorded> record(RecordAnswer answer) {
    synchronized (pending) {
      if (!pending.isEmpty()) {
        pending.addLast(answer);
        return Optional.empty();
      }
    }
    try {
      return Optional.of(answers.record(answer));
    } catch (AnswerLogUnavailableException e) {
      log.log(Level.WARNING, "Answer store unavailable; keeping " + answer.answer().id(), e);
      synchronized (pending) {
        pending.addLast(answer);
        scheduleRetry();
      }
      return Optional.empty();
    }
  }

  /** How many answers wait for the store. */
  public int pending() {
    synchronized (pending) {
      return pending.size();
    }
  }

  private void scheduleRetry() {
    if (!retryScheduled) {
      retryScheduled = true;
      retries.schedule(this::drain, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void drain() {
    while (true) {
      RecordAnswer next;
      synchronized (pending) {
        next = pending.peekFirst();
        if (next == null) {
          retryScheduled = false;
          return;
        }
      }
      try {
        answers.record(next);
      } catch (AnswerLogUnavailableException e) {
        synchronized (pending) {
          retries.schedule(this::drain, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        }
        return;
      } catch (RuntimeException e) {
        // An answer the store refuses for good must not block the ones behind it.
        log.log(Level.SEVERE, "Dropping answer " + next.answer().id() + " the store refused", e);
      }
      synchronized (pending) {
        pending.pollFirst();
      }
    }
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}
