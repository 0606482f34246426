package io.learnloop.dialog.catalog;

import java.util.regex.Pattern;

final class Ids {

  private static final Pattern SLUG = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

  private Ids() {}

  static void requireSlug(String value, String what) {
    if (value.length() > 80 || !SLUG.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a "
              + what
              + " is lowercase letters and digits joined by single hyphens, but was '"
              + value
              + "'");
    }
  }
}
