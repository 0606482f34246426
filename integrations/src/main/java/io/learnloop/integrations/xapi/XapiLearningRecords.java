package io.learnloop.integrations.xapi;

import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.learning.AnswerLog;
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
    // Held before the store wrote it: sent as it was kept, with no second read of the learner.
    if (outbox.releaseHeld(XapiStatements.answerStatementId(answer.answer().id()))) {
      sender.wake();
      return;
    }
    keep("answer " + answer.answer().id(), () -> statement(answer));
  }

  /**
   * Holds the answer's statement in the outbox, fsync'd, before the store records the answer: a
   * stop right after the store's write then loses nothing ({@link #resolveEarlierRun}).
   */
  @Override
  public void answering(RecordAnswer answer) {
    XapiStatement statement;
    try {
      statement = statement(answer);
    } catch (RuntimeException e) {
      log.error("Could not build the xAPI statement of answer {}", answer.answer().id(), e);
      return;
    }
    try {
      outbox.hold(
          statement,
          new HeldAnswer(answer.answer().id().value(), answer.answer().learner().value()));
    } catch (RuntimeException e) {
      // answered() keeps it again once the answer is recorded.
      log.warn(
          "Could not hold the xAPI statement of answer {}: {}", answer.answer().id(), e.toString());
    }
  }

  @Override
  public void notRecorded(RecordAnswer answer) {
    outbox.drop(XapiStatements.answerStatementId(answer.answer().id()));
  }

  /**
   * Sends or forgets what an earlier run held and never resolved: the statement of an answer the
   * store has is sent; that of one it does not have is dropped (an answer the earlier run kept in
   * its journal is recorded, and so reported again, by the answer recorder).
   *
   * @return how many are still held because the store could not be asked; they are resolved at the
   *     next start, or when the journal's answer is reported
   */
  public int resolveEarlierRun(AnswerLog answers) {
    int unresolved = 0;
    for (var held : outbox.heldByEarlierRun().entrySet()) {
      try {
        boolean recorded =
            answers.answers(new LearnerId(held.getValue().learner())).stream()
                .anyMatch(e -> e.id().value().equals(held.getValue().answer()));
        if (recorded) {
          outbox.releaseHeld(held.getKey());
        } else {
          outbox.drop(held.getKey());
        }
      } catch (RuntimeException e) {
        unresolved++;
      }
    }
    if (unresolved > 0) {
      log.warn("{} held xAPI statements wait for the answer store to be asked again", unresolved);
    }
    sender.wake();
    return unresolved;
  }

  private XapiStatement statement(RecordAnswer answer) {
    return statements.answered(
        answer, items.apply(answer.answer().item()), learner(answer.answer().learner()));
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
