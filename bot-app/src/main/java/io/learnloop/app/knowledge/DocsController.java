package io.learnloop.app.knowledge;

import io.learnloop.app.access.ApiToken;
import io.learnloop.app.access.ConfiguredAccessGroups;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.integrations.content.HandbookTitles;
import io.learnloop.knowledge.ingest.Section;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.MediaTypeFactory;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;

/**
 * Serves the docs folder at {@code /docs/}, so that citation links work with nothing configured:
 * Markdown as a readable page (front matter hidden, headings with the anchors citations link to),
 * other files as they are. Raw HTML inside documents is shown as text, never run.
 */
@RestController
class DocsController {

  private static final Pattern FRONT_MATTER =
      Pattern.compile("\\A---\\R(.*?)\\R---\\R", Pattern.DOTALL);
  private static final Pattern TITLE = Pattern.compile("(?m)^title:\\s*(.+)$");

  private final KnowledgeService knowledge;
  private final AccessGroups access;
  private final ApiToken token;
  private final HandbookTitles restrictions;
  private final Parser parser;
  private final HtmlRenderer renderer;

  DocsController(KnowledgeService knowledge, AccessGroups access, ApiToken token) {
    this.knowledge = knowledge;
    this.access = access;
    this.token = token;
    this.restrictions =
        knowledge.docs() == null ? null : new HandbookTitles(knowledge.docs().root());
    List<org.commonmark.Extension> extensions = List.of(TablesExtension.create());
    this.parser = Parser.builder().extensions(extensions).build();
    this.renderer =
        HtmlRenderer.builder()
            .extensions(extensions)
            .escapeHtml(true)
            .sanitizeUrls(true)
            .attributeProviderFactory(
                context ->
                    (node, tag, attributes) -> {
                      if (node instanceof Heading heading) {
                        attributes.put("id", Section.anchorOf(textOf(heading)));
                      }
                    })
            .build();
  }

  @GetMapping("/docs/**")
  ResponseEntity<?> document(HttpServletRequest request) throws IOException {
    if (knowledge.docs() == null) {
      return notFound();
    }
    String relative =
        java.net.URLDecoder.decode(
            request
                .getRequestURI()
                .substring(request.getContextPath().length() + "/docs/".length()),
            StandardCharsets.UTF_8);
    Path root = knowledge.docs().root().toRealPath();
    Path file = root.resolve(relative).normalize();
    if (!file.startsWith(root)
        || !Files.isRegularFile(file)
        || !file.toRealPath().startsWith(root)
        || hidden(root.relativize(file))
        || !readable(root.relativize(file).toString(), request)) {
      return notFound();
    }
    String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".md") || name.endsWith(".markdown")) {
      return ResponseEntity.ok()
          .contentType(new MediaType("text", "html", StandardCharsets.UTF_8))
          .cacheControl(CacheControl.noCache())
          .body(page(Files.readString(file, StandardCharsets.UTF_8), relative));
    }
    MediaType type = MediaTypeFactory.getMediaType(name).orElse(MediaType.APPLICATION_OCTET_STREAM);
    return ResponseEntity.ok()
        .contentType(type)
        // An HTML page from the docs folder must not run scripts on our origin.
        .header("Content-Security-Policy", "sandbox")
        .body(new FileSystemResource(file));
  }

  // .git, .env and the like are never documents.
  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  // A restricted document is served only to a trusted caller acting for one of its readers;
  // everyone else gets the same 404 as for a document that does not exist.
  private boolean readable(String document, HttpServletRequest request) {
    Set<String> groups = restrictions.groupsOf(document);
    if (groups.isEmpty()) {
      return true;
    }
    String user = request.getParameter("user");
    if (user == null || user.isBlank() || !token.trusted(request)) {
      return false;
    }
    Set<String> reader =
        access.groupsOf(
            new ChannelUser("api", ConfiguredAccessGroups.API_WORKSPACE, user.strip()),
            java.util.Optional.empty());
    return groups.stream().anyMatch(reader::contains);
  }

  private String page(String markdown, String relative) {
    String title = relative;
    Matcher front = FRONT_MATTER.matcher(markdown);
    if (front.find()) {
      Matcher named = TITLE.matcher(front.group(1));
      if (named.find()) {
        title = named.group(1).strip().replaceAll("^[\"']|[\"']$", "");
      }
      markdown = markdown.substring(front.end());
    }
    String body = renderer.render(parser.parse(markdown));
    return "<!doctype html><html><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>"
        + HtmlUtils.htmlEscape(title)
        + " · LearnLoop</title><link rel=\"icon\" href=\"/favicon.svg\">"
        + "<style>body{font-family:system-ui,sans-serif;max-width:75ch;margin:2rem auto;"
        + "padding:0 1rem;line-height:1.5;color:#1d1c1d}table{border-collapse:collapse}"
        + "td,th{border:1px solid #ccc;padding:4px 8px}:target{background:#fff4c2}"
        + "a{color:#1264a3}</style></head><body><p><a href=\"/\">LearnLoop</a></p>"
        + body
        + "</body></html>";
  }

  private static String textOf(Node node) {
    StringBuilder text = new StringBuilder();
    for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
      text.append(child instanceof Text t ? t.getLiteral() : textOf(child));
    }
    return text.toString();
  }

  private static ResponseEntity<Map<String, String>> notFound() {
    return ResponseEntity.status(404)
        .contentType(MediaType.APPLICATION_JSON)
        .body(Map.of("error", "Not found"));
  }
}
