package io.learnloop.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.learnloop.knowledge.ingest.DocumentReader;
import io.learnloop.knowledge.ingest.SourceDocument;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every alternative of every fact in the shipped question sets appears, as a reader sees it
 * (lower-cased, whitespace collapsed), in the text LearnLoop reads from one of the question's
 * expected documents: a fact no reply could ever quote would grade the answers unfairly.
 */
class EvalFactsTest {

  @ParameterizedTest
  @CsvSource({
    "../eval/sample-handbook-questions.jsonl, ../content/handbook",
    "../eval/18f-questions.jsonl, ../../shared/corpora/18f-handbook"
  })
  void should_find_every_fact_alternative_verbatim_in_an_expected_document(
      String questionsFile, String docsDir) throws Exception {
    Path docs = Path.of(docsDir);
    assumeTrue(Files.isDirectory(docs), "evaluation corpus not present: " + docs);
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();
    List<EvalQuestion> questions =
        EvalQuestions.read(
            Path.of(questionsFile), new PrintStream(warnings, true, StandardCharsets.UTF_8));
    assertThat(warnings.toString(StandardCharsets.UTF_8)).isEmpty();
    Map<String, String> texts = new HashMap<>();
    List<String> missing = new ArrayList<>();
    int checked = 0;
    for (EvalQuestion question : questions) {
      assertThat(question.facts().isEmpty())
          .as("%s has facts exactly when it is answerable", question.id())
          .isEqualTo(!question.answerable());
      for (List<String> fact : question.facts()) {
        for (String alternative : fact) {
          checked++;
          boolean found = false;
          for (String source : question.expected()) {
            String text = texts.computeIfAbsent(source, s -> readable(docs.resolve(s), s));
            found |= text.contains(FactCheck.normalised(alternative));
          }
          if (!found) {
            missing.add(question.id() + ": " + alternative);
          }
        }
      }
    }
    assertThat(checked).isPositive();
    assertThat(missing).isEmpty();
  }

  private static String readable(Path file, String source) {
    try {
      SourceDocument document = DocumentReader.forFile(file).orElseThrow().read(file, source);
      return FactCheck.normalised(
          document.title()
              + "\n"
              + document.sections().stream()
                  .map(s -> s.headingPath() + "\n" + s.text())
                  .collect(Collectors.joining("\n")));
    } catch (Exception e) {
      throw new IllegalStateException(source + ": " + e.getMessage(), e);
    }
  }
}
