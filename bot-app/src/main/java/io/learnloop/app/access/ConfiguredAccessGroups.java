package io.learnloop.app.access;

import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChannelUser;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Document groups from configuration ({@code learnloop.knowledge.groups.<group>}): each member is a
 * channel user key ({@code slack:T0123:U0456}), a verified email address, or, for callers that
 * present the API token, the user name they act for.
 */
public final class ConfiguredAccessGroups implements AccessGroups {

  /** The workspace of people named by a trusted API caller. */
  public static final String API_WORKSPACE = "api";

  private final Map<String, Set<String>> membersByGroup;

  public ConfiguredAccessGroups(Map<String, List<String>> membersByGroup) {
    Map<String, Set<String>> normalised = new java.util.HashMap<>();
    membersByGroup.forEach(
        (group, members) ->
            normalised.put(
                group,
                members.stream()
                    .map(m -> m.strip().toLowerCase(Locale.ROOT))
                    .collect(java.util.stream.Collectors.toUnmodifiableSet())));
    this.membersByGroup = Map.copyOf(normalised);
  }

  @Override
  public Set<String> groupsOf(ChannelUser user, Optional<String> verifiedEmail) {
    Set<String> names = new HashSet<>();
    names.add(user.key().toLowerCase(Locale.ROOT));
    verifiedEmail.ifPresent(email -> names.add(email.toLowerCase(Locale.ROOT)));
    if (API_WORKSPACE.equals(user.workspace())) {
      names.add(user.user().toLowerCase(Locale.ROOT));
    }
    Set<String> groups = new HashSet<>();
    membersByGroup.forEach(
        (group, members) -> {
          if (members.stream().anyMatch(names::contains)) {
            groups.add(group);
          }
        });
    return Set.copyOf(groups);
  }
}
