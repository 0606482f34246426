package io.learnloop.dialog.coaching;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.roster.RosterEntry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.UUID;

/** Roster entries and answers for coaching tests and benchmarks. */
public final class CoachingTestData {

  private CoachingTestData() {}

  public static RosterEntry person(String id, String name, RoleId role, String manager) {
    return new RosterEntry(
        new LearnerId(id),
        name,
        role,
        Optional.empty(),
        "team",
        Optional.ofNullable(manager).map(LearnerId::new),
        false);
  }

  /** Records one answer to a catalog item at {@code at}. */
  public static void answer(
      AnswerLog answers,
      Catalog catalog,
      LearnerId learner,
      String item,
      boolean right,
      Instant at) {
    ItemId id = new ItemId(item);
    answers.record(
        new RecordAnswer(
            new AnswerEvent(
                new AnswerId(UUID.randomUUID().toString()),
                learner,
                id,
                right ? 0 : 1,
                right,
                Duration.ofSeconds(12),
                at,
                AnswerContext.DAILY),
            catalog.item(id).orElseThrow().skills(),
            "",
            ZoneId.of("Asia/Jakarta")));
  }
}
