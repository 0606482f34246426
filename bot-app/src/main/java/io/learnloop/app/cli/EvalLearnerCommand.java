package io.learnloop.app.cli;

import io.learnloop.dialog.learning.evaluation.LearnerEvaluation;
import io.learnloop.dialog.learning.evaluation.Parsed;
import io.learnloop.dialog.learning.evaluation.ResponseLogReader;
import io.learnloop.dialog.learning.model.Response;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
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
      "Learns the learner model from --train (tuned on a hold-out of its users), then replays the"
          + " --test users predicting every answer before learning from it.",
      "Files: tab-separated 'user_id item_id timestamp correct skill_id', rows in each user's"
          + " answer order. Last line: {\"auc\", \"log_loss\", \"rmse\", \"n\"} as JSON."
    })
final class EvalLearnerCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--train", required = true, paramLabel = "FILE")
  Path train;

  @Option(names = "--test", required = true, paramLabel = "FILE")
  Path test;

  @Override
  public Integer call() {
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
        "train %d answers, test %d answers; chosen on the hold-out of train users: %d epochs"
            + " (hold-out AUC %.4f)%n",
        trainRows.rows().size(),
        testRows.rows().size(),
        report.chosen().epochs(),
        report.holdOutAuc());
    Table.scores(out, report.scores());
    out.println(report.chosenScores().json());
    out.flush();
    return 0;
  }
}
