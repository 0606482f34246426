package io.learnloop.app.cli;

import io.learnloop.dialog.learning.evaluation.PairedBootstrap;
import io.learnloop.dialog.learning.evaluation.Parsed;
import io.learnloop.dialog.learning.evaluation.ReviewLogReader;
import io.learnloop.dialog.learning.evaluation.ScheduleEvaluation;
import io.learnloop.dialog.learning.evaluation.Scores;
import io.learnloop.dialog.learning.memory.Review;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code eval-schedule --revlog FILE}: scores the scheduler's memory model against baselines. */
@Command(
    name = "eval-schedule",
    mixinStandardHelpOptions = true,
    description = {
      "Expanding-window time-series folds (srs-benchmark's protocol): the scored reviews, by time,"
          + " cut into 6 chunks; fold k fits on everything before chunk k and is scored on it."
          + " FSRS-6 fitted (ours) against FSRS-6 defaults, SM-2, SM-2 recalibrated on the past"
          + " and a constant at the past recall rate, with card-level bootstrap intervals.",
      "File: CSV 'card_id,review_rating,review_time,...', rating 1 = forgotten."
          + " Last line: {\"fsrs\": {...}, \"sm2\": {...}, ...} as JSON."
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
    ScheduleEvaluation result;
    try {
      result = ScheduleEvaluation.run(reviews.rows());
    } catch (IllegalArgumentException e) {
      err.println(revlog + ": " + e.getMessage());
      return 2;
    }
    out.printf(
        "%d reviews; %d expanding-window folds, each scored on the next chunk by time%n",
        reviews.rows().size(), ScheduleEvaluation.FOLDS);
    Map<String, Scores> rows = new LinkedHashMap<>();
    result.scores().forEach((key, s) -> rows.put(ScheduleEvaluation.NAMES.get(key), s));
    Table.scores(out, rows);
    out.println(
        "ours - baseline, paired bootstrap over cards ("
            + PairedBootstrap.REPLICATES
            + " replicates), 95% intervals:");
    result
        .deltas()
        .forEach(
            (key, d) ->
                out.printf(
                    Locale.ROOT,
                    "%-34s  Δlog loss %s  ΔAUC %s%n",
                    ScheduleEvaluation.NAMES.get(key),
                    d.logLoss(),
                    d.auc()));
    out.println("fitted parameters (last fold): " + result.fitted());
    out.println(result.json());
    out.flush();
    return 0;
  }
}
