package io.learnloop.knowledge.ingest;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * The YAML block between {@code ---} lines at the top of a Markdown file. A malformed block is
 * reported (with its line) and ignored, so that the document's text is still indexed.
 */
record FrontMatter(Map<String, Object> fields, String body, Optional<String> problem) {

  static FrontMatter split(String text) {
    if (!(text.startsWith("---\n") || text.startsWith("---\r\n"))) {
      return new FrontMatter(Map.of(), text, Optional.empty());
    }
    String[] lines = text.split("\r?\n", -1);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].equals("---") || lines[i].equals("...")) {
        String yaml = String.join("\n", java.util.Arrays.asList(lines).subList(1, i));
        String body =
            String.join("\n", java.util.Arrays.asList(lines).subList(i + 1, lines.length));
        return parse(yaml, body);
      }
    }
    return new FrontMatter(
        Map.of(), text, Optional.of("1: front matter is never closed with '---'"));
  }

  private static FrontMatter parse(String yaml, String body) {
    try {
      Object loaded = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
      if (loaded == null) {
        return new FrontMatter(Map.of(), body, Optional.empty());
      }
      if (!(loaded instanceof Map<?, ?> map)) {
        return new FrontMatter(
            Map.of(), body, Optional.of("2: front matter is not key: value pairs"));
      }
      Map<String, Object> fields =
          map.entrySet().stream()
              .filter(entry -> entry.getValue() != null)
              .collect(
                  Collectors.toMap(
                      entry -> String.valueOf(entry.getKey()), Map.Entry::getValue, (a, b) -> b));
      return new FrontMatter(fields, body, Optional.empty());
    } catch (MarkedYAMLException e) {
      int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 2;
      return new FrontMatter(
          Map.of(),
          body,
          Optional.of(line + ": front matter is not valid YAML: " + e.getProblem()));
    } catch (YAMLException e) {
      return new FrontMatter(
          Map.of(), body, Optional.of("1: front matter is not valid YAML: " + e.getMessage()));
    }
  }

  String text(String key) {
    Object value = fields.get(key);
    return value == null ? "" : String.valueOf(value).strip();
  }

  List<String> list(String key) {
    Object value = fields.get(key);
    if (value instanceof Collection<?> values) {
      return values.stream()
          .map(String::valueOf)
          .map(String::strip)
          .filter(s -> !s.isEmpty())
          .toList();
    }
    if (value == null) {
      return List.of();
    }
    return java.util.Arrays.stream(String.valueOf(value).split(","))
        .map(String::strip)
        .filter(s -> !s.isEmpty())
        .toList();
  }
}
