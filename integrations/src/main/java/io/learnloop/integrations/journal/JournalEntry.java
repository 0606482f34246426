package io.learnloop.integrations.journal;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * One line of the journal: an answer kept ({@code type} {@code answer}, every field set) or the
 * mark that it was stored ({@code type} {@code stored}, only the id). Times and durations are ISO
 * 8601 text so that nanoseconds survive.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record JournalEntry(
    String type,
    String id,
    String learner,
    String item,
    Integer choice,
    Boolean correct,
    String responseTime,
    String at,
    String context,
    List<String> skills,
    String team,
    String zone) {

  static final String ANSWER = "answer";
  static final String STORED = "stored";

  JournalEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (!type.equals(ANSWER) && !type.equals(STORED)) {
      throw new IllegalArgumentException("unknown record type '" + type + "'");
    }
  }

  static JournalEntry of(RecordAnswer kept) {
    AnswerEvent a = kept.answer();
    return new JournalEntry(
        ANSWER,
        a.id().value(),
        a.learner().value(),
        a.item().value(),
        a.choice(),
        a.correct(),
        a.responseTime().toString(),
        a.at().toString(),
        a.context().name(),
        kept.skills().stream().map(SkillId::value).sorted().collect(Collectors.toList()),
        kept.team(),
        kept.zone().getId());
  }

  static JournalEntry stored(AnswerId id) {
    return new JournalEntry(
        STORED, id.value(), null, null, null, null, null, null, null, null, null, null);
  }

  boolean isAnswer() {
    return type.equals(ANSWER);
  }

  AnswerId answerId() {
    return new AnswerId(id);
  }

  /**
   * @throws RuntimeException naming the field when one is missing or invalid
   */
  RecordAnswer toAnswer() {
    return new RecordAnswer(
        new AnswerEvent(
            answerId(),
            new LearnerId(required(learner, "learner")),
            new ItemId(required(item, "item")),
            required(choice, "choice"),
            required(correct, "correct"),
            Duration.parse(required(responseTime, "responseTime")),
            Instant.parse(required(at, "at")),
            AnswerContext.valueOf(required(context, "context"))),
        required(skills, "skills").stream().map(SkillId::new).collect(Collectors.toSet()),
        required(team, "team"),
        ZoneId.of(required(zone, "zone")));
  }

  private static <T> T required(T value, String field) {
    if (value == null) {
      throw new IllegalArgumentException("'" + field + "' is missing");
    }
    return value;
  }
}
