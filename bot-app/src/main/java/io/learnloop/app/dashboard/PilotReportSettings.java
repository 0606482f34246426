package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.PilotSettings;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How the pilot report counts ({@code learnloop.dashboard.pilot}).
 *
 * @param minutesPerQuestion {@code LEARNLOOP_PILOT_MINUTES_PER_QUESTION}, default 2: the unit of
 *     training time avoided
 * @param reviewTolerance {@code LEARNLOOP_PILOT_REVIEW_TOLERANCE}, default 2 days: how late a due
 *     review may be answered and still count as on time
 */
@ConfigurationProperties("learnloop.dashboard.pilot")
record PilotReportSettings(Double minutesPerQuestion, Duration reviewTolerance) {

  PilotSettings policy() {
    return new PilotSettings(
        minutesPerQuestion == null
            ? PilotSettings.DEFAULTS.minutesPerQuestion()
            : minutesPerQuestion,
        reviewTolerance == null ? PilotSettings.DEFAULTS.reviewTolerance() : reviewTolerance);
  }
}
