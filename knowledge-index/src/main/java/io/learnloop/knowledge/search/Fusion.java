package io.learnloop.knowledge.search;

/**
 * How keyword and vector rankings become one.
 *
 * <p>{@link #BLEND}: scores min-max normalised over each list's candidates, then {@code weight *
 * keyword + (1 - weight) * vector}. {@link #RRF}: reciprocal rank fusion, {@code 1/(60 + rank)} per
 * list. docs/EVALUATION.md compares them.
 */
public record Fusion(Method method, double keywordWeight) {

  /** The fusion methods. */
  public enum Method {
    BLEND,
    RRF
  }

  public static final int RRF_K = 60;

  public Fusion {
    if (keywordWeight < 0 || keywordWeight > 1) {
      throw new IllegalArgumentException("keywordWeight must be in [0, 1]");
    }
  }

  public static Fusion blend(double keywordWeight) {
    return new Fusion(Method.BLEND, keywordWeight);
  }

  /** The default, chosen by measurement: docs/EVALUATION.md. */
  public static Fusion standard() {
    return blend(0.3);
  }

  public static Fusion rrf() {
    return new Fusion(Method.RRF, 0.5);
  }
}
