package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterContract;
import io.learnloop.dialog.roster.RosterUnavailableException;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RedisRosterTest extends RosterContract {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  @Override
  protected Roster roster() {
    redis.connector().sync().del(RedisRoster.ENTRIES, RedisRoster.PROFILES);
    return new RedisRoster(redis.connector());
  }

  @Test
  void should_leave_no_staging_key_and_no_expiry_after_an_import() {
    Roster roster = roster();
    roster.replaceAll(List.of(anEntry()));

    assertThat(redis.connector().sync().keys("learnloop:{roster}:staging:*")).isEmpty();
    assertThat(redis.connector().sync().pttl(RedisRoster.ENTRIES)).isEqualTo(-1L);
  }

  @Test
  void should_report_an_unreachable_redis_as_roster_unavailable() {
    try (RedisConnector nowhere =
        new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(500))) {
      RedisRoster roster = new RedisRoster(nowhere);

      assertThatThrownBy(roster::all)
          .isInstanceOf(RosterUnavailableException.class)
          .hasMessageContaining("redis://127.0.0.1:1");
      assertThatThrownBy(() -> roster.replaceAll(List.of(anEntry())))
          .isInstanceOf(RosterUnavailableException.class);
    }
  }

  private static io.learnloop.dialog.roster.RosterEntry anEntry() {
    return new io.learnloop.dialog.roster.RosterEntry(
        new io.learnloop.dialog.learning.LearnerId("test:siti"),
        "Siti Nurhaliza",
        new io.learnloop.dialog.catalog.RoleId("analyst"),
        java.util.Optional.empty(),
        "",
        java.util.Optional.empty(),
        false);
  }
}
