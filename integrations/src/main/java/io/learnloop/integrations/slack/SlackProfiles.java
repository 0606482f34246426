package io.learnloop.integrations.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.dialog.channel.ProfileHints;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack says about a person ({@code users.info} with their locale): time zone, locale and a
 * confirmed email address. Looked up once an hour per person at most; {@code users.info} is Tier 4.
 */
public final class SlackProfiles {

  /** A person's profile as the core uses it. */
  public record Profile(ProfileHints hints, Optional<Locale> locale, boolean bot) {
    static Profile unknown() {
      return new Profile(ProfileHints.none(), Optional.empty(), false);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(SlackProfiles.class);

  private final SlackWebApi api;
  private final Cache<String, Profile> known =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  public SlackProfiles(SlackWebApi api) {
    this.api = api;
  }

  /** The person's profile; without one (Slack down, no scope) the core's defaults apply. */
  public Profile of(ChannelUser user) {
    Profile cached = known.getIfPresent(user.key());
    if (cached != null) {
      return cached;
    }
    try {
      UsersInfoResponse info =
          api.call(
              "users.info",
              client -> client.usersInfo(r -> r.user(user.user()).includeLocale(true)));
      Profile profile = profile(info.getUser());
      known.put(user.key(), profile);
      return profile;
    } catch (DeliveryFailedException e) {
      log.warn("No Slack profile for {}: {}", user, e.getMessage());
      return Profile.unknown();
    }
  }

  static Profile profile(User user) {
    if (user == null) {
      return Profile.unknown();
    }
    Optional<ZoneId> zone = Optional.empty();
    if (user.getTz() != null && !user.getTz().isBlank()) {
      try {
        zone = Optional.of(ZoneId.of(user.getTz()));
      } catch (DateTimeException e) {
        log.warn("Slack user {} has an unknown time zone '{}'", user.getId(), user.getTz());
      }
    }
    Optional<String> email = Optional.empty();
    if (user.isEmailConfirmed()
        && user.getProfile() != null
        && user.getProfile().getEmail() != null) {
      try {
        email = new ProfileHints(Optional.of(user.getProfile().getEmail()), zone).verifiedEmail();
      } catch (IllegalArgumentException e) {
        log.warn("Slack user {} has an unusable email address", user.getId());
      }
    }
    Optional<Locale> locale =
        Optional.ofNullable(user.getLocale()).filter(l -> !l.isBlank()).map(Locale::forLanguageTag);
    return new Profile(new ProfileHints(email, zone), locale, user.isBot());
  }
}
