package io.learnloop.dialog.schedule;

import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.ShortDigest;
import io.learnloop.dialog.i18n.Language;
import java.time.ZoneId;
import java.util.Objects;

/**
 * A team round a channel gets on a schedule, without anyone typing {@code round}: on the workdays
 * of {@code zone} at the times of {@code cron}.
 *
 * @param where the shared conversation (a Slack channel, a Teams channel)
 * @param cron six fields, {@code second minute hour day month weekday}, in {@code zone}
 * @param language the language of the round's question
 */
public record ScheduledRound(ConversationRef where, String cron, ZoneId zone, Language language) {

  public ScheduledRound {
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(cron, "cron");
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(language, "language");
    if (!where.shared()) {
      throw new IllegalArgumentException(
          "a scheduled team round needs a shared conversation, not " + where.key());
    }
  }

  /**
   * The job's name in the claims: one slot per conversation and time, whichever instance runs it.
   */
  public String jobName() {
    return "team-round." + where.channel() + "." + ShortDigest.of(where.key(), 8);
  }
}
