package io.learnloop.knowledge.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A run of text under one heading.
 *
 * @param headings the heading path below the document title, outermost first; empty for the text
 *     before the first heading
 * @param anchor the GitHub-style anchor of the innermost heading; empty when there is none
 */
public record Section(List<String> headings, String anchor, String text) {

  public Section {
    headings = List.copyOf(headings);
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(text, "text");
  }

  /** The heading path joined for display, e.g. {@code Leave > Carrying days over}. */
  public String headingPath() {
    return String.join(" > ", headings);
  }

  /** GitHub's anchor rule: lowercase, drop punctuation, spaces become hyphens. */
  public static String anchorOf(String heading) {
    return heading
        .strip()
        .toLowerCase(java.util.Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .replace(' ', '-');
  }
}
