package io.learnloop.integrations.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.coaching.NudgeFixture;
import io.learnloop.dialog.learning.Learner;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Two bot instances, each with its own connection and job runner, share one real Redis: every
 * manager gets one weekly nudge, and a Monday both missed is caught up once.
 */
class WeeklyNudgesOnRedisTest {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  private static final Instant MONDAY_NINE_JAKARTA = Instant.parse("2026-11-30T02:00:00Z");

  private final NudgeFixture fixture = new NudgeFixture().withManagers(6);
  private RedisConnector first;
  private RedisConnector second;
  private NudgeFixture.Instance a;
  private NudgeFixture.Instance b;

  @BeforeEach
  void twoInstances() {
    first = new RedisConnector(redis.server().url(), Duration.ofSeconds(2));
    second = new RedisConnector(redis.server().url(), Duration.ofSeconds(2));
    a = fixture.instance(new RedisJobClaims(first));
    b = fixture.instance(new RedisJobClaims(second));
  }

  @AfterEach
  void close() {
    first.close();
    second.close();
  }

  /** Both instances sweep at the same moment, as two schedulers firing together would. */
  private void bothSweep(Instant at) throws Exception {
    CyclicBarrier together = new CyclicBarrier(2);
    CompletableFuture<Integer> one =
        CompletableFuture.supplyAsync(() -> sweepAfter(together, a, at));
    CompletableFuture<Integer> two =
        CompletableFuture.supplyAsync(() -> sweepAfter(together, b, at));
    CompletableFuture.allOf(one, two).get();
  }

  private static int sweepAfter(CyclicBarrier together, NudgeFixture.Instance bot, Instant at) {
    try {
      together.await();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    return bot.nudges.sendDue(at);
  }

  private List<String> everyNudge() {
    List<String> all = new ArrayList<>(a.nudgedUsers());
    all.addAll(b.nudgedUsers());
    return all;
  }

  private List<String> managerDms() {
    return fixture.managers.stream().map(NudgeFixture::dmOf).toList();
  }

  @Test
  void should_send_each_manager_exactly_one_nudge_when_two_instances_run_the_job()
      throws Exception {
    bothSweep(MONDAY_NINE_JAKARTA);
    bothSweep(MONDAY_NINE_JAKARTA.plusSeconds(300));
    bothSweep(MONDAY_NINE_JAKARTA.plus(Duration.ofHours(3)));

    assertThat(everyNudge()).containsExactlyInAnyOrderElementsOf(managerDms());
  }

  @Test
  void should_catch_up_a_missed_monday_once_and_then_send_the_next_week_on_time() throws Exception {
    Instant tuesdayMorning = MONDAY_NINE_JAKARTA.plus(Duration.ofHours(25));

    bothSweep(tuesdayMorning);
    List<String> caughtUp = everyNudge();
    bothSweep(tuesdayMorning.plusSeconds(300));
    bothSweep(tuesdayMorning.plus(Duration.ofDays(1)));

    assertThat(caughtUp).containsExactlyInAnyOrderElementsOf(managerDms());
    assertThat(everyNudge()).as("no second catch-up").hasSameSizeAs(caughtUp);

    bothSweep(MONDAY_NINE_JAKARTA.plus(Duration.ofDays(7)));

    List<String> twoWeeks = new ArrayList<>(managerDms());
    twoWeeks.addAll(managerDms());
    assertThat(everyNudge()).containsExactlyInAnyOrderElementsOf(twoWeeks);
    Learner someone = fixture.managers.get(0);
    assertThat(everyNudge()).filteredOn(NudgeFixture.dmOf(someone)::equals).hasSize(2);
  }
}
