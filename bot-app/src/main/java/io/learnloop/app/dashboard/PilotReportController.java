package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.DashboardAccess;
import io.learnloop.dialog.dashboard.PilotPeriod;
import io.learnloop.dialog.dashboard.PilotReport;
import io.learnloop.dialog.dashboard.Viewer;
import io.learnloop.dialog.roster.RosterEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.ModelAndView;

/**
 * The printable pilot report, for a period (the last eight weeks unless {@code from} and {@code to}
 * say otherwise) and for everyone the viewer may see, or one of their teams. The same access rules
 * as the team pages: a manager sees their own reports, the admin everyone.
 */
@Controller
class PilotReportController {

  private final Dashboard dashboard;
  private final DashboardAccess access;
  private final DashboardViewers viewers;
  private final Clock clock;

  PilotReportController(
      Dashboard dashboard, DashboardAccess access, DashboardViewers viewers, Clock clock) {
    this.dashboard = dashboard;
    this.access = access;
    this.viewers = viewers;
    this.clock = clock;
  }

  @GetMapping("/dashboard/pilot")
  ModelAndView page(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String team,
      Authentication authentication,
      Locale locale) {
    Shown shown = reportFor(from, to, team, authentication, locale);
    if (shown.refusal() != null) {
      return shown.refusal();
    }
    PilotView pilot = new PilotView(shown.report(), team == null ? "" : team, locale);
    String lang = DashboardController.lang(locale);
    ModelAndView view = new ModelAndView("dashboard/pilot");
    view.addObject("view", pilot);
    view.addObject("lang", lang);
    view.addObject("otherLanguage", pilot.pagePath(lang.equals("id") ? "en" : "id"));
    return view;
  }

  @GetMapping("/dashboard/pilot.csv")
  Object csv(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String team,
      Authentication authentication,
      Locale locale) {
    Shown shown = reportFor(from, to, team, authentication, locale);
    if (shown.refusal() != null) {
      return shown.refusal();
    }
    PilotPeriod period = shown.report().period();
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(
                    "pilot-" + period.from() + "-" + period.to() + ".csv", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(PilotReportCsv.of(shown.report()));
  }

  /** The report as the viewer may see it, or the page that refuses it. */
  private record Shown(PilotReport report, ModelAndView refusal) {}

  private Shown reportFor(
      String from, String to, String team, Authentication authentication, Locale locale) {
    Optional<Viewer> viewer = viewers.of(authentication);
    if (viewer.isEmpty()) {
      return new Shown(null, DashboardController.notOnRoster());
    }
    Optional<PilotPeriod> period = period(from, to);
    if (period.isEmpty()) {
      return new Shown(
          null, DashboardController.message("badperiod", HttpStatus.BAD_REQUEST, locale));
    }
    Optional<List<RosterEntry>> people =
        team == null || team.isBlank()
            ? Optional.of(access.people(viewer.get())).filter(p -> !p.isEmpty())
            : access.members(viewer.get(), team);
    if (people.isEmpty()) {
      return new Shown(null, DashboardController.refused(viewer.get(), locale));
    }
    if (dashboard.pilot().isEmpty()) {
      return new Shown(null, DashboardController.unavailable(locale));
    }
    return new Shown(
        dashboard
            .pilot()
            .get()
            .report(people.get(), period.get(), DashboardController.language(locale)),
        null);
  }

  // Either date may be left out: the period then ends today, or lasts the default eight weeks.
  private Optional<PilotPeriod> period(String from, String to) {
    try {
      LocalDate end =
          blank(to) ? LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC) : LocalDate.parse(to);
      LocalDate start = blank(from) ? PilotPeriod.lastWeeks(end).from() : LocalDate.parse(from);
      return Optional.of(new PilotPeriod(start, end));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
