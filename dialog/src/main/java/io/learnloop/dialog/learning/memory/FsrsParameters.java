package io.learnloop.dialog.learning.memory;

import java.util.Arrays;

/**
 * The 21 weights of FSRS-6, checked against the bounds py-fsrs enforces. {@link #DEFAULT} are
 * FSRS-6's defaults, fitted on the 10k-user Anki benchmark; {@link FsrsOptimizer} fits them to an
 * organisation's own reviews.
 */
public record FsrsParameters(double[] w) {

  public static final int COUNT = 21;

  static final double STABILITY_MIN = 0.001;

  static final double[] LOWER = {
    STABILITY_MIN,
    STABILITY_MIN,
    STABILITY_MIN,
    STABILITY_MIN,
    1.0,
    0.001,
    0.001,
    0.001,
    0.0,
    0.0,
    0.001,
    0.001,
    0.001,
    0.001,
    0.0,
    0.0,
    1.0,
    0.0,
    0.0,
    0.0,
    0.1
  };

  static final double[] UPPER = {
    100.0, 100.0, 100.0, 100.0, 10.0, 4.0, 4.0, 0.75, 4.5, 0.8, 3.5, 5.0, 0.25, 0.9, 4.0, 1.0, 6.0,
    2.0, 2.0, 0.8, 0.8
  };

  // Declared after the bounds it is checked against.
  public static final FsrsParameters DEFAULT =
      new FsrsParameters(
          new double[] {
            0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
            1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542
          });

  /**
   * @throws IllegalArgumentException when there are not 21 weights or one is out of its bounds
   */
  public FsrsParameters {
    if (w.length != COUNT) {
      throw new IllegalArgumentException("FSRS-6 has 21 parameters but got " + w.length);
    }
    w = w.clone();
    for (int i = 0; i < COUNT; i++) {
      if (!(w[i] >= LOWER[i] && w[i] <= UPPER[i])) {
        throw new IllegalArgumentException(
            "parameter w["
                + i
                + "] = "
                + w[i]
                + " is outside ["
                + LOWER[i]
                + ", "
                + UPPER[i]
                + "]");
      }
    }
  }

  @Override
  public double[] w() {
    return w.clone();
  }

  double get(int i) {
    return w[i];
  }

  /** Each weight moved into its bounds. */
  static double[] clamp(double[] w) {
    double[] clamped = w.clone();
    for (int i = 0; i < COUNT; i++) {
      clamped[i] = Math.max(LOWER[i], Math.min(UPPER[i], w[i]));
    }
    return clamped;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof FsrsParameters p && Arrays.equals(w, p.w);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(w);
  }

  @Override
  public String toString() {
    return Arrays.toString(w);
  }
}
