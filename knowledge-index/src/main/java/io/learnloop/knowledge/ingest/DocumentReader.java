package io.learnloop.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;

/** Reads one kind of document file into a {@link SourceDocument}. */
public interface DocumentReader {

  /**
   * @param source the file's path relative to the docs root, used as its id
   * @throws UnreadableDocumentException when the file is binary, corrupt or not text
   * @throws IOException when the file cannot be read at all
   */
  SourceDocument read(Path file, String source) throws UnreadableDocumentException, IOException;

  /** The reader for a file, by its extension; empty for files that are not documents. */
  static Optional<DocumentReader> forFile(Path file) {
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return Optional.of(new MarkdownReader());
    }
    if (name.endsWith(".html") || name.endsWith(".htm")) {
      return Optional.of(new HtmlReader());
    }
    if (name.endsWith(".pdf")) {
      return Optional.of(new PdfReader());
    }
    if (name.endsWith(".txt")) {
      return Optional.of(new PlainTextReader());
    }
    return Optional.empty();
  }
}
