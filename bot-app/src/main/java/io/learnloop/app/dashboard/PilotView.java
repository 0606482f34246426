package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.PilotReport;
import io.learnloop.dialog.learning.policy.SkillMastery;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.OptionalDouble;
import org.springframework.web.util.UriComponentsBuilder;

/** What the pilot report's template shows: its figures written out in the page's language. */
final class PilotView {

  private final PilotReport report;
  private final String team;
  private final Locale locale;

  PilotView(PilotReport report, String team, Locale locale) {
    this.report = report;
    this.team = team;
    this.locale =
        DashboardController.lang(locale).equals("id")
            ? Locale.forLanguageTag("id")
            : Locale.ENGLISH;
  }

  public PilotReport getReport() {
    return report;
  }

  /** The team the report is limited to; empty for everyone the viewer may see. */
  public String getTeam() {
    return team;
  }

  public String date(LocalDate day) {
    return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(day);
  }

  public String percent(OptionalDouble share) {
    return share.isPresent() ? percent(share.getAsDouble()) : "–";
  }

  public String percent(double share) {
    return Math.round(share * 100) + "%";
  }

  public String decimal(OptionalDouble value) {
    return value.isPresent() ? decimal(value.getAsDouble()) : "–";
  }

  public String decimal(double value) {
    return String.format(locale, "%.1f", value);
  }

  /** An estimate as the heatmap writes it: "62% ± 4%". */
  public String mastery(SkillMastery mastery) {
    return percent(mastery.estimate()) + " ± " + percent(mastery.uncertainty());
  }

  /** A change in points of mastery, signed: "+12". */
  public String change(double change) {
    long points = Math.round(change * 100);
    return (points > 0 ? "+" : "") + points;
  }

  public String hours(double minutes) {
    return amount(minutes / 60);
  }

  /** A quantity with one decimal where it has one: "3", "2.5". */
  public String amount(double value) {
    return value == Math.rint(value) ? String.format(locale, "%.0f", value) : decimal(value);
  }

  /** The same report as CSV: the same period and team. */
  public String csvPath(String lang) {
    return path("/dashboard/pilot.csv", lang);
  }

  /** The same report in {@code lang}: switching language keeps the period and the team. */
  public String pagePath(String lang) {
    return path("/dashboard/pilot", lang);
  }

  private String path(String base, String lang) {
    UriComponentsBuilder path =
        UriComponentsBuilder.fromPath(base)
            .queryParam("from", report.period().from())
            .queryParam("to", report.period().to());
    if (!team.isEmpty()) {
      path.queryParam("team", team);
    }
    return path.queryParam("lang", lang).encode().build().toUriString();
  }
}
