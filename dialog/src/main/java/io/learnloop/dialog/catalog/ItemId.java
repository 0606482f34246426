package io.learnloop.dialog.catalog;

import java.util.Objects;

/** A quiz item's id: lowercase letters, digits and hyphens, e.g. {@code leave-carry-over}. */
public record ItemId(String value) {

  public ItemId {
    Objects.requireNonNull(value, "value");
    Ids.requireSlug(value, "item id");
  }

  @Override
  public String toString() {
    return value;
  }
}
