package io.learnloop.dialog.escalation;

import io.learnloop.dialog.channel.ChannelUser;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Questions people may pass to the experts, and the experts' threads they were posted in. An offer
 * is kept under an unguessable id (the value of the answer's button) and claimed once, so a second
 * press posts nothing; a posted escalation is found again by the thread an expert replies in.
 * Shared by every instance when backed by a shared store.
 *
 * <p>Every method may throw {@link EscalationsUnavailableException} when the store cannot be
 * reached.
 */
public interface Escalations {

  /**
   * Keeps what an answer's "Ask a person" button refers to, for {@code keep}.
   *
   * @throws IllegalArgumentException when the id is not 1 to 64 letters, digits, {@code -} or
   *     {@code _}, or {@code keep} is not positive
   */
  void offer(String offerId, Escalation escalation, Duration keep);

  /** The offer, whether claimed or not; empty for an id never offered or expired. */
  Optional<Escalation> offered(String offerId);

  /**
   * Claims an offer for posting: true for the first claim, false for every later one until it is
   * released; false for an id never offered or expired.
   */
  boolean claim(String offerId);

  /** Gives a claim back after posting failed, so that the asker may press again. */
  void release(String offerId);

  /**
   * Remembers that an escalation was posted as the root of {@code thread} (see {@link
   * Escalation#threadKey}), for {@code keep}.
   */
  void posted(String thread, Escalation escalation, Duration keep);

  /** The escalation posted as the root of {@code thread}; empty for any other thread. */
  Optional<Escalation> inThread(String thread);

  /**
   * Forgets every offer and posted escalation of {@code asker}, for a person who asked to be
   * forgotten: an expert's later reply then reaches nobody.
   */
  void forget(ChannelUser asker);

  /** Whether {@code offerId} can be an offer id at all. */
  static boolean wellFormed(String offerId) {
    return offerId != null && offerId.matches("[A-Za-z0-9_-]{1,64}");
  }

  /** The checks every store applies to an offer. */
  static void checkOffer(String offerId, Duration keep) {
    if (!wellFormed(offerId)) {
      throw new IllegalArgumentException("an offer id is 1 to 64 letters, digits, - or _");
    }
    check(offerId, keep);
  }

  /** The checks every store applies to what it keeps. */
  static void check(String key, Duration keep) {
    Objects.requireNonNull(key, "key");
    Objects.requireNonNull(keep, "keep");
    if (key.isEmpty() || key.length() > 1200) {
      throw new IllegalArgumentException("a key is 1 to 1200 characters");
    }
    if (keep.isNegative() || keep.isZero()) {
      throw new IllegalArgumentException("keep must be positive but was " + keep);
    }
  }
}
