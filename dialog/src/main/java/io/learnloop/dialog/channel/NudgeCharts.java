package io.learnloop.dialog.channel;

import java.util.Optional;

/**
 * Draws a manager's weekly nudge as a chart: the team's mastery per skill, with its uncertainty,
 * against the roles' targets. Channels that show images send it beside the nudge.
 */
@FunctionalInterface
public interface NudgeCharts {

  /**
   * The nudge's chart; empty for a nudge with no skills (a manager with no reports gets the
   * friendly note alone, not an empty chart).
   *
   * @throws RuntimeException when drawing fails; the nudge is then sent without it
   */
  Optional<ChartImage> of(Reply.ManagerNudge nudge);

  /** No charts: the nudge as text only. */
  static NudgeCharts none() {
    return nudge -> Optional.empty();
  }
}
