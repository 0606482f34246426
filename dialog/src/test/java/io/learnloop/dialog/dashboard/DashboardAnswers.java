package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.roster.RosterEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** Answers of people on the roster, as the quiz records them, for the dashboard's tests. */
final class DashboardAnswers {

  private DashboardAnswers() {}

  /** The item's first choice is its right one in the test catalogs. */
  static RecordAnswer answer(
      Catalog catalog,
      String id,
      RosterEntry who,
      String item,
      boolean correct,
      Instant at,
      AnswerContext context) {
    ItemId itemId = new ItemId(item);
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId(id),
            who.learner(),
            itemId,
            correct ? 0 : 1,
            correct,
            Duration.ofSeconds(10),
            at,
            context),
        catalog.item(itemId).orElseThrow().skills(),
        who.team(),
        ZoneId.of("Asia/Jakarta"));
  }
}
