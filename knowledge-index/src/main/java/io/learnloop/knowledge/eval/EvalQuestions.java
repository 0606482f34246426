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

  public static List<EvalQuestion> read(Path file, PrintStream warnings) throws IOException {
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
                node.path("lang").asText("")));
      } catch (IOException | IllegalArgumentException e) {
        warnings.println(
            file + ":" + (i + 1) + ": skipped: " + e.getMessage().lines().findFirst().orElse(""));
      }
    }
    return questions;
  }
}
