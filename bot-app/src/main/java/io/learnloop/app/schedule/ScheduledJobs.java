package io.learnloop.app.schedule;

import io.learnloop.dialog.schedule.JobRunner;
import io.learnloop.dialog.schedule.JobRunner.Outcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ScheduledFuture;
import org.springframework.context.SmartLifecycle;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * Runs every {@link ScheduledJob} bean at the times of its cron. Each run's slot is the cron time
 * it was scheduled for, computed ahead, so that every instance names the same slot however late its
 * timer fires; {@link JobRunner} lets only one of them run it. Counts runs per job and outcome
 * ({@code learnloop.jobs.runs}).
 */
final class ScheduledJobs implements SmartLifecycle {

  private final ThreadPoolTaskScheduler scheduler;
  private final JobRunner runner;
  private final List<ScheduledJob> jobs;
  private final MeterRegistry registry;
  private final Clock clock;
  private final List<ScheduledFuture<?>> planned = new ArrayList<>();
  private volatile boolean running;

  ScheduledJobs(
      ThreadPoolTaskScheduler scheduler,
      JobRunner runner,
      List<ScheduledJob> jobs,
      MeterRegistry registry,
      Clock clock) {
    this.scheduler = scheduler;
    this.runner = runner;
    this.jobs = List.copyOf(jobs);
    this.registry = registry;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    running = true;
    jobs.forEach(job -> planAfter(job, clock.instant()));
  }

  @Override
  public synchronized void stop() {
    running = false;
    planned.forEach(future -> future.cancel(false));
    planned.clear();
  }

  /** Stops the scheduler's threads when the context closes. */
  public void shutdown() {
    stop();
    scheduler.shutdown();
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private synchronized void planAfter(ScheduledJob job, Instant after) {
    if (!running) {
      return;
    }
    ZonedDateTime next = job.cron().next(after.atZone(job.zone()));
    if (next == null) {
      return;
    }
    Instant slot = next.toInstant();
    planned.removeIf(ScheduledFuture::isDone);
    planned.add(scheduler.schedule(() -> run(job, slot), slot));
  }

  private void run(ScheduledJob job, Instant slot) {
    try {
      Outcome outcome = runner.runOnce(job.name(), slot, job.lease(), job.work());
      Counter.builder("learnloop.jobs.runs")
          .description("scheduled job slots by what this instance did with them")
          .tag("job", job.name())
          .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
          .register(registry)
          .increment();
    } finally {
      planAfter(job, slot);
    }
  }
}
