package io.learnloop.integrations.redis;

import io.learnloop.dialog.quiz.Rounds;
import io.learnloop.dialog.quiz.RoundsContract;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRoundsTest extends RoundsContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected Rounds rounds() {
    return new RedisRounds(redis.connector());
  }
}
