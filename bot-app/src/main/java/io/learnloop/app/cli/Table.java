package io.learnloop.app.cli;

import io.learnloop.dialog.learning.evaluation.LearnerEvaluation;
import io.learnloop.dialog.learning.evaluation.MalformedRow;
import io.learnloop.dialog.learning.evaluation.PairedBootstrap;
import io.learnloop.dialog.learning.evaluation.Scores;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Plain-text tables and error reports shared by the evaluation commands. */
final class Table {

  private Table() {}

  static void scores(PrintWriter out, Map<String, Scores> rows) {
    int width = rows.keySet().stream().mapToInt(String::length).max().orElse(5);
    String format = "%-" + width + "s  %7s  %8s  %7s  %7s%n";
    out.printf(Locale.ROOT, format, "model", "AUC", "log loss", "RMSE", "n");
    rows.forEach(
        (name, s) ->
            out.printf(
                Locale.ROOT,
                format,
                name,
                String.format(Locale.ROOT, "%.4f", s.auc()),
                String.format(Locale.ROOT, "%.4f", s.logLoss()),
                String.format(Locale.ROOT, "%.4f", s.rmse()),
                s.n()));
  }

  /** Each model's chosen setting and scores, then each baseline's interval against ours. */
  static void learners(PrintWriter out, LearnerEvaluation.Report report) {
    int width = report.results().keySet().stream().mapToInt(String::length).max().orElse(5);
    String format = "%-" + width + "s  %-22s  %8s  %7s  %8s  %7s  %7s%n";
    out.printf(
        Locale.ROOT,
        format,
        "model",
        "tuned on hold-out",
        "hold AUC",
        "AUC",
        "log loss",
        "RMSE",
        "n");
    report
        .results()
        .forEach(
            (name, r) ->
                out.printf(
                    Locale.ROOT,
                    format,
                    name,
                    r.setting(),
                    String.format(Locale.ROOT, "%.4f", r.holdOutAuc()),
                    String.format(Locale.ROOT, "%.4f", r.scores().auc()),
                    String.format(Locale.ROOT, "%.4f", r.scores().logLoss()),
                    String.format(Locale.ROOT, "%.4f", r.scores().rmse()),
                    r.scores().n()));
    out.println(
        "ours - baseline, paired bootstrap over test users ("
            + PairedBootstrap.REPLICATES
            + " replicates), 95% intervals:");
    String deltas = "%-" + width + "s  ΔAUC %s  Δlog loss %s%n";
    report
        .deltas()
        .forEach((name, d) -> out.printf(Locale.ROOT, deltas, name, d.auc(), d.logLoss()));
  }

  /** Reports skipped rows on stderr: each with file and line, at most 20, then a count. */
  static void malformed(PrintWriter err, List<MalformedRow> rows) {
    rows.stream().limit(20).forEach(row -> err.println("skipped " + row));
    if (rows.size() > 20) {
      err.println("... and " + (rows.size() - 20) + " more malformed rows");
    }
  }
}
