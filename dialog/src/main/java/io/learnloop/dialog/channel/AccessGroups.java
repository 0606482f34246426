package io.learnloop.dialog.channel;

import java.util.Optional;
import java.util.Set;

/**
 * Which document groups a verified person belongs to: configuration today, Slack user groups and
 * Entra ID groups from the adapters later. Access is decided here, on the server, from the
 * channel's verified identity, never from an id a client sends.
 */
public interface AccessGroups {

  /**
   * @param verifiedEmail the person's address when the channel verified one
   * @return the groups; empty for public documents only
   */
  Set<String> groupsOf(ChannelUser user, Optional<String> verifiedEmail);

  /** Everyone reads public documents only. */
  static AccessGroups publicOnly() {
    return (user, email) -> Set.of();
  }
}
