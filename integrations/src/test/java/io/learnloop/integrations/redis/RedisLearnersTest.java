package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearnersContract;
import io.learnloop.dialog.learning.LearnersUnavailableException;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisLearnersTest extends LearnersContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected Learners learners() {
    return new RedisLearners(redis.connector());
  }

  @Test
  void should_see_an_identity_moved_by_another_instance() {
    RedisLearners here = new RedisLearners(redis.connector());
    RedisLearners there = new RedisLearners(redis.connector());
    Learner ayu = aLearner();
    here.save(ayu);
    String slack = ayu.identities().get("slack");
    assertThat(here.findByIdentity("slack", slack)).contains(ayu);

    there.forget(ayu.id());
    Learner budi = withIdentities(aLearner(), Map.of("slack", slack));
    there.save(budi);

    assertThat(here.findByIdentity("slack", slack)).contains(budi);
    assertThat(here.find(ayu.id())).isEmpty();
  }

  @Test
  void should_ignore_and_take_over_a_claim_no_profile_lists_back() {
    RedisLearners learners = new RedisLearners(redis.connector());
    String slack = "U-claimed-" + UUID.randomUUID();
    // What a save that stopped after claiming leaves behind: the identity names a learner whose
    // profile was never written.
    redis.connector().sync().set(RedisLearners.identityKey("slack:" + slack), "test:crashed");

    assertThat(learners.findByIdentity("slack", slack)).isEmpty();
    Learner budi = withIdentities(aLearner(), Map.of("slack", slack));
    learners.save(budi);
    assertThat(learners.findByIdentity("slack", slack)).contains(budi);
  }

  @Test
  void should_move_the_index_of_earlier_versions_to_one_key_per_identity() {
    Learner ayu = aLearner();
    new RedisLearners(redis.connector()).save(ayu);
    String slack = "slack:" + ayu.identities().get("slack");
    redis.connector().sync().del(RedisLearners.identityKey(slack));
    redis.connector().sync().hset(RedisLearners.LEGACY_IDENTITIES, slack, ayu.id().value());

    RedisLearners upgraded = new RedisLearners(redis.connector());

    assertThat(upgraded.findByIdentity("slack", ayu.identities().get("slack"))).contains(ayu);
    assertThat(redis.connector().sync().exists(RedisLearners.LEGACY_IDENTITIES)).isZero();
  }

  private static Learner withIdentities(Learner learner, Map<String, String> identities) {
    return new Learner(
        learner.id(),
        identities,
        learner.role(),
        learner.team(),
        learner.manager(),
        learner.timezone(),
        learner.language(),
        learner.preferences());
  }

  @Test
  void should_report_an_unreachable_redis_as_learners_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      RedisLearners learners = new RedisLearners(nowhere);

      assertThatThrownBy(() -> learners.save(aLearner()))
          .isInstanceOf(LearnersUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
      assertThatThrownBy(() -> learners.find(new LearnerId("test:x")))
          .isInstanceOf(LearnersUnavailableException.class);
    }
  }
}
