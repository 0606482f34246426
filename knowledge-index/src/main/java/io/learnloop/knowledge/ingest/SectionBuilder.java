package io.learnloop.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;

/** Collects text under a stack of headings and cuts it into {@link Section}s. */
final class SectionBuilder {

  private final List<Section> sections = new ArrayList<>();
  private final String[] headings = new String[7];
  private final StringBuilder text = new StringBuilder();
  private String title = "";

  /** A heading of level 1 to 6; the first level-1 heading becomes the title, not a section. */
  void heading(int level, String heading) {
    flush();
    String clean = heading.strip();
    if (level == 1 && title.isEmpty()) {
      title = clean;
      return;
    }
    headings[level] = clean;
    for (int deeper = level + 1; deeper < headings.length; deeper++) {
      headings[deeper] = null;
    }
  }

  void text(String paragraph) {
    String clean = paragraph.strip();
    if (!clean.isEmpty()) {
      text.append(clean).append("\n\n");
    }
  }

  /** Text that belongs to the previous paragraph, such as the list its last sentence introduces. */
  void continueParagraph(String paragraph) {
    String clean = paragraph.strip();
    if (clean.isEmpty()) {
      return;
    }
    if (text.length() >= 2) {
      text.setLength(text.length() - 2);
      text.append('\n');
    }
    text.append(clean).append("\n\n");
  }

  String firstHeading() {
    return title;
  }

  List<Section> sections() {
    flush();
    return List.copyOf(sections);
  }

  private void flush() {
    String body = text.toString().strip();
    text.setLength(0);
    if (body.isEmpty()) {
      return;
    }
    List<String> path = new ArrayList<>();
    for (int level = 1; level < headings.length; level++) {
      if (headings[level] != null) {
        path.add(headings[level]);
      }
    }
    String anchor = path.isEmpty() ? "" : Section.anchorOf(path.get(path.size() - 1));
    sections.add(new Section(path, anchor, body));
  }
}
