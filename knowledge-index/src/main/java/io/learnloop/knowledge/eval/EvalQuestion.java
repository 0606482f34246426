package io.learnloop.knowledge.eval;

import java.util.List;
import java.util.Objects;

/**
 * One line of an evaluation file.
 *
 * @param expected sources (relative to the docs root) that answer it; empty when the docs do not
 * @param facts what a reply must hold to answer it: each fact is a list of alternative strings, one
 *     of which must appear in the reply; empty when the question is graded on retrieval only
 */
public record EvalQuestion(
    String id,
    String question,
    List<String> expected,
    String kind,
    String lang,
    List<List<String>> facts) {

  public EvalQuestion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(question, "question");
    expected = List.copyOf(expected);
    kind = kind == null || kind.isBlank() ? "unlabelled" : kind;
    lang = lang == null || lang.isBlank() ? "en" : lang;
    facts = facts.stream().map(List::copyOf).toList();
    for (List<String> fact : facts) {
      if (fact.isEmpty() || fact.stream().anyMatch(String::isBlank)) {
        throw new IllegalArgumentException("each fact needs at least one non-blank alternative");
      }
    }
  }

  public EvalQuestion(String id, String question, List<String> expected, String kind, String lang) {
    this(id, question, expected, kind, lang, List.of());
  }

  public boolean answerable() {
    return !expected.isEmpty();
  }

  /** The same question with its facts replaced. */
  public EvalQuestion withFacts(List<List<String>> newFacts) {
    return new EvalQuestion(id, question, expected, kind, lang, newFacts);
  }
}
