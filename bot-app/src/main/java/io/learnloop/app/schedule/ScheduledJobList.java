package io.learnloop.app.schedule;

import java.util.List;

/**
 * Jobs whose number comes from configuration (a team round per configured channel), declared as one
 * bean; {@link ScheduledJobs} runs each like a {@link ScheduledJob} bean of its own.
 */
public record ScheduledJobList(List<ScheduledJob> jobs) {

  public ScheduledJobList {
    jobs = List.copyOf(jobs);
  }
}
