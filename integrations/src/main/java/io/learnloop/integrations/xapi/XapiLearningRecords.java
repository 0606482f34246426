package io.learnloop.integrations.xapi;

import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearningRecords;
import io.learnloop.dialog.learning.LessonViewed;
import io.learnloop.dialog.learning.RecordAnswer;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reports answers and lessons to an LRS: each becomes a statement, kept in the outbox on disk
 * before this returns, and sent by the {@link XapiSender} in the background.
 */
public final class XapiLearningRecords implements LearningRecords {

  private static final Logger log = LoggerFactory.getLogger(XapiLearningRecords.class);

  private final XapiStatements statements;
  private final Learners learners;
  private final Function<ItemId, Optional<Item>> items;
  private final FileXapiOutbox outbox;
  private final XapiSender sender;

  public XapiLearningRecords(
      XapiStatements statements,
      Learners learners,
      Function<ItemId, Optional<Item>> items,
      FileXapiOutbox outbox,
      XapiSender sender) {
    this.statements = Objects.requireNonNull(statements, "statements");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.items = Objects.requireNonNull(items, "items");
    this.outbox = Objects.requireNonNull(outbox, "outbox");
    this.sender = Objects.requireNonNull(sender, "sender");
  }

  @Override
  public void answered(RecordAnswer answer) {
    keep(
        "answer " + answer.answer().id(),
        () ->
            statements.answered(
                answer, items.apply(answer.answer().item()), learner(answer.answer().learner())));
  }

  @Override
  public void lessonViewed(LessonViewed lesson) {
    keep(
        "lesson " + lesson.source() + " for " + lesson.learner(),
        () -> statements.experienced(lesson, learner(lesson.learner())));
  }

  private void keep(String what, Supplier<XapiStatement> build) {
    XapiStatement statement;
    try {
      statement = build.get();
    } catch (RuntimeException e) {
      log.error("Could not build the xAPI statement of {}; it is not sent", what, e);
      return;
    }
    try {
      outbox.append(List.of(statement));
    } catch (RuntimeException e) {
      // The statement is in the log whole, so that it can be sent by hand.
      log.error(
          "Could not keep the xAPI statement of {} in {}; not sent: {}",
          what,
          outbox.file(),
          statement.json(),
          e);
      return;
    }
    sender.wake();
  }

  // The actor falls back to the learner id rather than losing the statement.
  private Optional<Learner> learner(LearnerId id) {
    try {
      return learners.find(id);
    } catch (RuntimeException e) {
      log.warn(
          "Could not read learner {} for xAPI; naming them by learner id: {}", id, e.toString());
      return Optional.empty();
    }
  }
}
