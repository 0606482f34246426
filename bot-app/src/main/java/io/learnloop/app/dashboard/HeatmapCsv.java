package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.TeamPage;
import io.learnloop.dialog.dashboard.TeamPage.Cell;
import io.learnloop.dialog.dashboard.TeamPage.HeatmapRow;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The heatmap as CSV (RFC 4180, UTF-8): one row per learner, the learner model's estimate per skill
 * as a share from 0 to 1 with its uncertainty, empty where the learner has nothing on the skill.
 */
final class HeatmapCsv {

  private HeatmapCsv() {}

  static String of(TeamPage page) {
    List<String> header = new ArrayList<>(List.of("name", "learner"));
    page.skills()
        .forEach(
            skill -> {
              header.add(skill.name());
              header.add(skill.name() + " ±");
            });
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        CSVFormat.RFC4180.builder().setHeader(header.toArray(String[]::new)).get().print(out)) {
      for (HeatmapRow row : page.rows()) {
        List<String> record = new ArrayList<>(List.of(row.name(), row.learner().value()));
        for (Cell cell : row.cells()) {
          record.add(cell.mastery().map(m -> decimal(m.estimate())).orElse(""));
          record.add(cell.mastery().map(m -> decimal(m.uncertainty())).orElse(""));
        }
        csv.printRecord(record);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.2f", value);
  }
}
