package io.learnloop.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomNode;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.IndentedCodeBlock;
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
    Node document = PARSER.parse(TextFiles.withoutTemplateTags(front.body()));
    for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
      if (block instanceof Heading heading) {
        sections.heading(heading.getLevel(), plainText(heading));
      } else {
        sections.text(plainText(block));
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
          public void visit(CustomNode node) {
            visitChildren(node);
            if (node instanceof TableCell) {
              out.append(" | ");
            } else if (node instanceof TableRow) {
              out.append('\n');
            }
          }
        });
    return out.toString().replaceAll("[ \\t]+", " ").replaceAll(" *\\n[ \\n]*", "\n").strip();
  }
}
