package io.learnloop.app.roster;

import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.roster.ImportRoster;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterImported;
import io.learnloop.dialog.roster.RosterProblem;
import io.learnloop.dialog.schedule.QuizCalendar;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisRoster;
import io.learnloop.integrations.roster.CsvRosterFile;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The organisation's roster: kept in Redis, imported from the HR export at start. */
@Configuration(proxyBeanMethods = false)
class RosterConfiguration {

  private static final Logger log = LoggerFactory.getLogger(RosterConfiguration.class);

  @Bean
  Roster roster(RedisConnector redis) {
    return new RedisRoster(redis);
  }

  @Bean
  RosterImports rosterImports(
      RosterSettings settings,
      LearningContent content,
      Learners learners,
      Roster roster,
      QuizCalendar calendar,
      Clock clock,
      @Value("${learnloop.learners.default-role:}") String defaultRole,
      @Value("${learnloop.learners.default-timezone:UTC}") String defaultTimezone) {
    Path file = settings.configured().orElseGet(() -> content.folder().resolve(CsvRosterFile.FILE));
    Optional<ImportRoster> importer =
        content
            .catalog()
            .filter(c -> !c.roles().isEmpty())
            .map(
                catalog ->
                    new ImportRoster(
                        catalog,
                        learners,
                        roster,
                        new ImportRoster.Defaults(
                            defaultRole(catalog, defaultRole),
                            ZoneId.of(defaultTimezone),
                            Language.ENGLISH),
                        learner -> RosterImports.planQuiz(calendar, learner, clock)));
    return new RosterImports(file, importer);
  }

  /** Imports once the application is ready; a roster that cannot be read leaves the last one. */
  @Bean
  ApplicationListener<ApplicationReadyEvent> importRosterAtStart(RosterImports imports) {
    return event -> imports.importIfPresent().ifPresent(RosterConfiguration::report);
  }

  // The same default as the chat's enrolment: the configured role, else the catalog's first.
  static RoleId defaultRole(Catalog catalog, String configured) {
    return configured.isBlank() ? catalog.roles().iterator().next().id() : new RoleId(configured);
  }

  private static void report(RosterImported result) {
    log.info(
        "Imported the roster {}: {} of {} people, {} rows rejected, {} problems",
        result.file(),
        result.imported(),
        result.rows(),
        result.rejected(),
        result.problems().size());
    for (RosterProblem problem : result.problems()) {
      log.warn("{}{}", problem, problem.rejected() ? " (row not imported)" : "");
    }
  }
}
