package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.dashboard.ContentGap;
import io.learnloop.dialog.dashboard.ContentGaps;
import io.learnloop.dialog.dashboard.ContentGapsContract;
import io.learnloop.dialog.dashboard.ContentGapsUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisContentGapsTest extends ContentGapsContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected ContentGaps gaps() {
    return new RedisContentGaps(redis.connector());
  }

  @Test
  void should_keep_only_the_most_frequent_gaps_of_a_team() {
    ContentGaps gaps = gaps();
    Instant at = Instant.parse("2026-11-02T02:00:00Z");
    gaps.record(new ContentGap(ContentGap.Kind.UNANSWERED, "bounded", "asked twice", at));
    gaps.record(new ContentGap(ContentGap.Kind.UNANSWERED, "bounded", "asked twice", at));
    for (int i = 0; i < ContentGaps.KEPT_PER_TEAM; i++) {
      gaps.record(new ContentGap(ContentGap.Kind.UNANSWERED, "bounded", "once " + i, at));
    }

    assertThat(redis.connector().sync().zcard(RedisContentGaps.countsKey("bounded")))
        .isEqualTo(ContentGaps.KEPT_PER_TEAM);
    assertThat(redis.connector().sync().hlen(RedisContentGaps.lastKey("bounded")))
        .isEqualTo(ContentGaps.KEPT_PER_TEAM);
    assertThat(gaps.mostFrequent("bounded", 1).get(0).subject()).isEqualTo("asked twice");
  }

  @Test
  void should_report_an_unreachable_redis_as_content_gaps_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      assertThatThrownBy(() -> new RedisContentGaps(nowhere).mostFrequent("sales", 5))
          .isInstanceOf(ContentGapsUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
    }
  }
}
