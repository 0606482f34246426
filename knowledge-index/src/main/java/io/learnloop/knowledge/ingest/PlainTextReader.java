package io.learnloop.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Plain text: paragraphs under the file's name as title. */
final class PlainTextReader implements DocumentReader {

  @Override
  public SourceDocument read(Path file, String source)
      throws IOException, UnreadableDocumentException {
    String text = TextFiles.readUtf8(file, source).strip();
    List<Section> sections = text.isEmpty() ? List.of() : List.of(new Section(List.of(), "", text));
    return new SourceDocument(
        source, TextFiles.titleFromFileName(file), "", List.of(), List.of(), "", "", sections);
  }
}
