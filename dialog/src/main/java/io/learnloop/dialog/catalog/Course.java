package io.learnloop.dialog.catalog;

import io.learnloop.dialog.i18n.Language;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Objects;

/**
 * An external course on a skill (an LMS or LinkedIn Learning page) that a lesson may offer beside
 * the handbook section, for remedial or advanced work.
 *
 * @param url where the course is, {@code https://}
 * @param language the language the course is taught in
 * @param minutes how long it takes
 */
public record Course(String title, String url, Language language, int minutes) {

  public Course {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(language, "language");
    if (title.isBlank() || title.length() > 200) {
      throw new IllegalArgumentException("a course title is 1 to 200 characters: '" + title + "'");
    }
    if (!url.startsWith("https://") || url.length() > 2000 || !parses(url)) {
      throw new IllegalArgumentException("a course URL is an https:// address: '" + url + "'");
    }
    if (minutes < 1 || minutes > 6000) {
      throw new IllegalArgumentException("a course takes 1 to 6000 minutes, not " + minutes);
    }
  }

  private static boolean parses(String url) {
    try {
      return new URI(url).getHost() != null;
    } catch (URISyntaxException e) {
      return false;
    }
  }
}
