package io.learnloop.integrations.xapi;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One line of the outbox: a statement to send ({@code type} {@code statement}) or the mark that the
 * LRS has it, or that it was set aside ({@code type} {@code sent}, only the id).
 *
 * @param reason in the dead-letter file, why the LRS refused the statement
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record OutboxEntry(String type, String id, ObjectNode statement, String reason) {

  static final String STATEMENT = "statement";
  static final String SENT = "sent";

  OutboxEntry {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (type.equals(STATEMENT) && statement == null) {
      throw new IllegalArgumentException("statement " + id + " has no body");
    }
    if (!type.equals(STATEMENT) && !type.equals(SENT)) {
      throw new IllegalArgumentException("unknown record type '" + type + "'");
    }
  }

  static OutboxEntry of(XapiStatement statement) {
    return new OutboxEntry(STATEMENT, statement.id(), statement.json(), null);
  }

  static OutboxEntry sent(String id) {
    return new OutboxEntry(SENT, id, null, null);
  }

  static OutboxEntry refused(XapiStatement statement, String reason) {
    return new OutboxEntry(STATEMENT, statement.id(), statement.json(), reason);
  }

  boolean isStatement() {
    return type.equals(STATEMENT);
  }

  @Override
  public String toString() {
    return type + " " + id;
  }
}
