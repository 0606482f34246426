package io.learnloop.app.roster;

import io.learnloop.dialog.conversation.DailyQuiz;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.roster.ImportRoster;
import io.learnloop.dialog.roster.RosterImported;
import io.learnloop.dialog.schedule.QuizCalendar;
import io.learnloop.integrations.roster.CsvRosterFile;
import io.learnloop.integrations.roster.RosterFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Imports the roster file into the learners and the roster, when there is one. */
public final class RosterImports {

  private static final Logger log = LoggerFactory.getLogger(RosterImports.class);

  private final Path file;
  private final Optional<ImportRoster> importer;

  RosterImports(Path file, Optional<ImportRoster> importer) {
    this.file = file;
    this.importer = importer;
  }

  /**
   * @return what the import did; empty when there is no roster file, no content to check it
   *     against, or the file or the stores could not be read (logged)
   */
  public Optional<RosterImported> importIfPresent() {
    if (!Files.isRegularFile(file)) {
      return Optional.empty();
    }
    if (importer.isEmpty()) {
      log.warn("Roster {} not imported: there are no roles to check it against", file);
      return Optional.empty();
    }
    CsvRosterFile csv = new CsvRosterFile(file);
    try {
      return Optional.of(importer.get().run(csv.name(), csv.rows()));
    } catch (RosterFileException e) {
      log.error("Roster not imported, the last one stays: {}", e.getMessage());
    } catch (RuntimeException e) {
      log.error("Roster {} not imported, the last one stays: {}", file, e.getMessage());
    }
    return Optional.empty();
  }

  // A calendar outage must not stop the import of the people after this one.
  static void planQuiz(QuizCalendar calendar, Learner learner, Clock clock) {
    try {
      DailyQuiz.plan(calendar, learner, clock.instant());
    } catch (RuntimeException e) {
      log.warn("First daily quiz of {} not planned: {}", learner.id(), e.getMessage());
    }
  }
}
