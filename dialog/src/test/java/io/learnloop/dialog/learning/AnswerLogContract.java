package io.learnloop.dialog.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.memory.Card;
import io.learnloop.dialog.learning.memory.Rating;
import io.learnloop.dialog.learning.memory.Scheduler;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnswerLog} must do. Extend it once per implementation; {@link #log()} returns a
 * working store using {@link Spacing#defaults()}.
 */
public abstract class AnswerLogContract {

  protected static final Instant MONDAY = Instant.parse("2026-11-02T02:00:00Z");
  protected static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  protected static final ItemId LEAVE = new ItemId("leave-carry-over-limit");
  protected static final ItemId PHISHING = new ItemId("phishing-report");
  protected static final SkillId LEAVE_POLICY = new SkillId("leave-policy");
  protected static final SkillId SECURITY = new SkillId("security-basics");

  protected abstract AnswerLog log();

  /** Deletes the learner's derived state but keeps the recorded answers, as a crash might. */
  protected abstract void loseDerivedState(AnswerLog log, LearnerId learner);

  protected static LearnerId newLearner() {
    return new LearnerId("test:" + UUID.randomUUID());
  }

  protected static String newTeam() {
    return "team-" + UUID.randomUUID();
  }

  /** An answer with a fresh id; tests change what they need. */
  protected static RecordAnswer answer(
      LearnerId learner, ItemId item, boolean correct, Instant at, String team) {
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId(UUID.randomUUID().toString()),
            learner,
            item,
            correct ? 0 : 1,
            correct,
            Duration.ofSeconds(8),
            at,
            AnswerContext.DAILY),
        item.equals(LEAVE) ? Set.of(LEAVE_POLICY) : Set.of(SECURITY),
        team,
        JAKARTA);
  }

  @Test
  void should_record_a_list_of_answers_in_order_and_each_once() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    RecordAnswer before = answer(learner, LEAVE, true, MONDAY, "");
    RecordAnswer wrong = answer(learner, PHISHING, false, MONDAY.plusSeconds(60), "");
    RecordAnswer right = answer(learner, LEAVE, true, MONDAY.plus(Duration.ofDays(3)), "");
    log.record(before);

    List<Recorded> outcomes = log.recordAll(List.of(before, wrong, right, wrong));

    assertThat(outcomes).extracting(Recorded::duplicate).containsExactly(true, false, false, true);
    assertThat(outcomes.get(2).points())
        .isEqualTo(2 * Points.PER_CORRECT_ANSWER + Points.PER_ANSWER);
    assertThat(log.stats(learner).answers()).isEqualTo(3);
    assertThat(log.answers(learner))
        .containsExactly(before.answer(), wrong.answer(), right.answer());
  }

  @Test
  void should_read_the_cards_of_many_items_at_once_as_one_by_one() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    log.record(answer(learner, LEAVE, true, MONDAY, ""));
    log.record(answer(learner, PHISHING, false, MONDAY.plusSeconds(60), ""));
    ItemId never = new ItemId("never-answered");

    Map<ItemId, Card> cards = log.cards(learner, List.of(LEAVE, PHISHING, never));

    assertThat(cards)
        .containsOnlyKeys(LEAVE, PHISHING)
        .containsEntry(LEAVE, log.card(learner, LEAVE).orElseThrow())
        .containsEntry(PHISHING, log.card(learner, PHISHING).orElseThrow());
    assertThat(log.cards(learner, List.of())).isEmpty();
  }

  @Test
  void should_read_a_learners_state_at_once_as_each_read_alone() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    log.record(answer(learner, LEAVE, true, MONDAY, ""));
    log.record(answer(learner, PHISHING, false, MONDAY.plusSeconds(60), ""));
    Instant later = MONDAY.plus(Duration.ofDays(30));

    LearnerState state = log.readState(learner, later, 1);

    assertThat(state.cards())
        .containsOnlyKeys(LEAVE, PHISHING)
        .isEqualTo(log.cards(learner, List.of(LEAVE, PHISHING)));
    assertThat(state.stats()).isEqualTo(log.stats(learner));
    assertThat(state.stats().answers()).isEqualTo(2);
    assertThat(state.due()).hasSize(1).isEqualTo(log.due(learner, later, 1));
    LearnerState nobody = log.readState(newLearner(), later, 10);
    assertThat(nobody.cards()).isEmpty();
    assertThat(nobody.due()).isEmpty();
    assertThat(nobody.stats().answers()).isZero();
    assertThatThrownBy(() -> log.readState(learner, later, 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_give_many_learners_answer_counts_in_the_order_asked() {
    AnswerLog log = log();
    LearnerId two = newLearner();
    LearnerId none = newLearner();
    LearnerId one = newLearner();
    log.record(answer(two, LEAVE, true, MONDAY, ""));
    log.record(answer(two, PHISHING, false, MONDAY.plusSeconds(60), ""));
    log.record(answer(one, LEAVE, false, MONDAY, ""));

    assertThat(log.answerCounts(List.of(two, none, one))).containsExactly(2, 0, 1);
  }

  @Test
  void should_count_an_answer_once_when_it_is_recorded_twice() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    String team = newTeam();
    RecordAnswer click = answer(learner, LEAVE, true, MONDAY, team);

    Recorded first = log.record(click);
    Recorded second = log.record(click);

    assertThat(first.duplicate()).isFalse();
    assertThat(second.duplicate()).isTrue();
    assertThat(second.points()).isEqualTo(first.points()).isEqualTo(Points.PER_CORRECT_ANSWER);
    assertThat(log.stats(learner).answers()).isEqualTo(1);
    assertThat(log.answers(learner)).containsExactly(click.answer());
    assertThat(log.leaderboard(team, 5))
        .containsExactly(new LeaderboardEntry(learner, Points.PER_CORRECT_ANSWER));
  }

  @Test
  void should_keep_the_same_memory_as_the_scheduler() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    Scheduler scheduler = Spacing.defaults().scheduler();
    Card expected = Card.fresh(MONDAY);
    boolean[] outcomes = {true, false, true, true};
    Instant at = MONDAY;
    for (boolean correct : outcomes) {
      log.record(answer(learner, LEAVE, correct, at, ""));
      expected = scheduler.review(expected, correct ? Rating.GOOD : Rating.AGAIN, at);
      at = expected.due().plus(Duration.ofHours(3));
    }

    Card stored = log.card(learner, LEAVE).orElseThrow();
    assertThat(stored.memory().stability()).isCloseTo(expected.memory().stability(), within(1e-9));
    assertThat(stored.memory().difficulty())
        .isCloseTo(expected.memory().difficulty(), within(1e-9));
    assertThat(stored.lastReview()).isEqualTo(expected.lastReview());
    assertThat(stored.due()).isEqualTo(expected.due());
  }

  @Test
  void should_schedule_a_missed_item_sooner_than_a_known_one() {
    AnswerLog log = log();
    LearnerId learner = newLearner();

    Instant knownDue = log.record(answer(learner, LEAVE, true, MONDAY, "")).due().orElseThrow();
    Instant missedDue =
        log.record(answer(learner, PHISHING, false, MONDAY, "")).due().orElseThrow();

    assertThat(missedDue).isBefore(knownDue);
    assertThat(log.due(learner, missedDue, 10)).containsExactly(PHISHING);
    assertThat(log.due(learner, knownDue, 10)).containsExactly(PHISHING, LEAVE);
    assertThat(log.due(learner, MONDAY, 10)).isEmpty();
  }

  @Test
  void should_count_attempts_and_wins_per_skill() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    log.record(answer(learner, LEAVE, true, MONDAY, ""));
    log.record(answer(learner, LEAVE, false, MONDAY.plusSeconds(60), ""));
    log.record(answer(learner, PHISHING, true, MONDAY.plusSeconds(120), ""));

    LearnerStats stats = log.stats(learner);
    assertThat(stats.skills())
        .isEqualTo(Map.of(LEAVE_POLICY, new SkillCount(2, 1), SECURITY, new SkillCount(1, 1)));
    assertThat(stats.answers()).isEqualTo(3);
    assertThat(stats.correct()).isEqualTo(2);
    assertThat(stats.points()).isEqualTo(2L * Points.PER_CORRECT_ANSWER + Points.PER_ANSWER);
  }

  @Test
  void should_grow_the_streak_on_consecutive_local_days_and_restart_it_after_a_gap() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    Duration day = Duration.ofDays(1);

    assertThat(log.record(answer(learner, LEAVE, true, MONDAY, "")).streakDays()).isEqualTo(1);
    assertThat(log.record(answer(learner, PHISHING, true, MONDAY.plusSeconds(5), "")).streakDays())
        .isEqualTo(1);
    assertThat(log.record(answer(learner, LEAVE, true, MONDAY.plus(day), "")).streakDays())
        .isEqualTo(2);
    assertThat(
            log.record(answer(learner, LEAVE, true, MONDAY.plus(day.multipliedBy(4)), ""))
                .streakDays())
        .isEqualTo(1);
    assertThat(log.stats(learner).streakDays()).isEqualTo(1);
  }

  @Test
  void should_count_days_in_the_learners_time_zone() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    // 16:30 and 17:30 UTC on the same UTC day are two days in Jakarta (UTC+7).
    Instant evening = Instant.parse("2026-11-02T16:30:00Z");
    log.record(answer(learner, LEAVE, true, evening, ""));
    assertThat(
            log.record(answer(learner, PHISHING, true, evening.plusSeconds(3600), "")).streakDays())
        .isEqualTo(2);
  }

  @Test
  void should_rank_a_team_by_points() {
    AnswerLog log = log();
    String team = newTeam();
    LearnerId ayu = newLearner();
    LearnerId budi = newLearner();
    log.record(answer(ayu, LEAVE, true, MONDAY, team));
    log.record(answer(budi, LEAVE, false, MONDAY, team));
    log.record(answer(budi, PHISHING, true, MONDAY, team));
    log.record(answer(ayu, PHISHING, true, MONDAY, newTeam()));

    assertThat(log.leaderboard(team, 10))
        .containsExactly(
            new LeaderboardEntry(budi, Points.PER_ANSWER + Points.PER_CORRECT_ANSWER),
            new LeaderboardEntry(ayu, Points.PER_CORRECT_ANSWER));
    assertThat(log.leaderboard(team, 1)).hasSize(1);
    assertThat(log.leaderboard(newTeam(), 10)).isEmpty();
  }

  @Test
  void should_not_move_memory_back_for_an_answer_older_than_the_last_review() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    log.record(answer(learner, LEAVE, true, MONDAY.plus(Duration.ofDays(3)), ""));
    Card before = log.card(learner, LEAVE).orElseThrow();

    Recorded late = log.record(answer(learner, LEAVE, false, MONDAY, ""));

    assertThat(late.outOfOrder()).isTrue();
    assertThat(late.due()).isEmpty();
    assertThat(log.card(learner, LEAVE)).contains(before);
    assertThat(log.stats(learner).answers()).isEqualTo(2);
  }

  @Test
  void should_rebuild_the_derived_state_from_the_recorded_answers() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    for (int i = 0; i < 6; i++) {
      Instant at = MONDAY.plus(Duration.ofDays(i)).plusSeconds(i);
      log.record(answer(learner, i % 2 == 0 ? LEAVE : PHISHING, i % 3 != 0, at, ""));
    }
    LearnerStats stats = log.stats(learner);
    Card leave = log.card(learner, LEAVE).orElseThrow();
    List<ItemId> due = log.due(learner, MONDAY.plus(Duration.ofDays(60)), 10);

    loseDerivedState(log, learner);
    assertThat(log.stats(learner).answers()).isZero();
    log.rebuild(learner);

    assertThat(log.stats(learner)).isEqualTo(stats);
    assertThat(log.card(learner, LEAVE)).contains(leave);
    assertThat(log.due(learner, MONDAY.plus(Duration.ofDays(60)), 10)).isEqualTo(due);
    assertThat(log.answers(learner)).hasSize(6);
  }

  @Test
  void should_list_every_learner_with_answers_and_no_other() {
    AnswerLog log = log();
    LearnerId first = newLearner();
    LearnerId second = newLearner();
    log.record(answer(first, LEAVE, true, MONDAY, ""));
    log.record(answer(second, PHISHING, false, MONDAY, ""));
    log.record(answer(second, LEAVE, true, MONDAY.plusSeconds(60), ""));

    assertThat(log.learners()).contains(first, second).doesNotContain(newLearner());
  }

  @Test
  void should_know_nothing_of_a_learner_without_answers() {
    AnswerLog log = log();
    LearnerId nobody = newLearner();
    assertThat(log.stats(nobody)).isEqualTo(LearnerStats.none());
    assertThat(log.card(nobody, LEAVE)).isEmpty();
    assertThat(log.due(nobody, MONDAY, 5)).isEmpty();
    assertThat(log.answers(nobody)).isEmpty();
  }

  @Test
  void should_refuse_a_limit_that_is_not_positive() {
    assertThatThrownBy(() -> log().due(newLearner(), MONDAY, 0))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> log().leaderboard(newTeam(), 0))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void should_forget_a_learners_answers_and_their_place_on_the_leaderboard() {
    AnswerLog log = log();
    String team = newTeam();
    LearnerId ayu = newLearner();
    LearnerId budi = newLearner();
    log.record(answer(ayu, LEAVE, true, MONDAY, team));
    log.record(answer(budi, LEAVE, true, MONDAY, team));

    log.forget(ayu);

    assertThat(log.answers(ayu)).isEmpty();
    assertThat(log.card(ayu, LEAVE)).isEmpty();
    assertThat(log.stats(ayu).answers()).isZero();
    assertThat(log.leaderboard(team, 10))
        .extracting(LeaderboardEntry::learner)
        .containsExactly(budi);
    assertThat(log.answers(budi)).hasSize(1);
  }
}
