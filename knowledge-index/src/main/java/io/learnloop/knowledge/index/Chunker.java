package io.learnloop.knowledge.index;

import dev.langchain4j.data.document.Document;
import dev.langchain4j.data.document.DocumentSplitter;
import dev.langchain4j.data.document.splitter.DocumentSplitters;
import dev.langchain4j.data.segment.TextSegment;
import io.learnloop.knowledge.ingest.Section;
import io.learnloop.knowledge.ingest.SourceDocument;
import java.util.ArrayList;
import java.util.List;

/**
 * Structure-aware chunking: one chunk per section, and sections longer than {@code maxChars} split
 * by paragraphs, then sentences, with {@code overlapChars} of overlap.
 */
public final class Chunker {

  @Override
  public String toString() {
    return "recursive(" + maxChars + "," + overlapChars + ")";
  }

  private final int maxChars;
  private final int overlapChars;
  private final DocumentSplitter splitter;

  /**
   * The chunking LearnLoop uses: 500-character passages with 80 characters of overlap measured best
   * against 900 and 1,400 (docs/EVALUATION.md); smaller passages give the English-only embedding
   * model one topic at a time.
   */
  public static Chunker standard() {
    return new Chunker(500, 80);
  }

  public Chunker(int maxChars, int overlapChars) {
    if (maxChars < 100 || overlapChars < 0 || overlapChars >= maxChars) {
      throw new IllegalArgumentException("need maxChars >= 100 and 0 <= overlap < maxChars");
    }
    this.maxChars = maxChars;
    this.overlapChars = overlapChars;
    this.splitter = DocumentSplitters.recursive(maxChars, overlapChars);
  }

  public List<Chunk> chunk(SourceDocument document, String url) {
    List<Chunk> chunks = new ArrayList<>();
    // A first chunk of the keywords and headings stands for the whole document: questions about a
    // page's topic match it even when no single section uses their words.
    if (!document.sections().isEmpty()) {
      List<String> headings =
          document.sections().stream()
              .map(Section::headingPath)
              .filter(h -> !h.isEmpty())
              .distinct()
              .toList();
      String overview = (document.keywords() + "\n" + String.join("\n", headings)).strip();
      if (!overview.isEmpty()) {
        chunks.add(
            new Chunk(
                document.source() + "#0",
                document.source(),
                document.title(),
                "",
                "",
                overview,
                document.language(),
                document.groups(),
                document.keywords(),
                url,
                true));
      }
    }
    for (Section section : document.sections()) {
      for (String text : split(section.text())) {
        String id = document.source() + "#" + chunks.size();
        chunks.add(
            new Chunk(
                id,
                document.source(),
                document.title(),
                section.headingPath(),
                section.anchor(),
                text,
                document.language(),
                document.groups(),
                document.keywords(),
                url.isEmpty() || section.anchor().isEmpty() ? url : url + "#" + section.anchor(),
                false));
      }
    }
    return chunks;
  }

  private List<String> split(String text) {
    if (text.length() <= maxChars) {
      return List.of(text);
    }
    List<String> pieces = new ArrayList<>();
    int cursor = 0;
    for (TextSegment segment : splitter.split(Document.from(text))) {
      String piece = segment.text();
      int at = text.indexOf(piece, Math.max(0, cursor - overlapChars - 1));
      if (at < 0) {
        at = text.indexOf(piece);
      }
      cursor = Math.max(cursor, at < 0 ? cursor : at + piece.length());
      String leadIn = at > 0 && isListItem(piece) ? leadInBefore(text, at) : "";
      pieces.add(leadIn.isEmpty() || piece.startsWith(leadIn) ? piece : leadIn + "\n" + piece);
    }
    return pieces;
  }

  private static boolean isListItem(String line) {
    return line.startsWith("- ") || line.contains(" · ");
  }

  /**
   * The sentence that introduces the list (or table) a passage starting at {@code offset} is cut
   * from: the nearest line above that is not an item and ends with a colon; empty when there is
   * none, so that a passage in the middle of a long list still says what its items are.
   */
  static String leadInBefore(String text, int offset) {
    int end = offset;
    while (end > 0) {
      int start = text.lastIndexOf('\n', end - 1) + 1;
      String line = text.substring(start, end).strip();
      if (line.isEmpty() && end != offset) {
        return "";
      }
      if (!line.isEmpty() && !isListItem(line)) {
        return line.endsWith(":") && line.length() <= 300 ? line : "";
      }
      end = start - 1;
    }
    return "";
  }
}
