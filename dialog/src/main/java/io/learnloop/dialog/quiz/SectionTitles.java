package io.learnloop.dialog.quiz;

import io.learnloop.dialog.channel.Citation;

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

  /** The file name and anchor, where no titles are known. */
  static SectionTitles plain() {
    return DocumentLinks::link;
  }
}
