package io.learnloop.knowledge.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
}
