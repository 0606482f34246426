package io.learnloop.dialog.identity;

import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.ShortDigest;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Finds the learner behind a verified channel user, so that one person is one learner across the
 * web chat, Slack and Teams: by the channel identity, else by a verified email another channel
 * gave, else enrols them on the default path with the time zone and language the channel gave. Each
 * time, the {@link ProfilePlacement} may give them the role, team and manager their profile says.
 */
public final class Enrollment {

  /** The identity "channel" under which a learner's verified email address is kept. */
  public static final String EMAIL = "email";

  private final Learners learners;
  private final RoleId defaultRole;
  private final ZoneId defaultZone;
  private final Consumer<Learner> enrolled;
  private final ProfilePlacement placement;

  /**
   * @param defaultZone the organisation's time zone, for channels that give none
   */
  public Enrollment(Learners learners, RoleId defaultRole, ZoneId defaultZone) {
    this(learners, defaultRole, defaultZone, learner -> {});
  }

  /**
   * @param enrolled told of every learner enrolled, e.g. to plan their first daily quiz
   */
  public Enrollment(
      Learners learners, RoleId defaultRole, ZoneId defaultZone, Consumer<Learner> enrolled) {
    this(learners, defaultRole, defaultZone, enrolled, ProfilePlacement.NONE);
  }

  /**
   * @param placement places learners by their profile's job, team and manager, before a new one is
   *     told of
   */
  public Enrollment(
      Learners learners,
      RoleId defaultRole,
      ZoneId defaultZone,
      Consumer<Learner> enrolled,
      ProfilePlacement placement) {
    this.placement = Objects.requireNonNull(placement, "placement");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.defaultRole = Objects.requireNonNull(defaultRole, "defaultRole");
    this.defaultZone = Objects.requireNonNull(defaultZone, "defaultZone");
    this.enrolled = Objects.requireNonNull(enrolled, "enrolled");
  }

  /**
   * @param language the language to enrol a new learner with (the channel's locale, else the one
   *     their first message is written in)
   * @throws io.learnloop.dialog.learning.LearnersUnavailableException when the store is down
   */
  public Learner learnerFor(ChannelUser user, ProfileHints hints, Language language) {
    return learnerFor(user, hints, language, known(user));
  }

  /**
   * The learner {@code user} is known as, if any: a read only, which may run before the delivery is
   * claimed.
   *
   * @throws io.learnloop.dialog.learning.LearnersUnavailableException when the store is down
   */
  public Optional<Learner> known(ChannelUser user) {
    return learners.findByIdentity(user.channel(), user.identity());
  }

  /** {@link #learnerFor(ChannelUser, ProfileHints, Language)} with {@link #known} already read. */
  public Learner learnerFor(
      ChannelUser user, ProfileHints hints, Language language, Optional<Learner> known) {
    if (known.isPresent()) {
      return placement.place(withEmail(known.get(), hints), user, hints.work());
    }
    Optional<Learner> sameEmail =
        hints.verifiedEmail().flatMap(email -> learners.findByIdentity(EMAIL, email));
    if (sameEmail.isPresent()) {
      return placement.place(linked(sameEmail.get(), user, hints), user, hints.work());
    }
    Map<String, String> identities = new HashMap<>();
    identities.put(user.channel(), user.identity());
    hints.verifiedEmail().ifPresent(email -> identities.put(EMAIL, email));
    Learner learner =
        new Learner(
            idFor(user),
            identities,
            defaultRole,
            "",
            Optional.empty(),
            hints.timezone().orElse(defaultZone),
            language,
            Learner.Preferences.defaults());
    learners.save(learner);
    Learner placed = placement.place(learner, user, hints.work());
    enrolled.accept(placed);
    return placed;
  }

  private Learner linked(Learner learner, ChannelUser user, ProfileHints hints) {
    Map<String, String> identities = new HashMap<>(learner.identities());
    identities.put(user.channel(), user.identity());
    Learner updated = learner.withIdentities(identities);
    learners.save(updated);
    return updated;
  }

  private Learner withEmail(Learner learner, ProfileHints hints) {
    if (hints.verifiedEmail().isEmpty()
        || hints.verifiedEmail().get().equals(learner.identities().get(EMAIL))
        || learners.findByIdentity(EMAIL, hints.verifiedEmail().get()).isPresent()) {
      return learner;
    }
    Map<String, String> identities = new HashMap<>(learner.identities());
    identities.put(EMAIL, hints.verifiedEmail().get());
    Learner updated = learner.withIdentities(identities);
    learners.save(updated);
    return updated;
  }

  /** The id a person first met on {@code user}'s channel gets: the channel's own key if it fits. */
  public static LearnerId idFor(ChannelUser user) {
    String key = user.key();
    if (key.matches("[A-Za-z0-9:._-]{1,120}")) {
      return new LearnerId(key);
    }
    return new LearnerId(user.channel() + ":" + ShortDigest.of(key, 16));
  }
}
