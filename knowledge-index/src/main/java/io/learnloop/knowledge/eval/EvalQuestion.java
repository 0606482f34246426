package io.learnloop.knowledge.eval;

import java.util.List;
import java.util.Objects;

/**
 * One line of an evaluation file.
 *
 * @param expected sources (relative to the docs root) that answer it; empty when the docs do not
 */
public record EvalQuestion(
    String id, String question, List<String> expected, String kind, String lang) {

  public EvalQuestion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    expected = List.copyOf(expected);
    kind = kind == null || kind.isBlank() ? "unlabelled" : kind;
    lang = lang == null || lang.isBlank() ? "en" : lang;
  }

  public boolean answerable() {
    return !expected.isEmpty();
  }
}
