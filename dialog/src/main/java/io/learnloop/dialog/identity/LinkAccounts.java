package io.learnloop.dialog.identity;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.RandomTokens;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The explicit link between channels, for people no verified email joins: they ask for a code on
 * one channel and type it on another, whose identity then joins the learner they already are.
 *
 * <p>Two learners' answers are never merged: when the identity typing the code already belongs to a
 * learner with answers, the link is refused and the person chooses which progress to keep.
 */
public final class LinkAccounts {

  /** How long a code can be redeemed. */
  public static final Duration VALID = Duration.ofMinutes(10);

  static final int CODE_LENGTH = 8;
  private static final Pattern TYPED_CODE = Pattern.compile("[A-Za-z0-9]{4}[- ]?[A-Za-z0-9]{4}");

  /** How a redeem ended; only {@link #LINKED} changed anything. */
  public enum Outcome {
    LINKED,
    ALREADY_LINKED,
    /** Never issued, mistyped, expired or used already: a store cannot tell these apart. */
    UNKNOWN_CODE,
    SAME_CHANNEL,
    /** The learner is already known on this channel by another account. */
    CHANNEL_TAKEN,
    /** The identity belongs to another learner who has answers of their own. */
    HAS_ANSWERS
  }

  /**
   * @param codeChannel the channel the code was made on; empty for an unknown code
   * @param answers the answers of the learner who already has the identity, for {@link
   *     Outcome#HAS_ANSWERS}
   */
  public record Result(Outcome outcome, Optional<String> codeChannel, int answers) {
    static Result of(Outcome outcome, LinkRequest request) {
      return new Result(outcome, Optional.of(request.channel()), 0);
    }
  }

  private final LinkCodes codes;
  private final Learners learners;
  private final AnswerLog answers;
  private final Privacy privacy;
  private final ConversationReferences references;

  /**
   * @param privacy deletes the learner an identity leaves when that learner has no answers
   */
  public LinkAccounts(
      LinkCodes codes,
      Learners learners,
      AnswerLog answers,
      Privacy privacy,
      ConversationReferences references) {
    this.codes = Objects.requireNonNull(codes, "codes");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.privacy = Objects.requireNonNull(privacy, "privacy");
    this.references = Objects.requireNonNull(references, "references");
  }

  /**
   * Whether typed text has the shape of a code, so that "link to the handbook?" stays a question.
   */
  public static boolean looksLikeCode(String text) {
    return TYPED_CODE.matcher(text.strip()).matches();
  }

  /**
   * A new code for the learner, asked for on {@code channel}, valid for {@link #VALID}.
   *
   * @throws LinkCodesUnavailableException when the store cannot be reached
   */
  public String issue(Learner learner, String channel) {
    LinkRequest request = new LinkRequest(learner.id(), channel);
    // 40 bits make a collision with a live code vanishingly rare; retrying covers it anyway.
    for (int attempt = 0; attempt < 3; attempt++) {
      String code = RandomTokens.readable(CODE_LENGTH);
      if (codes.issue(code, request, VALID)) {
        return code;
      }
    }
    throw new IllegalStateException("no free link code after three attempts");
  }

  /**
   * Spends the code and, when nothing stands in the way, adds {@code who}'s identity to the learner
   * who asked for it. A learner who had the identity and no answers is deleted and replaced; their
   * other identities move along, where the learner has none of their own on that channel.
   *
   * @param where the conversation the code was typed in; becomes the learner's direct conversation
   *     on that channel when it is one
   */
  public Result redeem(String typed, ChannelUser who, ConversationRef where) {
    if (!looksLikeCode(typed)) {
      return new Result(Outcome.UNKNOWN_CODE, Optional.empty(), 0);
    }
    String code = typed.strip().replaceAll("[- ]", "").toUpperCase(Locale.ROOT);
    Optional<LinkRequest> redeemed = codes.redeem(code);
    if (redeemed.isEmpty()) {
      return new Result(Outcome.UNKNOWN_CODE, Optional.empty(), 0);
    }
    LinkRequest request = redeemed.get();
    if (request.channel().equals(who.channel())) {
      return Result.of(Outcome.SAME_CHANNEL, request);
    }
    Optional<Learner> target = learners.find(request.learner());
    if (target.isEmpty()) {
      return new Result(Outcome.UNKNOWN_CODE, Optional.empty(), 0);
    }
    Optional<Learner> present = learners.findByIdentity(who.channel(), who.identity());
    if (present.filter(p -> p.id().equals(request.learner())).isPresent()) {
      return Result.of(Outcome.ALREADY_LINKED, request);
    }
    if (target.get().identities().containsKey(who.channel())) {
      return Result.of(Outcome.CHANNEL_TAKEN, request);
    }
    if (present.isPresent()) {
      int answered = answers.stats(present.get().id()).answers();
      if (answered > 0) {
        return new Result(Outcome.HAS_ANSWERS, Optional.of(request.channel()), answered);
      }
      privacy.forget(present.get().id());
    }
    Map<String, String> identities =
        new HashMap<>(present.map(Learner::identities).orElse(Map.of()));
    identities.putAll(target.get().identities());
    identities.put(who.channel(), who.identity());
    learners.save(target.get().withIdentities(identities));
    if (!where.shared()) {
      references.remember(request.learner(), where.withoutThread());
    }
    return Result.of(Outcome.LINKED, request);
  }
}
