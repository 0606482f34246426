package io.learnloop.integrations.xapi;

import java.util.Objects;

/**
 * The answer a held statement reports, by the ids the answer store knows it by: whether the store
 * recorded it decides, at the next start, whether the statement is sent.
 */
record HeldAnswer(String answer, String learner) {

  HeldAnswer {
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(learner, "learner");
  }
}
