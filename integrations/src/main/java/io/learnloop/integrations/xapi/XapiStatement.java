package io.learnloop.integrations.xapi;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Objects;

/**
 * One xAPI 1.0.3 statement as it is sent, with its id (a UUID, the same on every resend).
 *
 * @param json the statement object; never modified once built
 */
public record XapiStatement(String id, ObjectNode json) {

  public XapiStatement {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(json, "json");
    if (!json.path("id").asText().equals(id)) {
      throw new IllegalArgumentException("statement " + id + " carries another id");
    }
  }

  static XapiStatement of(ObjectNode json) {
    return new XapiStatement(json.path("id").asText(), json);
  }
}
