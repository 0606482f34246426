package io.learnloop.dialog.channel;

import java.util.Objects;

/**
 * A numbered source of an answer.
 *
 * @param source path relative to the docs root, e.g. {@code handbook/annual-leave.md}
 * @param section heading path inside the document; empty for the whole document
 * @param url where a reader opens the source; may be empty when the docs have no web address
 */
public record Citation(String source, String title, String section, String url, double score) {

  public Citation {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(url, "url");
  }
}
