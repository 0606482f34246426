package io.learnloop.knowledge.eval;

import io.learnloop.knowledge.search.AbstentionModel.Verdict;
import java.io.PrintStream;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * How often each verdict of the abstention model is reached on answerable and on unanswerable
 * questions.
 */
final class VerdictTable {

  private final Map<Verdict, int[]> counts = new EnumMap<>(Verdict.class);
  private final int[] totals = new int[2];

  VerdictTable() {
    for (Verdict verdict : Verdict.values()) {
      counts.put(verdict, new int[2]);
    }
  }

  void add(Verdict verdict, boolean answerable) {
    int column = answerable ? 0 : 1;
    counts.get(verdict)[column]++;
    totals[column]++;
  }

  double share(Verdict verdict, boolean answerable) {
    int column = answerable ? 0 : 1;
    return counts.get(verdict)[column] / (double) Math.max(1, totals[column]);
  }

  void print(PrintStream out) {
    out.printf(Locale.ROOT, "%-14s %10s %12s%n", "verdict", "answerable", "unanswerable");
    for (Verdict verdict : Verdict.values()) {
      out.printf(
          Locale.ROOT,
          "%-14s %10.3f %12.3f%n",
          verdict.name().toLowerCase(Locale.ROOT),
          share(verdict, true),
          share(verdict, false));
    }
  }
}
