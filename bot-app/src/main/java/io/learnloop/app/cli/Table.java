package io.learnloop.app.cli;

import io.learnloop.dialog.learning.evaluation.MalformedRow;
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

  /** Reports skipped rows on stderr: each with file and line, at most 20, then a count. */
  static void malformed(PrintWriter err, List<MalformedRow> rows) {
    rows.stream().limit(20).forEach(row -> err.println("skipped " + row));
    if (rows.size() > 20) {
      err.println("... and " + (rows.size() - 20) + " more malformed rows");
    }
  }
}
