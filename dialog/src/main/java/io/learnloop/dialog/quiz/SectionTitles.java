package io.learnloop.dialog.quiz;

import io.learnloop.dialog.channel.Citation;
import java.util.Set;

/**
 * Names the handbook section a quiz item or lesson links to as a reader sees it: the page's title
 * and the heading, not the file and anchor.
 */
public interface SectionTitles {

  /**
   * @param source a path under the content folder and an anchor, e.g. {@code
   *     handbook/annual-leave.md#carrying-days-over}
   */
  Citation cite(String source);

  /**
   * The groups a document is restricted to (its front matter's {@code groups}); empty for a public
   * one. Questions on a restricted document are asked only of people who may read it.
   *
   * @param document a path relative to the docs root, e.g. {@code annual-leave.md}
   */
  default Set<String> groupsOf(String document) {
    return Set.of();
  }

  /** The file name and anchor, where no titles are known. */
  static SectionTitles plain() {
    return DocumentLinks::link;
  }
}
