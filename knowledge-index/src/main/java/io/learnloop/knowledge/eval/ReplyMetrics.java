package io.learnloop.knowledge.eval;

import io.learnloop.knowledge.eval.FactCheck.Grade;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Accumulates how the replies a person reads do on one group of questions: on answerable questions
 * with facts, the share of each {@link Grade}; on unanswerable ones, how many were refused and how
 * many answered without a caveat; and the length of the replies that answered.
 */
final class ReplyMetrics {

  private final Map<Grade, Integer> grades = new EnumMap<>(Grade.class);
  private int graded;
  private int factsCaveated;
  private int unanswerable;
  private int unanswerableAbstained;
  private int unanswerableConfident;
  private final List<Integer> replyChars = new ArrayList<>();

  /**
   * @param caveated whether the reply said the docs may not answer exactly this
   */
  void addGraded(Grade grade, boolean caveated, int chars) {
    grades.merge(grade, 1, Integer::sum);
    factsCaveated += grade == Grade.ALL_FACTS && caveated ? 1 : 0;
    graded++;
    if (grade != Grade.ABSTAINED) {
      replyChars.add(chars);
    }
  }

  void addUnanswerable(boolean abstained, boolean unsure, int chars) {
    unanswerable++;
    if (abstained) {
      unanswerableAbstained++;
    } else {
      replyChars.add(chars);
      if (!unsure) {
        unanswerableConfident++;
      }
    }
  }

  int graded() {
    return graded;
  }

  double share(Grade grade) {
    return graded == 0 ? 0 : grades.getOrDefault(grade, 0) / (double) graded;
  }

  double medianReplyChars() {
    if (replyChars.isEmpty()) {
      return 0;
    }
    List<Integer> sorted = new ArrayList<>(replyChars);
    Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
  }

  Map<String, Object> summary() {
    Map<String, Object> values = new TreeMap<>();
    values.put("fact_recall", round(share(Grade.ALL_FACTS)));
    values.put("some_fact", round(share(Grade.ALL_FACTS) + share(Grade.SOME_FACTS)));
    values.put("confidently_wrong", round(share(Grade.CONFIDENTLY_WRONG)));
    values.put("no_fact_caveated", round(share(Grade.NO_FACT_CAVEATED)));
    values.put("abstained_on_answerable", round(share(Grade.ABSTAINED)));
    int allFacts = grades.getOrDefault(Grade.ALL_FACTS, 0);
    values.put("facts_caveated", round(allFacts == 0 ? 0 : factsCaveated / (double) allFacts));
    values.put("facts_graded", graded);
    values.put(
        "unanswerable_refused",
        round(unanswerable == 0 ? 0 : unanswerableAbstained / (double) unanswerable));
    values.put(
        "unanswerable_confident",
        round(unanswerable == 0 ? 0 : unanswerableConfident / (double) unanswerable));
    values.put("reply_chars_p50", round(medianReplyChars()));
    return values;
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
