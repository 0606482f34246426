package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.RosterEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Each learner's {@link LearnerSummary}, recomputed only when the answer log counts a new answer
 * for them, their role changed, or a new UTC day began. Replaying a year of answers through the
 * learner model for every member of a 500-person team on each page view is what made the team page
 * slow; this asks the store for every member's answer count in one pipelined round trip instead.
 */
final class LearnerSummaries {

  private final AnswerLog answers;
  private final Snapshots snapshots;
  private final Map<io.learnloop.dialog.learning.LearnerId, LearnerSummary> known =
      new ConcurrentHashMap<>();

  /** Recomputing is mostly waiting for the store: a few at once overlap those waits. */
  static final int THREADS = 4;

  private static final AtomicInteger THREAD_NUMBER = new AtomicInteger();

  // Daemon threads: a page view in progress must not keep the JVM from exiting.
  private final Executor pool =
      Executors.newFixedThreadPool(
          THREADS,
          runnable -> {
            Thread thread =
                new Thread(runnable, "learnloop-dashboard-" + THREAD_NUMBER.incrementAndGet());
            thread.setDaemon(true);
            return thread;
          });

  LearnerSummaries(AnswerLog answers, Snapshots snapshots) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
  }

  /**
   * The summaries of {@code people}, in that order: one read of everyone's answer count, then those
   * who answered since (or whose role or day changed) recomputed at once on {@link #THREADS}
   * threads, so that their store round trips overlap.
   */
  List<LearnerSummary> of(List<RosterEntry> people, Instant now) {
    List<Integer> counts = answers.answerCounts(people.stream().map(RosterEntry::learner).toList());
    List<CompletableFuture<LearnerSummary>> summaries = new ArrayList<>(people.size());
    for (int i = 0; i < people.size(); i++) {
      RosterEntry person = people.get(i);
      int counted = counts.get(i);
      LearnerSummary known = this.known.get(person.learner());
      if (known != null
          && known.answers() == counted
          && known.role().equals(person.role())
          && known.day().equals(LearnerSummary.day(now))) {
        summaries.add(CompletableFuture.completedFuture(known));
      } else {
        summaries.add(CompletableFuture.supplyAsync(() -> compute(person, counted, now), pool));
      }
    }
    try {
      return summaries.stream().map(CompletableFuture::join).toList();
    } catch (CompletionException e) {
      throw e.getCause() instanceof RuntimeException cause ? cause : e;
    }
  }

  private LearnerSummary compute(RosterEntry person, int counted, Instant now) {
    List<AnswerEvent> events = answers.answers(person.learner());
    LearnerSnapshot snapshot =
        snapshots.of(person.learner(), person.role(), person.nextRole(), now, events);
    LearnerSummary fresh =
        LearnerSummary.of(counted, person.role(), now, snapshot.mastery(), events);
    known.put(person.learner(), fresh);
    return fresh;
  }
}
