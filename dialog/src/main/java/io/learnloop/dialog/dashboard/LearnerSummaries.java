package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.RosterEntry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Each learner's {@link LearnerSummary}, recomputed only when the answer log counts a new answer
 * for them, their role changed, or a new UTC day began. Replaying a year of answers through the
 * learner model for every member of a 500-person team on each page view is what made the team page
 * slow; this asks the store for one count per member instead.
 */
final class LearnerSummaries {

  private final AnswerLog answers;
  private final Snapshots snapshots;
  private final Map<io.learnloop.dialog.learning.LearnerId, LearnerSummary> known =
      new ConcurrentHashMap<>();

  LearnerSummaries(AnswerLog answers, Snapshots snapshots) {
    this.answers = Objects.requireNonNull(answers, "answers");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
  }

  LearnerSummary of(RosterEntry person, Instant now) {
    int counted = answers.stats(person.learner()).answers();
    LearnerSummary summary = known.get(person.learner());
    if (summary != null
        && summary.answers() == counted
        && summary.role().equals(person.role())
        && summary.day().equals(LearnerSummary.day(now))) {
      return summary;
    }
    List<AnswerEvent> events = answers.answers(person.learner());
    LearnerSnapshot snapshot = snapshots.of(person.learner(), person.role(), now, events);
    LearnerSummary fresh =
        LearnerSummary.of(counted, person.role(), now, snapshot.mastery(), events);
    known.put(person.learner(), fresh);
    return fresh;
  }
}
