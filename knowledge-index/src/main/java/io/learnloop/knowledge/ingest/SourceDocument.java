package io.learnloop.knowledge.ingest;

import java.util.List;
import java.util.Objects;

/**
 * A document read from the docs folder, before chunking.
 *
 * @param source path relative to the docs root, with forward slashes
 * @param language {@code en}, {@code id}, or empty when the document does not say
 * @param groups who may read it; empty means everyone
 * @param keywords extra search terms from front matter (keywords, tags, description)
 * @param url where readers open it; empty when unknown
 */
public record SourceDocument(
    String source,
    String title,
    String language,
    List<String> skills,
    List<String> groups,
    String keywords,
    String url,
    List<Section> sections) {

  public SourceDocument {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(language, "language");
    skills = List.copyOf(skills);
    groups = List.copyOf(groups);
    Objects.requireNonNull(keywords, "keywords");
    Objects.requireNonNull(url, "url");
    sections = List.copyOf(sections);
  }
}
