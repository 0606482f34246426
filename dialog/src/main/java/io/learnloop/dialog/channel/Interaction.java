package io.learnloop.dialog.channel;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One inbound delivery from a channel, already verified by its adapter: who did what, where and
 * when.
 *
 * @param deliveryId the channel's id of this delivery (Slack {@code event_id} or the action's
 *     trigger, a Bot Framework activity id, the web chat's request id); a retried delivery carries
 *     the same id and runs once
 * @param locale the person's locale when the channel gives it
 */
public record Interaction(
    String deliveryId,
    ChannelUser who,
    ConversationRef where,
    Instant at,
    Optional<Locale> locale,
    ProfileHints hints,
    Input what) {

  public Interaction {
    Objects.requireNonNull(deliveryId, "deliveryId");
    if (deliveryId.isBlank() || deliveryId.length() > 200) {
      throw new IllegalArgumentException("a delivery id is 1 to 200 characters");
    }
    Objects.requireNonNull(who, "who");
    Objects.requireNonNull(where, "where");
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(hints, "hints");
    Objects.requireNonNull(what, "what");
    if (!who.channel().equals(where.channel())) {
      throw new IllegalArgumentException(
          "a " + who.channel() + " user cannot act in a " + where.channel() + " conversation");
    }
  }

  /** The key under which this delivery is de-duplicated. */
  public String deliveryKey() {
    return who.channel() + ":" + who.workspace() + ":" + deliveryId;
  }
}
