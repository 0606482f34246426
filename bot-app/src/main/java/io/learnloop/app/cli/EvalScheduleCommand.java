package io.learnloop.app.cli;

import io.learnloop.dialog.learning.evaluation.Parsed;
import io.learnloop.dialog.learning.evaluation.ReviewLogReader;
import io.learnloop.dialog.learning.evaluation.ScheduleEvaluation;
import io.learnloop.dialog.learning.evaluation.Scores;
import io.learnloop.dialog.learning.memory.Review;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval-schedule --revlog FILE}: scores the scheduler's memory model against SM-2. */
@Command(
    name = "eval-schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Fits FSRS-6 on the earlier half of a review log (by time) and scores it, its defaults and"
          + " SM-2 on the later half, srs-benchmark's protocol.",
      "File: CSV 'card_id,review_rating,review_time,...', rating 1 = forgotten."
          + " Last line: {\"fsrs\": {...}, \"sm2\": {...}} as JSON."
    })
final class EvalScheduleCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--revlog", required = true, paramLabel = "FILE")
  Path revlog;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (!Files.isReadable(revlog)) {
      err.println("Cannot read " + revlog);
      return 2;
    }
    Parsed<Review> reviews = ReviewLogReader.read(revlog);
    Table.malformed(err, reviews.malformed());
    ScheduleEvaluation result = ScheduleEvaluation.run(reviews.rows());
    out.printf(
        "%d reviews; FSRS-6 fitted on the earlier half by time, all scored on the later half%n",
        reviews.rows().size());
    Map<String, Scores> rows = new LinkedHashMap<>();
    rows.put("FSRS-6 default parameters", result.fsrsDefault());
    rows.put("FSRS-6 fitted (ours)", result.fsrs());
    rows.put("SM-2", result.sm2());
    Table.scores(out, rows);
    out.println("fitted parameters: " + result.fitted());
    out.println(result.json());
    out.flush();
    return 0;
  }
}
