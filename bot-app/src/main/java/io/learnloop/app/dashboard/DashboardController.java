package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.DashboardAccess;
import io.learnloop.dialog.dashboard.TeamDashboards;
import io.learnloop.dialog.dashboard.TeamPage;
import io.learnloop.dialog.dashboard.Viewer;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.roster.RosterEntry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
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
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The learning dashboard's pages. What a viewer may see is decided here, on the server, from the
 * roster ({@link DashboardAccess}); a page for someone else's team is refused with 403.
 */
@Controller
class DashboardController {

  private final Dashboard dashboard;
  private final DashboardAccess access;
  private final DashboardViewers viewers;
  private final Clock clock;

  DashboardController(
      Dashboard dashboard, DashboardAccess access, DashboardViewers viewers, Clock clock) {
    this.dashboard = dashboard;
    this.access = access;
    this.viewers = viewers;
    this.clock = clock;
  }

  @GetMapping("/dashboard")
  ModelAndView home(Authentication authentication, Locale locale) {
    Optional<Viewer> viewer = viewers.of(authentication);
    if (viewer.isEmpty()) {
      return notOnRoster();
    }
    List<String> teams = access.teams(viewer.get());
    String lang = lang(locale);
    if (teams.size() == 1) {
      return redirect("/dashboard/teams/" + teams.get(0), lang);
    }
    if (teams.isEmpty() && viewer.get() instanceof Viewer.Person person) {
      return redirect("/dashboard/learners/" + person.learner().value(), lang);
    }
    ModelAndView index = new ModelAndView("dashboard/index");
    index.addObject("teams", teams);
    index.addObject("lang", lang);
    if (viewer.get() instanceof Viewer.Person person) {
      index.addObject("self", person.learner().value());
    }
    return index;
  }

  @GetMapping("/dashboard/teams/{team}")
  ModelAndView team(@PathVariable String team, Authentication authentication, Locale locale) {
    Shown shown = teamFor(team, authentication, locale);
    if (shown.refusal() != null) {
      return shown.refusal();
    }
    ModelAndView view = new ModelAndView("dashboard/team");
    view.addObject("view", new PageView(shown.page(), locale));
    view.addObject("lang", lang(locale));
    return view;
  }

  @GetMapping("/dashboard/teams/{team}.csv")
  Object teamCsv(@PathVariable String team, Authentication authentication, Locale locale) {
    Shown shown = teamFor(team, authentication, locale);
    if (shown.refusal() != null) {
      return shown.refusal();
    }
    return ResponseEntity.ok()
        .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
        .header(
            HttpHeaders.CONTENT_DISPOSITION,
            ContentDisposition.attachment()
                .filename(team + "-mastery.csv", StandardCharsets.UTF_8)
                .build()
                .toString())
        .body(HeatmapCsv.of(shown.page()));
  }

  /** A team's page as the viewer may see it, or the page that refuses it. */
  private record Shown(TeamPage page, ModelAndView refusal) {}

  private Shown teamFor(String team, Authentication authentication, Locale locale) {
    Optional<Viewer> viewer = viewers.of(authentication);
    if (viewer.isEmpty()) {
      return new Shown(null, notOnRoster());
    }
    Optional<List<RosterEntry>> members = access.members(viewer.get(), team);
    if (members.isEmpty()) {
      return new Shown(null, refused(viewer.get(), locale));
    }
    if (dashboard.pages().isEmpty()) {
      return new Shown(null, unavailable(locale));
    }
    return new Shown(pages().team(team, members.get(), language(locale), clock.instant()), null);
  }

  @GetMapping("/dashboard/learners/{learner}")
  ModelAndView learner(@PathVariable String learner, Authentication authentication, Locale locale) {
    Optional<Viewer> viewer = viewers.of(authentication);
    if (viewer.isEmpty()) {
      return notOnRoster();
    }
    Optional<RosterEntry> person =
        learnerId(learner).flatMap(id -> access.learner(viewer.get(), id));
    if (person.isEmpty()) {
      return refused(viewer.get(), locale);
    }
    if (dashboard.pages().isEmpty()) {
      return unavailable(locale);
    }
    TeamPage page = pages().learner(person.get(), language(locale), clock.instant());
    ModelAndView view = new ModelAndView("dashboard/learner");
    view.addObject("view", new PageView(page, locale));
    view.addObject("person", person.get());
    view.addObject("lang", lang(locale));
    return view;
  }

  private static Optional<LearnerId> learnerId(String value) {
    try {
      return Optional.of(new LearnerId(value));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private TeamDashboards pages() {
    return dashboard.pages().orElseThrow();
  }

  // The admin may see every team: one that is not there is simply not found.
  static ModelAndView refused(Viewer viewer, Locale locale) {
    boolean admin = viewer instanceof Viewer.Admin;
    return admin
        ? message("notfound", HttpStatus.NOT_FOUND, locale)
        : message("forbidden", HttpStatus.FORBIDDEN, locale);
  }

  static ModelAndView unavailable(Locale locale) {
    return message("unavailable", HttpStatus.SERVICE_UNAVAILABLE, locale);
  }

  // A page that only says something: its title and text are the messages {key}.title and .body.
  static ModelAndView message(String key, HttpStatus status, Locale locale) {
    ModelAndView view = new ModelAndView("dashboard/message", status);
    view.addObject("titleKey", key + ".title");
    view.addObject("bodyKey", key + ".body");
    view.addObject("lang", lang(locale));
    return view;
  }

  // Signed in, but since removed from the roster.
  static ModelAndView notOnRoster() {
    return new ModelAndView("not-on-roster", HttpStatus.FORBIDDEN);
  }

  private static ModelAndView redirect(String path, String lang) {
    return new ModelAndView(
        "redirect:"
            + UriComponentsBuilder.fromPath(path)
                .queryParam("lang", lang)
                .encode()
                .build()
                .toUriString());
  }

  static Language language(Locale locale) {
    return Language.of(locale).orElse(Language.ENGLISH);
  }

  static String lang(Locale locale) {
    return language(locale) == Language.INDONESIAN ? "id" : "en";
  }
}
