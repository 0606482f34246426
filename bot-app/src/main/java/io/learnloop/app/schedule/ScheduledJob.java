package io.learnloop.app.schedule;

import io.learnloop.dialog.schedule.JobClaim;
import io.learnloop.dialog.schedule.JobLeases;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import java.util.function.Consumer;
import org.springframework.scheduling.support.CronExpression;

/**
 * A job that runs on a cron schedule once per slot across every instance sharing one Redis. Declare
 * one as a bean; {@link ScheduledJobs} runs it.
 *
 * @param name the job's name in the claims, letters, digits, {@code . _ -}
 * @param cron Spring's six-field cron ({@code second minute hour day month weekday})
 * @param lease how long one run may take before another instance may take its slot over
 * @param work given the claim, whose fencing token the work may pass to what it writes
 */
public record ScheduledJob(
    String name, CronExpression cron, ZoneId zone, Duration lease, Consumer<JobClaim> work) {

  public ScheduledJob {
    JobClaim.requireValidJob(name);
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(zone, "zone");
    JobLeases.requirePositive(lease);
    Objects.requireNonNull(work, "work");
  }
}
