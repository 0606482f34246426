package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.memory.Card;
import io.learnloop.dialog.learning.memory.Scheduler;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/** An {@link AnswerLog} in memory, for tests, simulations and running without a store. */
public final class InMemoryAnswerLog implements AnswerLog {

  private final Scheduler scheduler;
  private final Map<LearnerId, State> learners = new HashMap<>();
  private final Map<String, Map<LearnerId, Long>> teams = new HashMap<>();

  public InMemoryAnswerLog(Spacing spacing) {
    this.scheduler = Objects.requireNonNull(spacing, "spacing").scheduler();
  }

  private static final class State {
    final Set<AnswerId> seen = new HashSet<>();
    final List<RecordAnswer> log = new ArrayList<>();
    final Map<ItemId, Card> cards = new HashMap<>();
    final Map<SkillId, SkillCount> skills = new HashMap<>();
    long points;
    int answers;
    int correct;
    int streak;
    long streakDay = Long.MIN_VALUE;
  }

  @Override
  public synchronized Recorded record(RecordAnswer command) {
    State state = learners.computeIfAbsent(command.answer().learner(), l -> new State());
    if (!state.seen.add(command.answer().id())) {
      return new Recorded(true, false, state.points, state.streak, Optional.empty());
    }
    state.log.add(command);
    Recorded recorded = apply(state, command);
    if (!command.team().isEmpty()) {
      teams
          .computeIfAbsent(command.team(), t -> new HashMap<>())
          .merge(
              command.answer().learner(), (long) Points.of(command.answer().correct()), Long::sum);
    }
    return recorded;
  }

  private Recorded apply(State state, RecordAnswer command) {
    AnswerEvent answer = command.answer();
    Card card = state.cards.get(answer.item());
    boolean outOfOrder = card != null && answer.at().isBefore(card.lastReview());
    Optional<Instant> due = Optional.empty();
    if (!outOfOrder) {
      Card next =
          scheduler.review(
              card == null ? Card.fresh(answer.at()) : card, answer.rating(), answer.at());
      state.cards.put(answer.item(), next);
      due = Optional.of(next.due());
    }
    for (SkillId skill : command.skills()) {
      SkillCount count = state.skills.getOrDefault(skill, new SkillCount(0, 0));
      state.skills.put(
          skill, new SkillCount(count.attempts() + 1, count.wins() + (answer.correct() ? 1 : 0)));
    }
    state.answers++;
    state.correct += answer.correct() ? 1 : 0;
    state.points += Points.of(answer.correct());
    long day = command.localDay();
    if (state.streakDay == Long.MIN_VALUE || day > state.streakDay + 1) {
      state.streak = 1;
      state.streakDay = day;
    } else if (day == state.streakDay + 1) {
      state.streak++;
      state.streakDay = day;
    }
    return new Recorded(false, outOfOrder, state.points, state.streak, due);
  }

  @Override
  public synchronized Optional<Card> card(LearnerId learner, ItemId item) {
    return Optional.ofNullable(learners.get(learner)).map(s -> s.cards.get(item));
  }

  @Override
  public synchronized List<ItemId> due(LearnerId learner, Instant now, int limit) {
    requirePositive(limit);
    State state = learners.get(learner);
    if (state == null) {
      return List.of();
    }
    return state.cards.entrySet().stream()
        .filter(e -> !e.getValue().due().isAfter(now))
        .sorted(
            Comparator.comparing((Map.Entry<ItemId, Card> e) -> e.getValue().due())
                .thenComparing(e -> e.getKey().value()))
        .limit(limit)
        .map(Map.Entry::getKey)
        .toList();
  }

  @Override
  public synchronized LearnerStats stats(LearnerId learner) {
    State s = learners.get(learner);
    return s == null
        ? LearnerStats.none()
        : new LearnerStats(s.points, s.answers, s.correct, s.streak, s.skills);
  }

  @Override
  public synchronized List<LeaderboardEntry> leaderboard(String team, int limit) {
    requirePositive(limit);
    return teams.getOrDefault(team, Map.of()).entrySet().stream()
        .sorted(
            Map.Entry.<LearnerId, Long>comparingByValue()
                .reversed()
                .thenComparing(e -> e.getKey().value()))
        .limit(limit)
        .map(e -> new LeaderboardEntry(e.getKey(), e.getValue()))
        .toList();
  }

  @Override
  public synchronized List<AnswerEvent> answers(LearnerId learner) {
    State state = learners.get(learner);
    return state == null ? List.of() : state.log.stream().map(RecordAnswer::answer).toList();
  }

  @Override
  public synchronized Set<LearnerId> learners() {
    Set<LearnerId> answered = new HashSet<>();
    learners.forEach(
        (learner, state) -> {
          if (!state.log.isEmpty()) {
            answered.add(learner);
          }
        });
    return answered;
  }

  @Override
  public synchronized void rebuild(LearnerId learner) {
    State old = learners.get(learner);
    if (old == null) {
      return;
    }
    State fresh = new State();
    for (RecordAnswer command : old.log) {
      fresh.seen.add(command.answer().id());
      fresh.log.add(command);
      apply(fresh, command);
    }
    learners.put(learner, fresh);
  }

  /** Loses the derived state but keeps the answers, as a crash between writes might; for tests. */
  synchronized void forgetDerivedState(LearnerId learner) {
    State old = learners.get(learner);
    State stripped = new State();
    stripped.seen.addAll(old.seen);
    stripped.log.addAll(old.log);
    learners.put(learner, stripped);
  }

  static void requirePositive(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive but was " + limit);
    }
  }

  @Override
  public synchronized void forget(LearnerId learner) {
    learners.remove(learner);
    teams.values().forEach(points -> points.remove(learner));
  }
}
