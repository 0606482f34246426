package io.learnloop.dialog.channel;

import java.time.ZoneId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What the channel says about the person, when it says it.
 *
 * @param verifiedEmail an address the channel has verified (Slack {@code users.info} with {@code
 *     users:read.email}, Entra ID's UPN); links the same person across channels
 * @param timezone the person's time zone, for daily quizzes at their local time
 * @param work the person's job as the channel's directory has it, for people not on the roster
 */
public record ProfileHints(Optional<String> verifiedEmail, Optional<ZoneId> timezone, Work work) {

  private static final Pattern EMAIL = Pattern.compile("[^\\s@:]{1,100}@[^\\s@:]{1,100}");

  public ProfileHints {
    Objects.requireNonNull(verifiedEmail, "verifiedEmail");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(work, "work");
    verifiedEmail = verifiedEmail.map(ProfileHints::email);
  }

  /** Hints that say nothing of the person's job. */
  public ProfileHints(Optional<String> verifiedEmail, Optional<ZoneId> timezone) {
    this(verifiedEmail, timezone, Work.none());
  }

  public static ProfileHints none() {
    return new ProfileHints(Optional.empty(), Optional.empty());
  }

  /** These hints with {@code changed} as what the channel says of the person's job. */
  public ProfileHints withWork(Work changed) {
    return new ProfileHints(verifiedEmail, timezone, changed);
  }

  /**
   * The person's job as the channel's directory (Slack profile, Entra ID) has it. Texts are
   * stripped, at most 200 characters and free of control characters; a blank one is an absent one.
   *
   * @param name how the directory names the person, e.g. "Siti Nurhaliza"
   * @param title the job title, e.g. "Risk Analyst"
   * @param team the department or team as written, e.g. "Finance Ops"
   * @param managerUser the manager's user id in the same workspace of the same channel, e.g. a
   *     Slack user id
   * @param managerEmail the manager's address as the directory has it
   */
  public record Work(
      Optional<String> name,
      Optional<String> title,
      Optional<String> team,
      Optional<String> managerUser,
      Optional<String> managerEmail) {

    private static final int MAX = 200;
    private static final Pattern USER = Pattern.compile("[A-Za-z0-9._:@-]{1,128}");

    public Work {
      name = text(name, "name");
      title = text(title, "title");
      team = text(team, "team");
      managerUser = text(managerUser, "managerUser");
      managerUser.ifPresent(
          user -> {
            if (!USER.matcher(user).matches()) {
              throw new IllegalArgumentException(
                  "not a user id: '" + ChannelUser.shorten(user) + "'");
            }
          });
      managerEmail = text(managerEmail, "managerEmail").map(ProfileHints::email);
    }

    public static Work none() {
      return new Work(
          Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    }

    /** Says nothing: no title, team or manager (a name alone places no one). */
    public boolean isEmpty() {
      return title.isEmpty() && team.isEmpty() && managerUser.isEmpty() && managerEmail.isEmpty();
    }

    private static Optional<String> text(Optional<String> value, String what) {
      Objects.requireNonNull(value, what);
      Optional<String> stripped = value.map(String::strip).filter(v -> !v.isEmpty());
      stripped.ifPresent(
          v -> {
            if (v.length() > MAX) {
              throw new IllegalArgumentException(
                  "a " + what + " is at most " + MAX + " characters but was " + v.length());
            }
            if (v.codePoints().anyMatch(Character::isISOControl)) {
              throw new IllegalArgumentException("a " + what + " has a control character");
            }
          });
      return stripped;
    }
  }

  private static String email(String written) {
    String email = written.strip().toLowerCase(Locale.ROOT);
    if (!EMAIL.matcher(email).matches()) {
      throw new IllegalArgumentException("not an email address: '" + email + "'");
    }
    return email;
  }
}
