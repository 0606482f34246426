package io.learnloop.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalQuestionsTest {

  @TempDir Path dir;

  @Test
  void should_name_expected_sources_as_the_index_does_and_report_bad_lines_with_their_number()
      throws IOException {
    Path file = dir.resolve("questions.jsonl");
    Files.writeString(
        file,
        """
        {"id": "q1", "question": "How much leave?", "expected": ["./pages/leave.md", "pages\\\\travel\\\\per-diem.md", "/faq.md"], "kind": "keyword", "lang": "en"}
        {"id": "q2", "question": "", "expected": []}

        {"id": "q3", "question": "Dress code?", "expected": [], "kind": "unanswerable"}
        """,
        StandardCharsets.UTF_8);
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    var questions =
        EvalQuestions.read(file, new PrintStream(warnings, true, StandardCharsets.UTF_8));

    assertThat(questions).extracting(EvalQuestion::id).containsExactly("q1", "q3");
    assertThat(questions.get(0).expected())
        .containsExactly("pages/leave.md", "pages/travel/per-diem.md", "faq.md");
    assertThat(questions.get(1).answerable()).isFalse();
    assertThat(warnings.toString(StandardCharsets.UTF_8))
        .contains(file + ":2: skipped: needs a non-empty \"question\"");
  }

  @Test
  void should_read_facts_as_lists_of_alternatives_and_report_a_malformed_fact_by_line()
      throws IOException {
    Path file = dir.resolve("questions.jsonl");
    Files.writeString(
        file,
        """
        {"id": "q1", "question": "Hotel limit in Singapore?", "expected": ["travel.md"], "facts": [["SGD 250", "250 SGD"], "per night"]}
        {"id": "q2", "question": "Per diem?", "expected": ["travel.md"], "facts": [[]]}
        """,
        StandardCharsets.UTF_8);
    ByteArrayOutputStream warnings = new ByteArrayOutputStream();

    var questions =
        EvalQuestions.read(file, new PrintStream(warnings, true, StandardCharsets.UTF_8));

    assertThat(questions).extracting(EvalQuestion::id).containsExactly("q1");
    assertThat(questions.get(0).facts())
        .containsExactly(List.of("SGD 250", "250 SGD"), List.of("per night"));
    assertThat(warnings.toString(StandardCharsets.UTF_8))
        .contains(file + ":2: skipped: each fact must be a string or a non-empty list");
  }

  @Test
  void should_add_facts_from_a_separate_file_and_report_ids_that_match_no_question_by_line()
      throws IOException {
    List<EvalQuestion> questions =
        List.of(
            new EvalQuestion("q1", "Hotel limit?", List.of("travel.md"), "keyword", "en"),
            new EvalQuestion("q2", "Per diem?", List.of("travel.md"), "keyword", "en"));
    Path facts = dir.resolve("facts.jsonl");
    Files.writeString(
        facts,
        """
        {"id": "q1", "facts": [["SGD 250"]]}
        {"id": "q9", "facts": [["SGD 70"]]}
        not json
        """,
        StandardCharsets.UTF_8);
    List<String> warnings = new java.util.ArrayList<>();

    List<EvalQuestion> merged = EvalQuestions.withFacts(questions, facts, warnings::add);

    assertThat(merged.get(0).facts()).containsExactly(List.of("SGD 250"));
    assertThat(merged.get(1).facts()).isEmpty();
    assertThat(warnings)
        .hasSize(2)
        .anySatisfy(w -> assertThat(w).isEqualTo(facts + ":2: skipped: no question has id \"q9\""))
        .anySatisfy(w -> assertThat(w).startsWith(facts + ":3: skipped:"));
  }
}
