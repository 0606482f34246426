package io.learnloop.knowledge.index;

import java.util.List;
import java.util.Objects;

/**
 * A passage of a document, the unit that is embedded, indexed and cited.
 *
 * @param id stable while the document is unchanged: {@code source#ordinal}
 * @param section the heading path inside the document, e.g. {@code Leave > Carrying days over}
 * @param anchor the innermost heading's anchor, for links into the document
 * @param keywords the document's front-matter keywords, searched with every chunk
 * @param overview true for the chunk that lists a document's keywords and headings, which stands
 *     for the whole document in search but is no passage to quote
 */
public record Chunk(
    String id,
    String source,
    String title,
    String section,
    String anchor,
    String text,
    String language,
    List<String> groups,
    String keywords,
    String url,
    boolean overview) {

  public Chunk {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(section, "section");
    Objects.requireNonNull(anchor, "anchor");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(language, "language");
    groups = List.copyOf(groups);
    Objects.requireNonNull(keywords, "keywords");
    Objects.requireNonNull(url, "url");
  }

  /**
   * What the embedding model sees: the title and heading path give a passage the context a reader
   * has, so that "How many days?" under "Annual leave" embeds near leave questions.
   */
  public String embeddingText() {
    return title + (section.isEmpty() ? "" : " > " + section) + "\n" + text;
  }
}
