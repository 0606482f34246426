package io.learnloop.knowledge.eval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Reads evaluation questions, one JSON object per line; bad lines are reported and skipped. */
public final class EvalQuestions {

  private static final ObjectMapper JSON = new ObjectMapper();

  private EvalQuestions() {}

  /**
   * An expected source as the index names it: relative to the docs root with forward slashes, so
   * that {@code ./pages/leave.md} and {@code pages\leave.md} match {@code pages/leave.md}.
   */
  static String relativeSource(String source) {
    String path = source.strip().replace('\\', '/');
    while (path.startsWith("./") || path.startsWith("/")) {
      path = path.substring(path.startsWith("./") ? 2 : 1);
    }
    return path;
  }

  /**
   * The {@code facts} field: a list whose items are each a list of alternative strings, or a single
   * string standing for a fact with one alternative. Missing means none.
   */
  static List<List<String>> facts(JsonNode node) {
    if (node.isMissingNode() || node.isNull()) {
      return List.of();
    }
    if (!node.isArray()) {
      throw new IllegalArgumentException("\"facts\" must be a list of facts");
    }
    List<List<String>> facts = new ArrayList<>();
    for (JsonNode fact : node) {
      if (fact.isTextual()) {
        facts.add(List.of(fact.asText()));
      } else if (fact.isArray() && !fact.isEmpty()) {
        List<String> alternatives = new ArrayList<>();
        for (JsonNode alternative : fact) {
          if (!alternative.isTextual() || alternative.asText().isBlank()) {
            throw new IllegalArgumentException(
                "each alternative of a fact must be a non-blank string");
          }
          alternatives.add(alternative.asText());
        }
        facts.add(alternatives);
      } else {
        throw new IllegalArgumentException(
            "each fact must be a string or a non-empty list of alternative strings");
      }
    }
    return facts;
  }

  /**
   * Adds the facts of a separate file ({@code {"id": ..., "facts": [...]}} per line) to the
   * questions with those ids; a line whose id matches no question, or that cannot be read, is
   * reported with its number and skipped.
   */
  public static List<EvalQuestion> withFacts(
      List<EvalQuestion> questions, Path factsFile, Consumer<String> warnings) throws IOException {
    java.util.Map<String, List<List<String>>> byId = new java.util.LinkedHashMap<>();
    List<String> lines = Files.readAllLines(factsFile, StandardCharsets.UTF_8);
    java.util.Set<String> ids =
        questions.stream().map(EvalQuestion::id).collect(java.util.stream.Collectors.toSet());
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        String id = node.path("id").asText("");
        if (id.isBlank()) {
          throw new IllegalArgumentException("needs an \"id\"");
        }
        if (!ids.contains(id)) {
          throw new IllegalArgumentException("no question has id \"" + id + "\"");
        }
        byId.put(id, facts(node.path("facts")));
      } catch (IOException | IllegalArgumentException e) {
        warnings.accept(
            factsFile
                + ":"
                + (i + 1)
                + ": skipped: "
                + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return questions.stream()
        .map(q -> byId.containsKey(q.id()) ? q.withFacts(byId.get(q.id())) : q)
        .toList();
  }

  public static List<EvalQuestion> read(Path file, PrintStream warnings) throws IOException {
    return read(file, (Consumer<String>) warnings::println);
  }

  /** Reads the questions, passing each skipped line's {@code file:line: problem} to warnings. */
  public static List<EvalQuestion> read(Path file, Consumer<String> warnings) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    List<EvalQuestion> questions = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i).strip();
      if (line.isEmpty()) {
        continue;
      }
      try {
        JsonNode node = JSON.readTree(line);
        String question = node.path("question").asText("");
        if (question.isBlank() || !node.path("expected").isArray()) {
          throw new IllegalArgumentException(
              "needs a non-empty \"question\" and an \"expected\" list");
        }
        List<String> expected = new ArrayList<>();
        node.path("expected").forEach(source -> expected.add(relativeSource(source.asText())));
        questions.add(
            new EvalQuestion(
                node.path("id").asText("line-" + (i + 1)),
                question,
                expected,
                node.path("kind").asText(""),
                node.path("lang").asText(""),
                facts(node.path("facts"))));
      } catch (IOException | IllegalArgumentException e) {
        warnings.accept(
            file + ":" + (i + 1) + ": skipped: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return questions;
  }
}
