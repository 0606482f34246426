package io.learnloop.integrations.redis;

import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.schedule.QuizCalendar;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * The quiz calendar as one Redis sorted set: learner ids scored by the epoch millisecond their next
 * daily quiz is due.
 */
public final class RedisQuizCalendar implements QuizCalendar {

  static final String KEY = "learnloop:quiz-calendar";

  private final RedisConnector redis;

  public RedisQuizCalendar(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public void plan(LearnerId learner, Instant next) {
    try {
      redis.sync().zadd(KEY, (double) next.toEpochMilli(), learner.value());
    } catch (RedisException e) {
      throw new RedisUnavailableException("Could not plan the daily quiz of " + learner, e);
    }
  }

  @Override
  public List<LearnerId> due(Instant now, int limit) {
    try {
      return redis
          .sync()
          .zrangebyscore(
              KEY,
              Range.create(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli()),
              Limit.create(0, limit))
          .stream()
          .map(LearnerId::new)
          .toList();
    } catch (RedisException e) {
      throw new RedisUnavailableException("Could not read the quiz calendar", e);
    }
  }

  @Override
  public void forget(LearnerId learner) {
    try {
      redis.sync().zrem(KEY, learner.value());
    } catch (RedisException e) {
      throw new RedisUnavailableException("Could not take " + learner + " off the calendar", e);
    }
  }
}
