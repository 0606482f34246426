package io.learnloop.knowledge.eval;

import java.util.List;
import java.util.Locale;

/**
 * Whether a reply holds the facts a question needs: a fact is held when the reply, lower-cased with
 * whitespace collapsed, contains one of its alternatives treated the same way.
 */
public final class FactCheck {

  private FactCheck() {}

  /** How a reply a person reads answers an answerable question with known facts. */
  public enum Grade {
    /** Every fact is in the reply and it did not abstain. */
    ALL_FACTS,
    /** Some but not all facts. */
    SOME_FACTS,
    /** None of the facts, but the reply says it is unsure. */
    NO_FACT_CAVEATED,
    /** None of the facts and no caveat. */
    CONFIDENTLY_WRONG,
    /** The reply says the docs do not answer. */
    ABSTAINED
  }

  public static String normalised(String text) {
    return text.toLowerCase(Locale.ROOT).replaceAll("\\s+", " ").strip();
  }

  public static boolean holds(String reply, List<String> alternatives) {
    String haystack = normalised(reply);
    return alternatives.stream().anyMatch(alt -> haystack.contains(normalised(alt)));
  }

  public static long held(String reply, List<List<String>> facts) {
    return facts.stream().filter(fact -> holds(reply, fact)).count();
  }

  /**
   * @param facts not empty
   */
  public static Grade grade(
      String reply, boolean abstained, boolean caveated, List<List<String>> facts) {
    if (facts.isEmpty()) {
      throw new IllegalArgumentException("a question without facts cannot be graded");
    }
    if (abstained) {
      return Grade.ABSTAINED;
    }
    long held = held(reply, facts);
    if (held == facts.size()) {
      return Grade.ALL_FACTS;
    }
    if (held > 0) {
      return Grade.SOME_FACTS;
    }
    return caveated ? Grade.NO_FACT_CAVEATED : Grade.CONFIDENTLY_WRONG;
  }
}
