package io.learnloop.knowledge.search;

import java.util.Set;

/**
 * Which documents a reader may see: those that name no groups, and those naming one of {@code
 * groups}.
 */
public record AccessScope(Set<String> groups, boolean unrestricted) {

  public AccessScope {
    groups = Set.copyOf(groups);
  }

  public AccessScope(Set<String> groups) {
    this(groups, false);
  }

  /**
   * Every document, whatever its groups: for evaluations and administrators, never for chat users.
   */
  public static AccessScope everything() {
    return new AccessScope(Set.of(), true);
  }

  /** A reader in no group: public documents only. */
  public static AccessScope publicOnly() {
    return new AccessScope(Set.of());
  }
}
