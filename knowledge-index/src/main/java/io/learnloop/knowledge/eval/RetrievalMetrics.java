package io.learnloop.knowledge.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Accumulates the evaluation's metrics for one retrieval method over a set of questions. */
final class RetrievalMetrics {

  private int answerable;
  private double hitsAt1;
  private double hitsAt5;
  private double reciprocalRanks;
  private double ndcg;
  private int unanswerable;
  private int abstained;
  private int abstainedCorrectly;
  private int answeredAnswerable;
  private final List<Double> latenciesMs = new ArrayList<>();

  /**
   * @param ranked sources in rank order (at least the top 10)
   */
  void add(List<String> expected, List<String> ranked, boolean abstain, double latencyMs) {
    latenciesMs.add(latencyMs);
    if (abstain) {
      abstained++;
    }
    if (expected.isEmpty()) {
      unanswerable++;
      if (abstain) {
        abstainedCorrectly++;
      }
      return;
    }
    answerable++;
    if (!abstain) {
      answeredAnswerable++;
    }
    int first = -1;
    double dcg = 0;
    for (int rank = 1; rank <= Math.min(10, ranked.size()); rank++) {
      if (expected.contains(ranked.get(rank - 1))) {
        if (first < 0) {
          first = rank;
        }
        dcg += 1 / log2(rank + 1);
      }
    }
    double ideal = 0;
    for (int rank = 1; rank <= Math.min(10, expected.size()); rank++) {
      ideal += 1 / log2(rank + 1);
    }
    hitsAt1 += first == 1 ? 1 : 0;
    hitsAt5 += first >= 1 && first <= 5 ? 1 : 0;
    reciprocalRanks += first >= 1 ? 1.0 / first : 0;
    ndcg += dcg / ideal;
  }

  Map<String, Object> summary() {
    Map<String, Object> values = new TreeMap<>();
    values.put("recall_at_1", round(ratio(hitsAt1, answerable)));
    values.put("recall_at_5", round(ratio(hitsAt5, answerable)));
    values.put("mrr_at_10", round(ratio(reciprocalRanks, answerable)));
    values.put("ndcg_at_10", round(ratio(ndcg, answerable)));
    values.put("abstain_precision", round(ratio(abstainedCorrectly, abstained)));
    values.put("abstain_recall", round(ratio(abstainedCorrectly, unanswerable)));
    values.put("p50_ms", round(percentile(50)));
    values.put("p95_ms", round(percentile(95)));
    return values;
  }

  int answerable() {
    return answerable;
  }

  int unanswerable() {
    return unanswerable;
  }

  /** Share of answerable questions that were answered rather than abstained on. */
  double answerRate() {
    return ratio(answeredAnswerable, answerable);
  }

  private double percentile(int p) {
    if (latenciesMs.isEmpty()) {
      return 0;
    }
    List<Double> sorted = new ArrayList<>(latenciesMs);
    Collections.sort(sorted);
    int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
    return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
  }

  private static double ratio(double part, double whole) {
    return whole == 0 ? 0 : part / whole;
  }

  private static double log2(double x) {
    return Math.log(x) / Math.log(2);
  }

  private static double round(double x) {
    return Math.round(x * 10000) / 10000.0;
  }
}
