package io.learnloop.integrations.xapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One line of the outbox: a statement to send ({@code type} {@code statement}); a statement held
 * back until its answer is known to be recorded ({@code held}, with the answer and learner ids);
 * the mark that a held one may be sent ({@code released}); or the mark that the LRS has it, or that
 * it was set aside or dropped ({@code sent}, only the id).
 *
 * @param reason in the dead-letter file, why the LRS refused the statement
 * @param answer for a held statement, the answer it reports
 * @param learner for a held statement, whose answer it is
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OutboxEntry(
    String type, String id, ObjectNode statement, String reason, String answer, String learner) {

  static final String STATEMENT = "statement";
  static final String HELD = "held";
  static final String RELEASED = "released";
  static final String SENT = "sent";

  OutboxEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if ((type.equals(STATEMENT) || type.equals(HELD)) && statement == null) {
      throw new IllegalArgumentException("statement " + id + " has no body");
    }
    if (type.equals(HELD) && (answer == null || learner == null)) {
      throw new IllegalArgumentException("held statement " + id + " names no answer");
    }
    if (!type.equals(STATEMENT)
        && !type.equals(HELD)
        && !type.equals(RELEASED)
        && !type.equals(SENT)) {
      throw new IllegalArgumentException("unknown record type '" + type + "'");
    }
  }

  static OutboxEntry of(XapiStatement statement) {
    return new OutboxEntry(STATEMENT, statement.id(), statement.json(), null, null, null);
  }

  static OutboxEntry held(XapiStatement statement, HeldAnswer answer) {
    return new OutboxEntry(
        HELD, statement.id(), statement.json(), null, answer.answer(), answer.learner());
  }

  static OutboxEntry released(String id) {
    return new OutboxEntry(RELEASED, id, null, null, null, null);
  }

  static OutboxEntry sent(String id) {
    return new OutboxEntry(SENT, id, null, null, null, null);
  }

  static OutboxEntry refused(XapiStatement statement, String reason) {
    return new OutboxEntry(STATEMENT, statement.id(), statement.json(), reason, null, null);
  }

  boolean isStatement() {
    return type.equals(STATEMENT) || type.equals(HELD);
  }

  @Override
  public String toString() {
    return type + " " + id;
  }
}
