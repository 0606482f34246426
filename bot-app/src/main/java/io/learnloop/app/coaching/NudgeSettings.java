package io.learnloop.app.coaching;

import io.learnloop.dialog.coaching.NudgeSchedule;
import io.learnloop.dialog.schedule.Workdays;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.time.DayOfWeek;
import java.time.LocalTime;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * When managers get their weekly nudge.
 *
 * @param day {@code LEARNLOOP_NUDGE_DAY}, a workday, default Monday
 * @param at {@code LEARNLOOP_NUDGE_TIME}, in each manager's own time zone, default 09:00
 * @param sweepCron how often an instance looks for nudges that have come due (Spring's six-field
 *     cron, UTC)
 */
@Validated
@ConfigurationProperties("learnloop.nudges")
public record NudgeSettings(
    @NotNull DayOfWeek day, @NotNull LocalTime at, @NotBlank String sweepCron) {

  NudgeSchedule schedule(Workdays workdays) {
    return new NudgeSchedule(day, at, workdays);
  }
}
