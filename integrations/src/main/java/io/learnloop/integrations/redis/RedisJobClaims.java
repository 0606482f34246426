package io.learnloop.integrations.redis;

import io.learnloop.dialog.schedule.JobClaim;
import io.learnloop.dialog.schedule.JobClaims;
import io.learnloop.dialog.schedule.JobClaimsUnavailableException;
import io.learnloop.dialog.schedule.JobLeases;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Job claims shared by every instance on one Redis. A slot is a string {@code
 * learnloop:job:{<job>}:slot:<epoch ms>} holding {@code held:<token>} with the lease as its expiry,
 * then {@code done:<token>} for {@link JobLeases#KEEP_DONE}; the fencing tokens come from {@code
 * INCR learnloop:job:{<job>}:token}. Claiming is one Lua script, so that the check, the token and
 * the lease are one atomic step; both keys share the hash tag {@code {<job>}} and so one cluster
 * slot.
 *
 * <p>ShedLock has no Redis provider for plain Lettuce (only Spring Data Redis and Jedis) and no
 * fencing tokens, hence this small script.
 */
public final class RedisJobClaims implements JobClaims {

  private static final String CLAIM =
      "if redis.call('exists', KEYS[1]) == 1 then return 0 end "
          + "local token = redis.call('incr', KEYS[2]) "
          + "redis.call('set', KEYS[1], 'held:' .. token, 'px', ARGV[1]) "
          + "return token";

  private static final String DONE =
      "if redis.call('get', KEYS[1]) ~= 'held:' .. ARGV[1] then return 0 end "
          + "redis.call('set', KEYS[1], 'done:' .. ARGV[1], 'px', ARGV[2]) "
          + "return 1";

  private static final String RELEASE =
      "if redis.call('get', KEYS[1]) ~= 'held:' .. ARGV[1] then return 0 end "
          + "return redis.call('del', KEYS[1])";

  private final RedisConnector redis;
  private final Duration keepDone;

  public RedisJobClaims(RedisConnector redis) {
    this(redis, JobLeases.KEEP_DONE);
  }

  public RedisJobClaims(RedisConnector redis, Duration keepDone) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.keepDone = JobLeases.requirePositive(keepDone);
  }

  @Override
  public Optional<JobClaim> claim(String job, Instant scheduledFor, Duration lease) {
    JobClaim.requireValidJob(job);
    JobLeases.requirePositive(lease);
    Objects.requireNonNull(scheduledFor, "scheduledFor");
    long token =
        run(
            "claim " + job,
            () ->
                redis
                    .sync()
                    .eval(
                        CLAIM,
                        ScriptOutputType.INTEGER,
                        new String[] {slotKey(job, scheduledFor), tokenKey(job)},
                        Long.toString(lease.toMillis())));
    return token == 0 ? Optional.empty() : Optional.of(new JobClaim(job, scheduledFor, token));
  }

  @Override
  public boolean done(JobClaim claim) {
    long done =
        run(
            "finish " + claim.job(),
            () ->
                redis
                    .sync()
                    .eval(
                        DONE,
                        ScriptOutputType.INTEGER,
                        new String[] {slotKey(claim.job(), claim.scheduledFor())},
                        Long.toString(claim.token()),
                        Long.toString(keepDone.toMillis())));
    return done == 1;
  }

  @Override
  public void release(JobClaim claim) {
    run(
        "release " + claim.job(),
        () ->
            redis
                .sync()
                .eval(
                    RELEASE,
                    ScriptOutputType.INTEGER,
                    new String[] {slotKey(claim.job(), claim.scheduledFor())},
                    Long.toString(claim.token())));
  }

  static String slotKey(String job, Instant scheduledFor) {
    return "learnloop:job:{" + job + "}:slot:" + scheduledFor.toEpochMilli();
  }

  static String tokenKey(String job) {
    return "learnloop:job:{" + job + "}:token";
  }

  private long run(String what, Supplier<Long> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new JobClaimsUnavailableException(
          "Could not " + what + " in Redis at " + redis.displayUrl(), e);
    }
  }
}
