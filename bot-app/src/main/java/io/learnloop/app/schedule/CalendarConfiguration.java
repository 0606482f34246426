package io.learnloop.app.schedule;

import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.schedule.ScheduledRound;
import io.learnloop.dialog.schedule.Workdays;
import io.learnloop.integrations.content.CsvHolidays;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

/** Which days are workdays, and the team rounds channels get on a schedule. */
@Configuration(proxyBeanMethods = false)
class CalendarConfiguration {

  private static final Logger log = LoggerFactory.getLogger(CalendarConfiguration.class);

  /**
   * The weekend and the holiday file's days. A file that cannot be read at all stops the start (a
   * calendar silently empty would send quizzes on every holiday); a bad row is logged by line.
   */
  @Bean
  Workdays workdays(ScheduleSettings settings, LearningContent content) throws IOException {
    Workdays weekends = new Workdays(settings.weekend(), Map.of());
    if (settings.noHolidays()) {
      log.info("No public holidays configured (LEARNLOOP_HOLIDAYS_FILE=none)");
      return weekends;
    }
    Path file = settings.holidayFile().orElseGet(() -> content.folder().resolve(CsvHolidays.FILE));
    if (!Files.exists(file)) {
      if (settings.holidayFile().isPresent()) {
        throw new IllegalStateException("LEARNLOOP_HOLIDAYS_FILE " + file + " does not exist");
      }
      return weekends;
    }
    CsvHolidays.Read read = CsvHolidays.read(file);
    read.problems().forEach(problem -> log.warn("Holiday left out: {}", problem));
    log.info("{} public holidays from {}", read.days().size(), file.getFileName());
    return weekends.withHolidays(read.days());
  }

  /** Each configured round as a job of its own, so each conversation's slot is claimed once. */
  @Bean
  ScheduledJobList scheduledRounds(
      ScheduleSettings settings,
      Assistant assistant,
      List<ChatGateway> gateways,
      Workdays workdays,
      Clock clock) {
    Set<String> channels = gateways.stream().map(ChatGateway::channel).collect(Collectors.toSet());
    List<ScheduledJob> jobs = new ArrayList<>();
    for (int i = 0; i < settings.rounds().size(); i++) {
      ScheduledRound round = round(i, settings.rounds().get(i));
      if (!channels.contains(round.where().channel())) {
        log.warn(
            "Scheduled team round {} in {} is off: {} is not connected",
            i,
            round.where().key(),
            round.where().channel());
        continue;
      }
      jobs.add(
          new ScheduledJob(
              round.jobName(),
              CronExpression.parse(round.cron()),
              round.zone(),
              Duration.ofMinutes(2),
              claim -> {
                if (workdays.isWorkday(clock.instant().atZone(round.zone()).toLocalDate())) {
                  assistant.startRound(round.where(), round.language());
                }
              }));
      log.info("Team round in {} at '{}' ({})", round.where().key(), round.cron(), round.zone());
    }
    return new ScheduledJobList(jobs);
  }

  // A round that cannot be understood stops the start, naming its setting.
  static ScheduledRound round(int index, ScheduleSettings.Round round) {
    String setting = "learnloop.schedule.rounds[" + index + "]";
    try {
      if (round.channel() == null || round.conversation() == null || round.cron() == null) {
        throw new IllegalArgumentException("channel, conversation and cron are needed");
      }
      if (!CronExpression.isValidExpression(round.cron())) {
        throw new IllegalArgumentException("cron '" + round.cron() + "' is not six cron fields");
      }
      ConversationRef where =
          ConversationRef.shared(
              round.channel(),
              round.workspace() == null ? "" : round.workspace(),
              round.conversation());
      ZoneId zone = round.zone() == null ? ZoneId.of("UTC") : ZoneId.of(round.zone());
      Language language = Language.fromCode(round.language() == null ? "en" : round.language());
      return new ScheduledRound(where, round.cron(), zone, language);
    } catch (RuntimeException e) {
      throw new IllegalStateException(setting + ": " + e.getMessage(), e);
    }
  }
}
