package io.learnloop.integrations.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.methods.response.users.profile.UsersProfileGetResponse;
import com.slack.api.model.User;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.dialog.channel.ProfileHints;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What Slack says about a person ({@code users.info} with their locale): time zone, locale, a
 * confirmed email address, their name and job title; with {@link Fields custom profile fields}
 * configured, also their team and manager ({@code users.profile.get}, scope {@code
 * users.profile:read}). Looked up once an hour per person at most; both methods are Tier 4.
 */
public final class SlackProfiles {

  /**
   * The ids of the workspace's custom profile fields (e.g. {@code Xf01ABC}) that say a person's
   * team and manager; unset, {@code users.profile.get} is never called.
   *
   * @param team a text field: the person's team or department as written
   * @param manager a user field: the Slack user id of the person's manager
   */
  public record Fields(Optional<String> team, Optional<String> manager) {

    public Fields {
      Objects.requireNonNull(team, "team");
      Objects.requireNonNull(manager, "manager");
      team = team.map(String::strip).filter(id -> !id.isEmpty());
      manager = manager.map(String::strip).filter(id -> !id.isEmpty());
      team.ifPresent(Fields::requireId);
      manager.ifPresent(Fields::requireId);
    }

    public static Fields none() {
      return new Fields(Optional.empty(), Optional.empty());
    }

    boolean any() {
      return team.isPresent() || manager.isPresent();
    }

    private static void requireId(String id) {
      if (!id.matches("[A-Za-z0-9]{1,40}")) {
        throw new IllegalArgumentException(
            "a Slack profile field id is like Xf01ABC23 but was '" + id + "'");
      }
    }
  }

  /** A person's profile as the core uses it. */
  public record Profile(ProfileHints hints, Optional<Locale> locale, boolean bot) {
    static Profile unknown() {
      return new Profile(ProfileHints.none(), Optional.empty(), false);
    }
  }

  private static final Logger log = LoggerFactory.getLogger(SlackProfiles.class);

  private final SlackWebApi api;
  private final Fields fields;
  private final Cache<String, Profile> known =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  public SlackProfiles(SlackWebApi api) {
    this(api, Fields.none());
  }

  public SlackProfiles(SlackWebApi api, Fields fields) {
    this.api = Objects.requireNonNull(api, "api");
    this.fields = Objects.requireNonNull(fields, "fields");
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
      if (fields.any() && info.getUser() != null && !profile.bot()) {
        profile = withFields(profile, user);
      }
      known.put(user.key(), profile);
      return profile;
    } catch (DeliveryFailedException e) {
      log.warn("No Slack profile for {}: {}", user, e.getMessage());
      return Profile.unknown();
    }
  }

  // The custom fields only users.profile.get returns; without them the rest of the profile stands.
  private Profile withFields(Profile profile, ChannelUser user) {
    try {
      UsersProfileGetResponse got =
          api.call("users.profile.get", client -> client.usersProfileGet(r -> r.user(user.user())));
      return new Profile(
          profile.hints().withWork(withFields(profile.hints().work(), got.getProfile(), user)),
          profile.locale(),
          profile.bot());
    } catch (DeliveryFailedException e) {
      log.warn("No Slack profile fields for {}: {}", user, e.getMessage());
      return profile;
    }
  }

  private ProfileHints.Work withFields(
      ProfileHints.Work work, User.Profile profile, ChannelUser user) {
    Map<String, User.Profile.Field> values =
        profile == null || profile.getFields() == null ? Map.of() : profile.getFields();
    Optional<String> team = fields.team().map(values::get).map(User.Profile.Field::getValue);
    Optional<String> manager =
        fields
            .manager()
            .map(values::get)
            .map(User.Profile.Field::getValue)
            .map(String::strip)
            .filter(id -> id.matches("[UW][A-Z0-9]{2,40}"));
    try {
      return new ProfileHints.Work(
          work.name(),
          work.title(),
          team,
          manager.filter(id -> !id.equals(user.user())),
          work.managerEmail());
    } catch (IllegalArgumentException e) {
      log.warn("Slack user {} has unusable profile fields: {}", user, e.getMessage());
      return work;
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
    return new Profile(new ProfileHints(email, zone, work(user)), locale, user.isBot());
  }

  // The name and job title users.info has; the team and manager come from custom fields.
  private static ProfileHints.Work work(User user) {
    User.Profile profile = user.getProfile();
    if (profile == null || user.isBot()) {
      return ProfileHints.Work.none();
    }
    Optional<String> name =
        Optional.ofNullable(profile.getRealName())
            .filter(n -> !n.isBlank())
            .or(() -> Optional.ofNullable(user.getRealName()));
    try {
      return new ProfileHints.Work(
          name,
          Optional.ofNullable(profile.getTitle()),
          Optional.empty(),
          Optional.empty(),
          Optional.empty());
    } catch (IllegalArgumentException e) {
      log.warn("Slack user {} has an unusable name or title: {}", user.getId(), e.getMessage());
      return ProfileHints.Work.none();
    }
  }
}
