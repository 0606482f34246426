package io.learnloop.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * Runs the evaluation commands on small slices of the shared evaluation data (read in place, never
 * copied into the repository) and checks the output contract: a table, malformed rows on stderr
 * with file and line, and the JSON last line.
 */
class EvalCommandsTest {

  // Tests run in bot-app/, the data sits next to the repository root.
  private static final Path DATA = Path.of("../../shared/data");

  @TempDir Path dir;

  @Test
  void should_end_eval_learner_with_the_scores_json_and_report_malformed_rows() throws IOException {
    Path train = slice(DATA.resolve("assistments09/train.tsv"), 12_000, "train.tsv");
    Path test = slice(DATA.resolve("assistments09/test.tsv"), 3_000, "test.tsv");
    Files.writeString(
        test,
        "42\t1\t0\tmaybe\t3\n" + Files.readAllLines(test).get(1) + "\n",
        java.nio.file.StandardOpenOption.APPEND);
    Path predictions = dir.resolve("predictions.txt");

    Run run =
        run(
            "eval-learner",
            "--train",
            train.toString(),
            "--test",
            test.toString(),
            "--predictions",
            predictions.toString());

    assertThat(run.exit).isZero();
    assertThat(run.err).contains(test + ":3002: correct must be 0 or 1 but was 'maybe'");
    assertThat(run.out).contains("Elo (global + per-skill)").contains("Best-LR (Gervet et al.)");
    JsonNode json = lastLineJson(run.out);
    assertThat(json.get("n").asInt()).isEqualTo(3_001);
    List<String> lines = Files.readAllLines(predictions);
    assertThat(lines).hasSize(3_002);
    assertThat(lines.get(3_000)).isEqualTo("NaN");
    assertThat(Double.parseDouble(lines.get(3_001))).isBetween(0.0, 1.0);
    JsonNode bestLr = json.get("baselines").get("best_lr");
    assertThat(bestLr.get("delta_auc").get("low").asDouble())
        .isLessThanOrEqualTo(bestLr.get("delta_auc").get("estimate").asDouble())
        .isLessThanOrEqualTo(bestLr.get("delta_auc").get("high").asDouble());
    assertThat(bestLr.get("delta_auc").get("estimate").asDouble())
        .isCloseTo(json.get("auc").asDouble() - bestLr.get("auc").asDouble(), within(1e-3));
    assertThat(json.get("auc").asDouble()).isBetween(0.65, 0.95);
    assertThat(json.get("log_loss").asDouble()).isBetween(0.3, 0.7);
    assertThat(json.get("rmse").asDouble()).isBetween(0.3, 0.5);
  }

  @Test
  void should_end_eval_schedule_with_fsrs_and_sm2_scores() throws IOException {
    Path revlog = slice(DATA.resolve("fsrs-revlog/review_logs.csv"), 3_000, "revlog.csv");

    Run run = run("eval-schedule", "--revlog", revlog.toString());

    assertThat(run.exit).isZero();
    assertThat(run.out).contains("SM-2 recalibrated on the past").contains("constant at the past");
    JsonNode json = lastLineJson(run.out);
    assertThat(json.get("fsrs").get("n").asInt()).isPositive();
    assertThat(json.get("sm2").get("n").asInt()).isEqualTo(json.get("fsrs").get("n").asInt());
    assertThat(json.get("fsrs").get("log_loss").asDouble())
        .isLessThan(json.get("sm2").get("log_loss").asDouble());
    // Recalibrated on the past, SM-2 is no worse calibrated than a coin (a diverging fit is).
    assertThat(json.get("sm2_recalibrated").get("log_loss").asDouble()).isLessThan(0.7);
    assertThat(json.get("constant").get("delta_log_loss").get("estimate").asDouble())
        .isCloseTo(
            json.get("fsrs").get("log_loss").asDouble()
                - json.get("constant").get("log_loss").asDouble(),
            within(1e-3));
  }

