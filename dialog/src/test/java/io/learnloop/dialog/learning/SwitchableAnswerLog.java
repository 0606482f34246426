package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.memory.Card;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** An in-memory answer log that can be taken down and brought back. */
final class SwitchableAnswerLog implements AnswerLog {

  private final AnswerLog log = new InMemoryAnswerLog(Spacing.defaults());
  volatile boolean down;
  // Applies each answer, then fails as if the store went away before its reply came back.
  volatile boolean losingReplies;

  @Override
  public Recorded record(RecordAnswer answer) {
    up();
    Recorded recorded = log.record(answer);
    if (losingReplies) {
      throw new AnswerLogUnavailableException("connection lost before the reply", null);
    }
    return recorded;
  }

  @Override
  public Optional<Card> card(LearnerId learner, ItemId item) {
    up();
    return log.card(learner, item);
  }

  @Override
  public List<ItemId> due(LearnerId learner, Instant now, int limit) {
    up();
    return log.due(learner, now, limit);
  }

  @Override
  public LearnerStats stats(LearnerId learner) {
    up();
    return log.stats(learner);
  }

  @Override
  public List<LeaderboardEntry> leaderboard(String team, int limit) {
    up();
    return log.leaderboard(team, limit);
  }

  @Override
  public List<AnswerEvent> answers(LearnerId learner) {
    up();
    return log.answers(learner);
  }

  @Override
  public Set<LearnerId> learners() {
    up();
    return log.learners();
  }

  @Override
  public void rebuild(LearnerId learner) {
    up();
    log.rebuild(learner);
  }

  private void up() {
    if (down) {
      throw new AnswerLogUnavailableException("store down", null);
    }
  }

  @Override
  public void forget(LearnerId learner) {
    up();
    log.forget(learner);
  }
}
