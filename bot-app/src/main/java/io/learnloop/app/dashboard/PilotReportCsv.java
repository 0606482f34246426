package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.PilotReport;
import io.learnloop.dialog.dashboard.PilotReport.SkillProgress;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.OptionalDouble;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * The pilot report's figures as CSV (RFC 4180, UTF-8), one per row: what is measured, the skill it
 * is of (empty for the whole group) and its value, shares from 0 to 1.
 */
final class PilotReportCsv {

  private PilotReportCsv() {}

  static String of(PilotReport report) {
    StringWriter out = new StringWriter();
    try (CSVPrinter csv =
        CSVFormat.RFC4180.builder().setHeader("measure", "skill", "value").get().print(out)) {
      csv.printRecord("period_from", "", report.period().from());
      csv.printRecord("period_to", "", report.period().to());
      PilotReport.Participation people = report.participation();
      csv.printRecord("enrolled", "", people.enrolled());
      csv.printRecord("active_learners", "", people.active());
      csv.printRecord("active_share", "", decimal(people.activeShare()));
      csv.printRecord("answers", "", people.answers());
      csv.printRecord(
          "answers_per_active_learner_per_week", "", decimal(people.answersPerActivePerWeek()));
      for (SkillProgress skill : report.skills()) {
        String id = skill.id().value();
        csv.printRecord("learners", id, skill.learners());
        csv.printRecord("mastery_at_placement", id, decimal(skill.atPlacement().estimate()));
        csv.printRecord("mastery_at_placement_sd", id, decimal(skill.atPlacement().uncertainty()));
        csv.printRecord("mastery_at_end", id, decimal(skill.atEnd().estimate()));
        csv.printRecord("mastery_at_end_sd", id, decimal(skill.atEnd().uncertainty()));
        csv.printRecord("reached_target_at_placement", id, skill.reachedAtPlacement());
        csv.printRecord("reached_target_at_end", id, skill.reachedAtEnd());
      }
      csv.printRecord("reviews_due", "", report.reviews().due());
      csv.printRecord("reviews_on_time", "", report.reviews().onTime());
      csv.printRecord("reviews_on_time_share", "", decimal(report.reviews().share()));
      csv.printRecord("review_tolerance_hours", "", report.reviews().tolerance().toHours());
      csv.printRecord("questions_skipped_as_mastered", "", report.timeAvoided().skipped());
      csv.printRecord("questions_one_size_fits_all", "", report.timeAvoided().oneSizeFitsAll());
      csv.printRecord(
          "minutes_per_question", "", decimal(report.timeAvoided().minutesPerQuestion()));
      csv.printRecord("minutes_avoided", "", decimal(report.timeAvoided().minutes()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static String decimal(OptionalDouble value) {
    return value.isPresent() ? decimal(value.getAsDouble()) : "";
  }

  private static String decimal(double value) {
    return String.format(Locale.ROOT, "%.3f", value);
  }
}
