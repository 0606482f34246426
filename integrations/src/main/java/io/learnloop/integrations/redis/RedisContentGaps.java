package io.learnloop.integrations.redis;

import io.learnloop.dialog.dashboard.ContentGap;
import io.learnloop.dialog.dashboard.ContentGapCount;
import io.learnloop.dialog.dashboard.ContentGaps;
import io.learnloop.dialog.dashboard.ContentGapsUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Content gaps per team in two keys of one hash slot, {@code learnloop:content-gaps:{gaps:<team>}}:
 * {@code :counts}, a sorted set of {@code <kind> <subject>} by how often it was seen, and {@code
 * :last}, a hash of when each was seen last (epoch ms). One script counts a gap and drops the
 * rarest past {@link ContentGaps#KEPT_PER_TEAM}, so a team's keys stay bounded however much is
 * asked.
 */
public final class RedisContentGaps implements ContentGaps {

  // KEYS: counts, last; ARGV: member, epoch ms, how many to keep.
  private static final String RECORD =
      """
      redis.call('ZINCRBY', KEYS[1], 1, ARGV[1])
      local last = tonumber(redis.call('HGET', KEYS[2], ARGV[1]) or '0')
      if tonumber(ARGV[2]) > last then redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) end
      local over = redis.call('ZCARD', KEYS[1]) - tonumber(ARGV[3])
      if over > 0 then
        local rare = redis.call('ZRANGE', KEYS[1], 0, over - 1)
        redis.call('ZREM', KEYS[1], unpack(rare))
        redis.call('HDEL', KEYS[2], unpack(rare))
      end
      return 1
      """;

  private final RedisConnector redis;

  public RedisContentGaps(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  static String countsKey(String team) {
    return "learnloop:content-gaps:{gaps:" + team + "}:counts";
  }

  static String lastKey(String team) {
    return "learnloop:content-gaps:{gaps:" + team + "}:last";
  }

  @Override
  public void record(ContentGap gap) {
    String member = gap.kind().name() + " " + gap.subject();
    run(
        "count a content gap",
        () ->
            redis
                .sync()
                .<Long>eval(
                    RECORD,
                    ScriptOutputType.INTEGER,
                    new String[] {countsKey(gap.team()), lastKey(gap.team())},
                    member,
                    Long.toString(gap.at().toEpochMilli()),
                    Integer.toString(KEPT_PER_TEAM)));
  }

  @Override
  public List<ContentGapCount> mostFrequent(String team, int limit) {
    if (limit < 1) {
      return List.of();
    }
    List<ScoredValue<String>> top =
        run(
            "read content gaps",
            () -> redis.sync().zrevrangeWithScores(countsKey(team), 0, KEPT_PER_TEAM - 1L));
    Map<String, String> last = run("read content gaps", () -> redis.sync().hgetall(lastKey(team)));
    List<ContentGapCount> counts = new ArrayList<>(top.size());
    for (ScoredValue<String> entry : top) {
      String[] parts = entry.getValue().split(" ", 2);
      counts.add(
          new ContentGapCount(
              ContentGap.Kind.valueOf(parts[0]),
              parts[1],
              (long) entry.getScore(),
              Instant.ofEpochMilli(Long.parseLong(last.getOrDefault(entry.getValue(), "0")))));
    }
    return counts.stream().sorted(ContentGapCount.MOST_FREQUENT).limit(limit).toList();
  }

  private <T> T run(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new ContentGapsUnavailableException(
          "Could not " + what + " in Redis at " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }
}