  @Test
  void should_end_simulate_with_the_adaptive_policy_and_both_baselines() throws IOException {
    Path responses = slice(DATA.resolve("assistments09/train.tsv"), 20_000, "responses.tsv");
    Path revlog = slice(DATA.resolve("fsrs-revlog/review_logs.csv"), 3_000, "revlog.csv");

    Run run =
        run(
            "simulate",
            "--seed",
            "7",
            "--learners",
            "20",
            "--curve-learners",
            "10",
            "--margins",
            "0,0.1",
            "--responses",
            responses.toString(),
            "--revlog",
            revlog.toString());

    assertThat(run.exit).isZero();
    assertThat(run.out).contains("truth: BKT of").contains("role sequence + spaced");
    JsonNode json = lastLineJson(run.out);
    assertThat(json.fieldNames()).toIterable().containsExactly("adaptive", "baselines");
    assertThat(json.get("baselines").fieldNames())
        .toIterable()
        .containsExactly("role_sequence", "role_sequence_spaced");
    for (JsonNode outcome :
        List.of(
            json.get("adaptive"),
            json.get("baselines").get("role_sequence"),
            json.get("baselines").get("role_sequence_spaced"))) {
      assertThat(outcome.fieldNames())
          .toIterable()
          .containsExactly("questions", "retention_30d", "targets_kept");
      assertThat(outcome.get("questions").asDouble()).isPositive();
      assertThat(outcome.get("retention_30d").asDouble()).isBetween(0.0, 1.0);
    }
  }

  @Test
  void should_exit_with_2_naming_a_missing_file() {
    Run run = run("eval-schedule", "--revlog", dir.resolve("nope.csv").toString());
    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("Cannot read " + dir.resolve("nope.csv"));
  }

  @Test
  void should_refuse_to_calibrate_through_the_answer_path() {
    Run run =
        run(
            "eval-qa",
            "--docs",
            "../content/handbook",
            "--questions",
            "../eval/sample-handbook-questions.jsonl",
            "--answers",
            "--calibrate");

    assertThat(run.exit).isEqualTo(2);
    assertThat(run.err).contains("--answers and --calibrate cannot be combined");
  }

  @Test
  void should_warn_about_expected_sources_the_index_does_not_hold() throws IOException {
    Path questions = dir.resolve("questions.jsonl");
    Files.writeString(
        questions,
        "{\"id\": \"q1\", \"question\": \"How many unused leave days carry over?\","
            + " \"expected\": [\"./annual-leave.md\", \"handbook/annual-leave.md\"]}\n");

    Run run =
        run(
            "eval-qa",
            "--docs",
            "../content/handbook",
            "--index-dir",
            dir.resolve("index").toString(),
            "--questions",
            questions.toString());

    assertThat(run.exit).isZero();
    assertThat(run.err)
        .contains("warning: 1 expected source(s) are not in the index")
        .contains("handbook/annual-leave.md")
        .doesNotContain("./annual-leave.md");
  }

  @Test
  void should_grade_replies_against_facts_and_report_facts_lines_whose_id_matches_no_question()
      throws IOException {
    Path facts = dir.resolve("facts.jsonl");
    Files.writeString(
        facts,
        "{\"id\": \"kw-01\", \"facts\": [[\"up to 5 unused days\"]]}\n"
            + "{\"id\": \"no-such-question\", \"facts\": [[\"SGD 250\"]]}\n");

    Run run =
        run(
            "eval-qa",
            "--docs",
            "../content/handbook",
            "--index-dir",
            dir.resolve("index").toString(),
            "--questions",
            "../eval/sample-handbook-questions.jsonl",
            "--facts",
            facts.toString());

    assertThat(run.exit).isZero();
    assertThat(run.err)
        .contains(facts + ":2: skipped: no question has id \"no-such-question\"")
        .doesNotContain(facts + ":1:");
    JsonNode json = lastLineJson(run.out);
    assertThat(json.get("facts_graded").asInt()).isEqualTo(32);
    assertThat(json.get("fact_recall").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.get("confidently_wrong").asDouble()).isBetween(0.0, 1.0);
    assertThat(json.has("recall_at_5")).isTrue();
    assertThat(run.out).contains("best passage");
  }

  private record Run(int exit, String out, String err) {}

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new LearnLoopCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  private static JsonNode lastLineJson(String out) throws IOException {
    String[] lines = out.strip().split("\n");
    return new ObjectMapper().readTree(lines[lines.length - 1]);
  }

  /** The header and the first {@code rows} rows of a shared data file. */
  private Path slice(Path source, int rows, String name) throws IOException {
    assumeTrue(Files.isReadable(source), "evaluation data not present: " + source);
    List<String> lines = new ArrayList<>();
    try (Stream<String> all = Files.lines(source)) {
      all.limit(rows + 1L).forEach(lines::add);
    }
    Path target = dir.resolve(name);
    Files.write(target, lines);
    return target;
  }
}
