package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.memory.Card;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-memory answer log whose server can restart and lose the answers it acknowledged last, as
 * Redis does when it is killed while an AOF write is postponed behind a slow fsync.
 */
final class RestartingAnswerLog implements AnswerLog {

  private final Duration losable;
  private final List<Runnable> reconnected = new CopyOnWriteArrayList<>();
  private final List<RecordAnswer> applied = new ArrayList<>();
  private AnswerLog log = new InMemoryAnswerLog(Spacing.defaults());

  RestartingAnswerLog(Duration losable) {
    this.losable = losable;
  }

  private boolean down;

  /** The server restarts without the last {@code lost} answers it acknowledged, and is back. */
  void restartLosingLast(int lost) {
    goDownLosingLast(lost);
    comeBack();
  }

  /** The server's process is killed: the last {@code lost} answers it acknowledged are gone. */
  synchronized void goDownLosingLast(int lost) {
    List<RecordAnswer> kept = List.copyOf(applied.subList(0, applied.size() - lost));
    applied.clear();
    log = new InMemoryAnswerLog(Spacing.defaults());
    kept.forEach(this::record);
    down = true;
  }

  /** The server is reachable again. */
  void comeBack() {
    synchronized (this) {
      down = false;
    }
    reconnected.forEach(Runnable::run);
  }

  @Override
  public Duration acknowledgedButLosable() {
    return losable;
  }

  @Override
  public void whenReconnected(Runnable callback) {
    reconnected.add(callback);
  }

  @Override
  public synchronized Recorded record(RecordAnswer answer) {
    if (down) {
      throw new AnswerLogUnavailableException("server restarting", null);
    }
    Recorded outcome = log.record(answer);
    if (!outcome.duplicate()) {
      applied.add(answer);
    }
    return outcome;
  }

  @Override
  public synchronized Optional<Card> card(LearnerId learner, ItemId item) {
    return log.card(learner, item);
  }

  @Override
  public synchronized List<ItemId> due(LearnerId learner, Instant now, int limit) {
    return log.due(learner, now, limit);
  }

  @Override
  public synchronized LearnerStats stats(LearnerId learner) {
    return log.stats(learner);
  }

  @Override
  public synchronized List<LeaderboardEntry> leaderboard(String team, int limit) {
    return log.leaderboard(team, limit);
  }

  @Override
  public synchronized List<AnswerEvent> answers(LearnerId learner) {
    return log.answers(learner);
  }

  @Override
  public synchronized Set<LearnerId> learners() {
    return log.learners();
  }

  @Override
  public synchronized void rebuild(LearnerId learner) {
    log.rebuild(learner);
  }

  @Override
  public synchronized void forget(LearnerId learner) {
    log.forget(learner);
  }
}
