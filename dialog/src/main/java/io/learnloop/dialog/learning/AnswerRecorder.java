package io.learnloop.dialog.learning;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Records answers so that none is lost while the {@link AnswerLog} is unavailable: an answer that
 * cannot be recorded is kept, in order, written to an {@link AnswerJournal}, and retried until the
 * store is back. Answers the journal still holds from an earlier run are retried from the start.
 * Because the log is idempotent by answer id, an answer whose first attempt did reach the store
 * before the failure is still counted exactly once.
 *
 * <p>At most {@code maxPending} answers are kept. Past that, new answers are refused with {@link
 * AnswersNotKeptException} rather than kept at the cost of older ones: the learner can be told that
 * this answer was not saved, whereas dropping an earlier answer would lose it silently.
 *
 * <p>A store may lose answers it acknowledged shortly before its server restarts ({@link
 * AnswerLog#acknowledgedButLosable()}). The answers recorded within that time are kept in memory
 * too, and recorded again, ahead of any waiting answer, each time the store is reachable after its
 * connection was lost; those it still holds come back as duplicates and change nothing.
 *
 * <p>Each answer that reaches the store for the first time is then reported to {@link
 * LearningRecords}, once.
 *
 * <p>An attempt that fails as the store goes away may still have been applied, its reply lost. When
 * such an answer comes back as a duplicate, it was this recorder's own attempt that stored it,
 * unless this recorder saw the answer stored before (a second press): it is counted and reported
 * then, not dropped. A second press whose first one another instance stored is counted by both; the
 * store itself counts it once, and the report is idempotent by answer id.
 */
public final class AnswerRecorder implements AutoCloseable {

  private static final Logger log = Logger.getLogger(AnswerRecorder.class.getName());

  /** Enough for a day's answers of a large company during a long outage, a few MB of memory. */
  public static final int DEFAULT_MAX_PENDING = 100_000;

  /** Kept answers sent to the store together: one round trip's wait for many answers. */
  private static final int BATCH = 200;

  /** At most this many recently acknowledged answers are kept to record again: a few MB. */
  private static final int MAX_ACKNOWLEDGED = 50_000;

  private final AnswerLog answers;
  private final Duration retryEvery;
  private final AnswerJournal journal;
  private final int maxPending;
  private final ScheduledExecutorService retries;
  private final LearningRecords records;
  private final Deque<RecordAnswer> pending = new ArrayDeque<>();
  // Answers an earlier run journaled: it may have recorded one and stopped before reporting it.
  private final Set<AnswerId> fromEarlierRun = new HashSet<>();
  private final AtomicLong recorded = new AtomicLong();
  private final AtomicLong refused = new AtomicLong();
  private final AtomicLong recoveredAfterRestart = new AtomicLong();
  private final long losableNanos;
  // Answers the store acknowledged within losableNanos of the last one, oldest first.
  private final Deque<Acknowledged> acknowledged = new ArrayDeque<>();
  // Acknowledged answers sent again after a reconnection: already counted and reported once.
  private final Set<AnswerId> sentAgain = new HashSet<>();
  // Answers whose last attempt failed as the store went away: it may have applied them.
  private final Set<AnswerId> outcomeUnknown = new HashSet<>();
  // Answers this recorder saw stored, most recent last: tells a second press from a lost reply.
  private final Set<AnswerId> storedHere = new LinkedHashSet<>();
  private boolean retryScheduled;

  private record Acknowledged(RecordAnswer answer, long atNanos) {}

  /** A recorder whose kept answers live in memory only. */
  public AnswerRecorder(AnswerLog answers, Duration retryEvery) {
    this(answers, retryEvery, AnswerJournal.none(), DEFAULT_MAX_PENDING);
  }

  /**
   * @param journal where kept answers are written; its unstored answers are retried at once
   * @param maxPending how many answers may wait for the store at most
   */
  public AnswerRecorder(
      AnswerLog answers, Duration retryEvery, AnswerJournal journal, int maxPending) {
    this(answers, retryEvery, journal, maxPending, LearningRecords.none());
  }

  /**
   * @param records told of every answer recorded for the first time
   */
  public AnswerRecorder(
      AnswerLog answers,
      Duration retryEvery,
      AnswerJournal journal,
      int maxPending,
      LearningRecords records) {
    this.records = Objects.requireNonNull(records, "records");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.retryEvery = Objects.requireNonNull(retryEvery, "retryEvery");
    this.journal = Objects.requireNonNull(journal, "journal");
    if (maxPending <= 0) {
      throw new IllegalArgumentException("maxPending must be positive but was " + maxPending);
    }
    this.maxPending = maxPending;
    this.retries =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "learnloop-answer-retry");
              thread.setDaemon(true);
              return thread;
            });
    this.losableNanos = answers.acknowledgedButLosable().toNanos();
    if (losableNanos > 0) {
      answers.whenReconnected(() -> retries.execute(this::recordAcknowledgedAgain));
    }
    List<RecordAnswer> earlier = journal.unstored();
    if (!earlier.isEmpty()) {
      log.info(() -> "Recording " + earlier.size() + " answers journaled by an earlier run");
      synchronized (pending) {
        earlier.forEach(answer -> fromEarlierRun.add(answer.answer().id()));
        pending.addAll(earlier);
        retryScheduled = true;
        retries.execute(this::drain);
      }
    }
  }

  /**
   * Records the answer now, or keeps it for later when the store is unavailable or earlier answers
   * are still waiting.
   *
   * @return the outcome, or empty when the answer was kept for later
   * @throws AnswersNotKeptException when the answer could be neither recorded nor kept
   */
  public Optional<Recorded> record(RecordAnswer answer) {
    boolean behindOthers;
    synchronized (pending) {
      behindOthers = !pending.isEmpty();
      if (behindOthers) {
        keep(answer);
      }
    }
    if (behindOthers) {
      syncJournal(answer);
      return Optional.empty();
    }
    // Held before the store writes it, so that a stop right after the write loses no report.
    hold(answer);
    try {
      Recorded outcome = answers.record(answer);
      count(answer, outcome);
      acknowledge(List.of(answer));
      return Optional.of(outcome);
    } catch (AnswerLogUnavailableException e) {
      log.log(Level.WARNING, "Answer store unavailable; keeping " + answer.answer().id(), e);
      try {
        synchronized (pending) {
          outcomeUnknown.add(answer.answer().id());
          keep(answer);
        }
      } catch (AnswersNotKeptException notKept) {
        forget(answer);
        throw notKept;
      }
      syncJournal(answer);
      return Optional.empty();
    } catch (RuntimeException e) {
      forget(answer);
      throw e;
    }
  }

  private void hold(RecordAnswer answer) {
    try {
      records.answering(answer);
    } catch (RuntimeException e) {
      log.log(Level.SEVERE, "Could not hold the report of answer " + answer.answer().id(), e);
    }
  }

  private void forget(RecordAnswer answer) {
    try {
      records.notRecorded(answer);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not forget the report of answer " + answer.answer().id(), e);
    }
  }

  /** How many answers wait for the store. */
  public int pending() {
    synchronized (pending) {
      return pending.size();
    }
  }

  /** How many answers the journal holds that have not reached the store yet. */
  public int journaled() {
    return journal.pending();
  }

  /** How many answers this recorder brought to the store for the first time (no duplicates). */
  public long recorded() {
    return recorded.get();
  }

  /** How many answers were refused because {@code maxPending} were already waiting. */
  public long refused() {
    return refused.get();
  }

  /**
   * How many answers the store had acknowledged, then lost in a restart, and got again from this
   * recorder.
   */
  public long recoveredAfterRestart() {
    return recoveredAfterRestart.get();
  }

  private void acknowledge(List<RecordAnswer> stored) {
    if (losableNanos == 0) {
      return;
    }
    long now = System.nanoTime();
    synchronized (pending) {
      stored.forEach(answer -> acknowledged.addLast(new Acknowledged(answer, now)));
      // Pruned only here, when the store has just acknowledged an answer: after a restart the
      // answers acknowledged just before it are still held, however long the store was away.
      while (!acknowledged.isEmpty()
          && (now - acknowledged.peekFirst().atNanos() > losableNanos
              || acknowledged.size() > MAX_ACKNOWLEDGED)) {
        acknowledged.pollFirst();
      }
    }
  }

  /**
   * Runs on the retry thread, so that no drain is under way meanwhile. The waiting answers go at
   * once too: the store is back, and a retry may be scheduled long after.
   */
  private void recordAcknowledgedAgain() {
    synchronized (pending) {
      Set<AnswerId> waiting = new HashSet<>();
      pending.forEach(answer -> waiting.add(answer.answer().id()));
      int again = 0;
      for (var it = acknowledged.descendingIterator(); it.hasNext(); ) {
        RecordAnswer answer = it.next().answer();
        if (waiting.add(answer.answer().id())) {
          pending.addFirst(answer);
          sentAgain.add(answer.answer().id());
          again++;
        }
      }
      acknowledged.clear();
      if (pending.isEmpty()) {
        return;
      }
      int count = again;
      log.info(
          () ->
              "Answer store reconnected: recording again the "
                  + count
                  + " answers it acknowledged last, in case a restart lost them");
      retryScheduled = true;
    }
    drain();
  }

  /**
   * Waits until the journal holds the kept answer durably. Outside the lock, so that answers kept
   * meanwhile by other threads share one disk write.
   */
  private void syncJournal(RecordAnswer answer) {
    try {
      journal.sync();
    } catch (AnswerJournalException e) {
      journalFailed(answer, e);
    }
  }

  private static void journalFailed(RecordAnswer answer, AnswerJournalException e) {
    log.log(
        Level.SEVERE,
        "Could not journal answer "
            + answer.answer().id()
            + "; it is kept in memory only and lost if this process stops before the store is back",
        e);
  }

  // Called holding the lock on pending, so that the journal keeps the order of the queue.
  private void keep(RecordAnswer answer) {
    if (pending.size() >= maxPending) {
      if (refused.getAndIncrement() % 1_000 == 0) {
        log.severe(
            () ->
                "Answer store unavailable and "
                    + pending.size()
                    + " answers already wait for it (the most allowed): refusing answer "
                    + answer.answer().id()
                    + " and every further one until the store is back; "
                    + refused.get()
                    + " refused so far");
      }
      throw new AnswersNotKeptException(
          "answer " + answer.answer().id() + " not kept: " + maxPending + " already wait");
    }
    try {
      journal.append(answer);
    } catch (AnswerJournalException e) {
      journalFailed(answer, e);
    }
    pending.addLast(answer);
    scheduleRetry();
  }

  private void scheduleRetry() {
    if (!retryScheduled) {
      retryScheduled = true;
      retries.schedule(this::drain, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
    }
  }

  private void drain() {
    while (true) {
      List<RecordAnswer> batch = nextBatch();
      if (batch.isEmpty()) {
        return;
      }
      int done;
      try {
        List<Recorded> outcomes = answers.recordAll(batch);
        for (int i = 0; i < batch.size(); i++) {
          count(batch.get(i), outcomes.get(i));
        }
        acknowledge(batch);
        done = batch.size();
      } catch (AnswerLogUnavailableException e) {
        outcomeUnknown(batch);
        done = 0;
      } catch (RuntimeException e) {
        done = recordOneByOne(batch);
      }
      finish(batch.subList(0, done));
      if (done < batch.size()) {
        retries.schedule(this::drain, retryEvery.toMillis(), TimeUnit.MILLISECONDS);
        return;
      }
    }
  }

  private void outcomeUnknown(List<RecordAnswer> attempted) {
    synchronized (pending) {
      attempted.forEach(answer -> outcomeUnknown.add(answer.answer().id()));
    }
  }

  /** The oldest waiting answers, or none (and no retry scheduled any more) when none wait. */
  private List<RecordAnswer> nextBatch() {
    synchronized (pending) {
      if (pending.isEmpty()) {
        retryScheduled = false;
        return List.of();
      }
      return pending.stream().limit(BATCH).toList();
    }
  }

  /** After a batch failed for another reason than an outage: how many were dealt with. */
  private int recordOneByOne(List<RecordAnswer> batch) {
    for (int i = 0; i < batch.size(); i++) {
      RecordAnswer next = batch.get(i);
      try {
        count(next, answers.record(next));
        acknowledge(List.of(next));
      } catch (AnswerLogUnavailableException e) {
        outcomeUnknown(List.of(next));
        return i;
      } catch (RuntimeException e) {
        // An answer the store refuses for good must not block the ones behind it; the log keeps
        // all of it, so that it can be recorded by hand.
        log.log(Level.SEVERE, "Dropping answer the store refused: " + next, e);
        forget(next);
      }
    }
    return batch.size();
  }

  private void finish(List<RecordAnswer> done) {
    done.forEach(answer -> journal.stored(answer.answer().id()));
    synchronized (pending) {
      for (int i = 0; i < done.size(); i++) {
        pending.pollFirst();
      }
    }
  }

  private void count(RecordAnswer answer, Recorded outcome) {
    AnswerId id = answer.answer().id();
    boolean earlierRun;
    boolean again;
    boolean storedByUs;
    synchronized (pending) {
      earlierRun = fromEarlierRun.remove(id);
      again = sentAgain.remove(id);
      boolean replyWasLost = outcomeUnknown.remove(id) && outcome.duplicate();
      storedByUs = !again && (!outcome.duplicate() || (replyWasLost && !storedHere.contains(id)));
      if (storedByUs) {
        storedHere.add(id);
        if (storedHere.size() > MAX_ACKNOWLEDGED) {
          Iterator<AnswerId> oldest = storedHere.iterator();
          oldest.next();
          oldest.remove();
        }
      }
    }
    if (again) {
      if (!outcome.duplicate()) {
        recoveredAfterRestart.incrementAndGet();
        log.warning(
            () ->
                "Answer store had lost acknowledged answer "
                    + answer.answer().id()
                    + " in a restart; recorded again");
      }
      return;
    }
    if (storedByUs) {
      recorded.incrementAndGet();
    }
    if (storedByUs || earlierRun) {
      report(answer);
    } else {
      forget(answer);
    }
  }

  private void report(RecordAnswer answer) {
    try {
      records.answered(answer);
    } catch (RuntimeException e) {
      // The answer itself is recorded; its report is the only thing missing, and the log names it.
      log.log(Level.SEVERE, "Could not report recorded answer " + answer.answer().id(), e);
    }
  }

  @Override
  public void close() {
    retries.shutdownNow();
  }
}
