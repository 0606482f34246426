package io.learnloop.app.coaching;

import io.learnloop.app.content.LearningContent;
import io.learnloop.app.schedule.ScheduledJob;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.NudgeCharts;
import io.learnloop.dialog.coaching.ManagerNudges;
import io.learnloop.dialog.coaching.WeeklyNudges;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.CurrentResponseModel;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.schedule.JobRunner;
import io.learnloop.dialog.schedule.Workdays;
import io.learnloop.integrations.charts.JFreeNudgeCharts;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

/** Managers' weekly coaching nudges, sent once across every instance sharing one Redis. */
@Configuration(proxyBeanMethods = false)
class CoachingConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CoachingConfiguration.class);

  /** The nudge's chart, drawn on this server for Slack's upload and the Teams card. */
  @Bean
  NudgeCharts nudgeCharts() {
    return new JFreeNudgeCharts();
  }

  @Bean
  Coaching coaching(
      LearningContent content,
      Roster roster,
      AnswerLog answers,
      Learners learners,
      Spacing spacing,
      CurrentResponseModel model,
      JobRunner runner,
      Assistant assistant,
      List<ChatGateway> gateways,
      NudgeSettings settings,
      Workdays workdays) {
    Optional<ManagerNudges> nudges =
        content
            .catalog()
            .map(
                catalog ->
                    new ManagerNudges(
                        catalog,
                        roster,
                        answers,
                        new Snapshots(catalog, answers, learners, spacing, model)));
    // The web chat cannot write first: its page asks.
    Set<String> proactive =
        gateways.stream()
            .map(ChatGateway::channel)
            .filter(channel -> !channel.equals("web"))
            .collect(Collectors.toSet());
    return new Coaching(
        nudges,
        nudges.map(
            n ->
                new WeeklyNudges(
                    n,
                    roster,
                    learners,
                    runner,
                    assistant,
                    proactive,
                    settings.schedule(workdays))));
  }

  /**
   * Every five minutes, the nudges that have come due in each manager's time zone; each manager's
   * week is claimed once on its own, so a sweep that dies halfway leaves no one nudged twice.
   */
  @Bean
  ScheduledJob managerNudgeJob(Coaching coaching, NudgeSettings settings, Clock clock) {
    return new ScheduledJob(
        "manager-nudges",
        CronExpression.parse(settings.sweepCron()),
        ZoneOffset.UTC,
        Duration.ofMinutes(4),
        claim ->
            coaching
                .weekly()
                .ifPresent(
                    w -> {
                      int sent = w.sendDue(clock.instant());
                      if (sent > 0) {
                        log.info("Weekly nudge sent to {} managers", sent);
                      }
                    }));
  }
}
