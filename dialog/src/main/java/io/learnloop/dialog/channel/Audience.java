package io.learnloop.dialog.channel;

import java.util.Objects;
import java.util.Optional;

/**
 * Who sees a reply posted in a conversation: everyone in it, or only one person (Slack's ephemeral
 * messages, a Teams card refreshed for one user).
 */
public record Audience(Optional<ChannelUser> onlyUser) {

  public Audience {
    Objects.requireNonNull(onlyUser, "onlyUser");
  }

  public static Audience everyone() {
    return new Audience(Optional.empty());
  }

  public static Audience only(ChannelUser user) {
    return new Audience(Optional.of(user));
  }
}
