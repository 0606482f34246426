package io.learnloop.knowledge.ingest;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;

/** HTML pages: sections by {@code h1}–{@code h6}; scripts, styles and navigation are dropped. */
final class HtmlReader implements DocumentReader {

  private static final Set<String> SKIPPED =
      Set.of("script", "style", "nav", "header", "footer", "noscript", "template", "svg");

  @Override
  public SourceDocument read(Path file, String source)
      throws IOException, UnreadableDocumentException {
    Document html = Jsoup.parse(TextFiles.withoutTemplateTags(TextFiles.readUtf8(file, source)));
    SectionBuilder sections = new SectionBuilder();
    StringBuilder paragraph = new StringBuilder();
    html.body()
        .filter(
            new NodeFilter() {
              @Override
              public FilterResult head(Node node, int depth) {
                if (node instanceof Element element) {
                  String tag = element.normalName();
                  if (SKIPPED.contains(tag)) {
                    return FilterResult.SKIP_ENTIRELY;
                  }
                  if (tag.equals("table")) {
                    paragraph.append('\n').append(HtmlTables.render(element)).append('\n');
                    return FilterResult.SKIP_ENTIRELY;
                  }
                  if (tag.length() == 2
                      && tag.charAt(0) == 'h'
                      && Character.isDigit(tag.charAt(1))) {
                    sections.text(paragraph.toString());
                    paragraph.setLength(0);
                    sections.heading(tag.charAt(1) - '0', element.text());
                    return FilterResult.SKIP_ENTIRELY;
                  }
                } else if (node instanceof TextNode text) {
                  paragraph.append(text.text());
                }
                return FilterResult.CONTINUE;
              }

              @Override
              public FilterResult tail(Node node, int depth) {
                if (node instanceof Element element && element.isBlock()) {
                  paragraph.append('\n');
                }
                return FilterResult.CONTINUE;
              }
            });
    sections.text(paragraph.toString());
    String title = !html.title().isBlank() ? html.title() : sections.firstHeading();
    return new SourceDocument(
        source,
        title.isBlank() ? TextFiles.titleFromFileName(file) : title.strip(),
        html.select("html").attr("lang"),
        java.util.List.of(),
        java.util.List.of(),
        html.select("meta[name=keywords]").attr("content")
            + " "
            + html.select("meta[name=description]").attr("content"),
        "",
        sections.sections());
  }
}
