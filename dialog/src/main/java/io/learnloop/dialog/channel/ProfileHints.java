package io.learnloop.dialog.channel;

import java.time.ZoneId;
import java.util.Objects;
import java.util.Optional;

/**
 * What the channel says about the person, when it says it.
 *
 * @param verifiedEmail an address the channel has verified (Slack {@code users.info} with {@code
 *     users:read.email}, Entra ID's UPN); links the same person across channels
 * @param timezone the person's time zone, for daily quizzes at their local time
 */
public record ProfileHints(Optional<String> verifiedEmail, Optional<ZoneId> timezone) {

  public ProfileHints {
    Objects.requireNonNull(verifiedEmail, "verifiedEmail");
    Objects.requireNonNull(timezone, "timezone");
    verifiedEmail = verifiedEmail.map(email -> email.strip().toLowerCase(java.util.Locale.ROOT));
    verifiedEmail.ifPresent(
        email -> {
          if (!email.matches("[^\\s@:]{1,100}@[^\\s@:]{1,100}")) {
            throw new IllegalArgumentException("not an email address: '" + email + "'");
          }
        });
  }

  public static ProfileHints none() {
    return new ProfileHints(Optional.empty(), Optional.empty());
  }
}
