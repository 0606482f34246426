package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerLogContract;
import io.learnloop.dialog.learning.AnswerLogUnavailableException;
import io.learnloop.dialog.learning.LeaderboardEntry;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Points;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Recorded;
import io.learnloop.dialog.learning.Spacing;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisAnswerLogTest extends AnswerLogContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected AnswerLog log() {
    return new RedisAnswerLog(redis.connector(), Spacing.defaults());
  }

  @Override
  protected void loseDerivedState(AnswerLog log, LearnerId learner) {
    RedisAnswerLog.Keys keys = new RedisAnswerLog.Keys(learner);
    redis
        .connector()
        .sync()
        .del(keys.answerIds, keys.cards, keys.due, keys.skills, keys.stats, keys.teamPoints);
  }

  @Test
  void should_record_an_answer_with_one_script_call() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    log.record(answer(learner, LEAVE, true, MONDAY, "")); // loads the script
    long before = calls("evalsha");
    long readsBefore = calls("hgetall");

    log.record(answer(learner, PHISHING, true, MONDAY, ""));

    assertThat(calls("evalsha") - before).isEqualTo(1);
    assertThat(calls("hgetall")).isEqualTo(readsBefore);
  }

  @Test
  void should_load_the_script_again_when_redis_forgot_it() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    log.record(answer(learner, LEAVE, true, MONDAY, ""));
    redis.connector().sync().scriptFlush();

    assertThat(log.record(answer(learner, PHISHING, true, MONDAY, "")).duplicate()).isFalse();
    assertThat(log.stats(learner).answers()).isEqualTo(2);
  }

  @Test
  void should_record_a_list_of_answers_when_redis_forgot_the_script() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    log.record(answer(learner, LEAVE, true, MONDAY, ""));
    redis.connector().sync().scriptFlush();

    List<Recorded> outcomes =
        log.recordAll(
            List.of(
                answer(learner, PHISHING, true, MONDAY, ""),
                answer(learner, LEAVE, true, MONDAY.plusSeconds(5), "")));

    assertThat(outcomes).extracting(Recorded::duplicate).containsExactly(false, false);
    assertThat(log.stats(learner).answers()).isEqualTo(3);
  }

  @Test
  void should_send_a_list_of_answers_without_waiting_for_each_reply() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    log.record(answer(learner, LEAVE, true, MONDAY, ""));
    long before = calls("evalsha");

    log.recordAll(
        java.util.stream.IntStream.range(0, 50)
            .mapToObj(i -> answer(learner, PHISHING, true, MONDAY.plusSeconds(i), ""))
            .toList());

    assertThat(calls("evalsha") - before).isEqualTo(50);
    assertThat(log.stats(learner).answers()).isEqualTo(51);
  }

  @Test
  void should_keep_counting_a_leaderboard_written_before_points_per_team_were_kept() {
    RedisAnswerLog log = (RedisAnswerLog) log();
    LearnerId learner = newLearner();
    String team = newTeam();
    // The layout before: the leaderboard alone knew the learner's points in the team.
    redis.connector().sync().zadd(RedisAnswerLog.teamKey(team), 30, learner.value());
    redis.connector().sync().del(RedisAnswerLog.SEEDED);

    assertThat(log.seedTeamPointsFromLeaderboards()).isGreaterThanOrEqualTo(1);
    assertThat(log.seedTeamPointsFromLeaderboards()).isZero();
    log.record(answer(learner, LEAVE, true, MONDAY, team));

    assertThat(log.leaderboard(team, 5))
        .containsExactly(new LeaderboardEntry(learner, 30 + Points.PER_CORRECT_ANSWER));
  }

  @Test
  void should_repair_the_leaderboard_when_an_answer_is_recorded_again() {
    AnswerLog log = log();
    LearnerId learner = newLearner();
    String team = newTeam();
    RecordAnswer answer = answer(learner, LEAVE, true, MONDAY, team);
    log.record(answer);
    // As if Redis had failed between the answer's script and the leaderboard.
    redis.connector().sync().del(RedisAnswerLog.teamKey(team));

    assertThat(log.record(answer).duplicate()).isTrue();

    assertThat(log.leaderboard(team, 5))
        .containsExactly(new LeaderboardEntry(learner, Points.PER_CORRECT_ANSWER));
  }

  @Test
  void should_report_an_unreachable_redis_as_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(300))) {
      AnswerLog log = new RedisAnswerLog(nowhere, Spacing.defaults());
      assertThatThrownBy(() -> log.record(answer(newLearner(), LEAVE, true, MONDAY, "")))
          .isInstanceOf(AnswerLogUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
    }
  }

  /** How often Redis ran a command so far, from {@code INFO commandstats}. */
  private static long calls(String command) {
    String prefix = "cmdstat_" + command + ":calls=";
    return redis
        .connector()
        .sync()
        .info("commandstats")
        .lines()
        .filter(line -> line.startsWith(prefix))
        .mapToLong(line -> Long.parseLong(line.substring(prefix.length()).split(",")[0]))
        .findFirst()
        .orElse(0);
  }
}
