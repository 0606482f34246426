package io.learnloop.app.schedule;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The organisation's days off and the channels' scheduled team rounds.
 *
 * @param holidays {@code LEARNLOOP_HOLIDAYS_FILE}: a CSV of public holidays ({@code date,name});
 *     unset, the content folder's {@code holidays.csv} when there is one; {@code none} for no
 *     holidays
 * @param weekend {@code LEARNLOOP_WEEKEND}: the days off every week, default Saturday and Sunday
 * @param rounds team rounds posted on a schedule, e.g. {@code LEARNLOOP_SCHEDULE_ROUNDS_0_CHANNEL}
 */
@ConfigurationProperties("learnloop.schedule")
public record ScheduleSettings(String holidays, Set<DayOfWeek> weekend, List<Round> rounds) {

  public ScheduleSettings {
    weekend = weekend == null ? Set.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY) : Set.copyOf(weekend);
    rounds = rounds == null ? List.of() : List.copyOf(rounds);
  }

  /**
   * One channel's scheduled round.
   *
   * @param channel {@code slack} or {@code teams}
   * @param workspace the Slack workspace (team id) or the Teams tenant id
   * @param conversation the Slack channel id ({@code C…}) or the Teams channel's conversation id
   * @param cron Spring's six fields, e.g. {@code 0 0 10 * * MON-FRI}
   * @param zone the time zone the cron and the workdays are read in, default UTC
   * @param language {@code en} or {@code id}, default {@code en}
   */
  public record Round(
      String channel,
      String workspace,
      String conversation,
      String cron,
      String zone,
      String language) {}

  /** The holiday file configured, empty when it is the content folder's. */
  Optional<Path> holidayFile() {
    return holidays == null || holidays.isBlank() || noHolidays()
        ? Optional.empty()
        : Optional.of(Path.of(holidays));
  }

  boolean noHolidays() {
    return "none".equalsIgnoreCase(holidays == null ? "" : holidays.strip());
  }
}
