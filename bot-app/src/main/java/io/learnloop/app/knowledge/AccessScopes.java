package io.learnloop.app.knowledge;

import io.learnloop.knowledge.search.AccessScope;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Which groups each user belongs to, from configuration ({@code learnloop.knowledge.groups}). */
final class AccessScopes {

  private final Map<String, List<String>> membersByGroup;

  AccessScopes(Map<String, List<String>> membersByGroup) {
    this.membersByGroup = Map.copyOf(membersByGroup);
  }

  AccessScope of(String user) {
    if (user == null || user.isBlank()) {
      return AccessScope.publicOnly();
    }
    Set<String> groups = new HashSet<>();
    membersByGroup.forEach(
        (group, members) -> {
          if (members.contains(user)) {
            groups.add(group);
          }
        });
    return new AccessScope(groups);
  }
}
