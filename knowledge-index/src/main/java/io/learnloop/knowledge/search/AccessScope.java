package io.learnloop.knowledge.search;

import java.util.Set;

/**
 * Which documents a reader may see: those that name no groups, and those naming one of {@code
 * groups}.
 */
public record AccessScope(Set<String> groups) {

  public AccessScope {
    groups = Set.copyOf(groups);
  }

  /** A reader in no group: public documents only. */
  public static AccessScope publicOnly() {
    return new AccessScope(Set.of());
  }
}
