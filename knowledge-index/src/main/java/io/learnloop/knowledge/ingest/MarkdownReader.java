package io.learnloop.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.jsoup.Jsoup;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Markdown with optional YAML front matter (title, language, skills, groups, keywords, url). */
final class MarkdownReader implements DocumentReader {

  private static final Logger log = LoggerFactory.getLogger(MarkdownReader.class);
  private static final Parser PARSER =
      Parser.builder().extensions(List.of(TablesExtension.create())).build();

  @Override
  public SourceDocument read(Path file, String source)
      throws IOException, UnreadableDocumentException {
    FrontMatter front = FrontMatter.split(TextFiles.readUtf8(file, source));
    front
        .problem()
        .ifPresent(problem -> log.warn("{}:{}; indexing its text without it", source, problem));
    SectionBuilder sections = new SectionBuilder();
    Node document = PARSER.parse(tablesSetApart(TextFiles.withoutTemplateTags(front.body())));
    String previous = "";
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof Heading heading) {
        sections.heading(heading.getLevel(), plainText(heading));
        previous = "";
      } else {
        String text = plainText(block);
        if ((block instanceof ListBlock || block instanceof TableBlock) && previous.endsWith(":")) {
          // The sentence that introduces a list or table stays in its paragraph, so that a passage
          // cut from it still says what the items are.
          sections.continueParagraph(text);
        } else {
          sections.text(text);
        }
        previous = text.isBlank() ? previous : text.strip();
      }
    }
    String title =
        firstNonBlank(
            front.text("title"), sections.firstHeading(), TextFiles.titleFromFileName(file));
    List<String> keywords = new ArrayList<>(front.list("keywords"));
    keywords.addAll(front.list("tags"));
    keywords.add(front.text("description"));
    return new SourceDocument(
        source,
        title,
        firstNonBlank(front.text("language"), front.text("lang"), ""),
        front.list("skills"),
        front.list("groups"),
        String.join(" ", keywords).strip(),
        firstNonBlank(front.text("url"), "", ""),
        sections.sections());
  }

  private static final java.util.regex.Pattern DELIMITER_ROW =
      java.util.regex.Pattern.compile("^\\s*\\|?\\s*:?-+:?\\s*(\\|\\s*:?-+:?\\s*)+\\|?\\s*$");

  /**
   * A blank line before a table that directly follows a paragraph line ("For example:" then the
   * header row): many handbooks write tables that way, and the parser only sees a table that starts
   * its own block, so the rows would otherwise be read as a paragraph full of pipes.
   */
  static String tablesSetApart(String markdown) {
    String[] lines = markdown.split("\n", -1);
    StringBuilder out = new StringBuilder(markdown.length() + 16);
    for (int i = 0; i < lines.length; i++) {
      boolean headerRow =
          i > 0
              && i + 1 < lines.length
              && lines[i].contains("|")
              && DELIMITER_ROW.matcher(lines[i + 1]).matches()
              && !lines[i - 1].isBlank()
              && !lines[i - 1].contains("|");
      if (headerRow) {
        out.append('\n');
      }
      out.append(lines[i]);
      if (i + 1 < lines.length) {
        out.append('\n');
      }
    }
    return out.toString();
  }

  private static String firstNonBlank(String first, String second, String third) {
    return !first.isBlank() ? first : !second.isBlank() ? second : third;
  }

  /** The text a reader sees: link text without URLs, code as written, HTML without tags. */
  static String plainText(Node node) {
    StringBuilder out = new StringBuilder();
    node.accept(
        new AbstractVisitor() {
          @Override
          public void visit(Text text) {
            out.append(text.getLiteral());
          }

          @Override
          public void visit(Code code) {
            out.append(code.getLiteral());
          }

          @Override
          public void visit(SoftLineBreak softLineBreak) {
            out.append(' ');
          }

          @Override
          public void visit(HardLineBreak hardLineBreak) {
            out.append('\n');
          }

          @Override
          public void visit(HtmlInline htmlInline) {
            // inline tags such as <br> carry no text
          }

          @Override
          public void visit(HtmlBlock htmlBlock) {
            out.append(Jsoup.parse(htmlBlock.getLiteral()).text()).append('\n');
          }

          @Override
          public void visit(FencedCodeBlock code) {
            out.append(code.getLiteral()).append('\n');
          }

          @Override
          public void visit(IndentedCodeBlock code) {
            out.append(code.getLiteral()).append('\n');
          }

          @Override
          public void visit(Paragraph paragraph) {
            visitChildren(paragraph);
            out.append('\n');
          }

          @Override
          public void visit(ListItem item) {
            out.append("- ");
            visitChildren(item);
          }

          @Override
          public void visit(CustomBlock block) {
            if (block instanceof TableBlock table) {
              out.append(table(table)).append('\n');
            } else {
              visitChildren(block);
            }
          }
        });
    String text =
        out.toString().replaceAll("[ \\t]+", " ").replaceAll(" *\\n[ \\n]*", "\n").strip();
    return text.lines().map(TableRows::withoutPipes).collect(Collectors.joining("\n"));
  }

  /** A GFM table as one line per body row, each cell named by its column header. */
  private static String table(TableBlock table) {
    List<String> header = new ArrayList<>();
    List<List<String>> rows = new ArrayList<>();
    for (Node part = table.getFirstChild(); part != null; part = part.getNext()) {
      for (Node row = part.getFirstChild(); row != null; row = row.getNext()) {
        if (!(row instanceof TableRow)) {
          continue;
        }
        List<String> cells = new ArrayList<>();
        for (Node cell = row.getFirstChild(); cell != null; cell = cell.getNext()) {
          if (cell instanceof TableCell) {
            cells.add(plainText(cell));
          }
        }
        if (part instanceof TableHead && header.isEmpty()) {
          header = cells;
        } else {
          rows.add(cells);
        }
      }
    }
    return TableRows.render(header, rows);
  }
}
