package io.learnloop.dialog.catalog;

import java.util.Objects;

/** A role's id: lowercase letters, digits and hyphens, e.g. {@code sales-executive}. */
public record RoleId(String value) {

  public RoleId {
    Objects.requireNonNull(value, "value");
    Ids.requireSlug(value, "role id");
  }

  @Override
  public String toString() {
    return value;
  }
}
