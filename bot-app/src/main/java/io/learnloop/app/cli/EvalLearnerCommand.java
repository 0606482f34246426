package io.learnloop.app.cli;

import io.learnloop.dialog.learning.evaluation.LearnerEvaluation;
import io.learnloop.dialog.learning.evaluation.Parsed;
import io.learnloop.dialog.learning.evaluation.ResponseLogReader;
import io.learnloop.dialog.learning.model.Response;
import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import io.learnloop.dialog.learning.model.ResponseModelTrainer;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval-learner --train FILE --test FILE}: scores the learner model on held-out learners. */
@Command(
    name = "eval-learner",
    mixinStandardHelpOptions = true,
    description = {
      "Tunes every model (ours and each baseline) on the same hold-out of --train users, refits"
          + " it on all of them, then replays the --test users predicting every answer before"
          + " learning from it. Each baseline is compared with ours by a paired bootstrap over"
          + " test users (95% intervals of ours - baseline).",
      "Files: tab-separated 'user_id item_id timestamp correct skill_id', rows in each user's"
          + " answer order. Last line: our {\"auc\", \"log_loss\", \"rmse\", \"n\"} and"
          + " \"baselines\" as JSON."
    })
final class EvalLearnerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE")
  Path train;

  @Option(names = "--test", required = true, paramLabel = "FILE")
  Path test;

  @Option(
      names = "--predictions",
      paramLabel = "FILE",
      description =
          "Writes our P(correct) of every test row, one number per line in the test file's row"
              + " order (line k = data row k; NaN for a row that was skipped as malformed).")
  Path predictions;

  @Option(
      names = "--save-model",
      paramLabel = "FILE",
      description =
          "Writes our model fitted on all --train users without item or skill weights (what"
              + " carries over to another catalog): how the shipped defaults are made.")
  Path saveModel;

  @Override
  public Integer call() throws IOException {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    for (Path file : new Path[] {train, test}) {
      if (!Files.isReadable(file)) {
        err.println("Cannot read " + file);
        return 2;
      }
    }
    Parsed<Response> trainRows = ResponseLogReader.read(train);
    Parsed<Response> testRows = ResponseLogReader.read(test);
    Table.malformed(err, trainRows.malformed());
    Table.malformed(err, testRows.malformed());
    LearnerEvaluation.Report report = LearnerEvaluation.run(trainRows.rows(), testRows.rows());
    out.printf(
        "train %d answers, test %d answers; each model tuned on the same hold-out of train users%n",
        trainRows.rows().size(), testRows.rows().size());
    Table.learners(out, report);
    if (predictions != null) {
      write(testRows, report.ours().predictions());
      out.println("predictions: " + predictions);
    }
    if (saveModel != null) {
      ResponseModel model = new ResponseModelTrainer(report.chosen()).fitPortable(trainRows.rows());
      try (Writer writer = Files.newBufferedWriter(saveModel, StandardCharsets.UTF_8)) {
        ResponseModelFile.write(model, writer);
      }
      out.println("model: " + saveModel);
    }
    out.println(report.json());
    out.flush();
    return 0;
  }

  private void write(Parsed<Response> rows, double[] probabilities) throws IOException {
    try (BufferedWriter writer = Files.newBufferedWriter(predictions, StandardCharsets.UTF_8)) {
      int next = 0;
      for (long line = 2; line <= rows.lastLine(); line++) {
        boolean parsed = next < rows.lines().size() && rows.lines().get(next) == line;
        writer.write(parsed ? String.format(Locale.ROOT, "%.6f", probabilities[next++]) : "NaN");
        writer.newLine();
      }
    }
  }
}
