package io.learnloop.knowledge.search;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Properties;

/**
 * Decides whether the evidence is too weak to answer: a logistic model over {@link Evidence} whose
 * weights and threshold were fitted on labelled questions ({@code eval-qa --calibrate}; numbers in
 * docs/EVALUATION.md) so that nine in ten answerable questions are answered.
 */
public record AbstentionModel(
    double bias,
    double cosineWeight,
    double coverageWeight,
    double agreementWeight,
    double missingRarityWeight,
    double threshold) {

  private static final String RESOURCE = "/io/learnloop/knowledge/abstention.properties";

  /** The model that ships with LearnLoop. */
  public static AbstentionModel calibrated() {
    try (InputStream stream = AbstentionModel.class.getResourceAsStream(RESOURCE)) {
      if (stream == null) {
        throw new IllegalStateException("missing bundled resource " + RESOURCE);
      }
      Properties p = new Properties();
      p.load(stream);
      return new AbstentionModel(
          number(p, "bias"),
          number(p, "cosine"),
          number(p, "coverage"),
          number(p, "agreement"),
          number(p, "missing-rarity"),
          number(p, "threshold"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The probability that the documents answer the question. */
  public double answerable(Evidence evidence) {
    double[] x = features(evidence);
    double z =
        bias
            + cosineWeight * x[0]
            + coverageWeight * x[1]
            + agreementWeight * x[2]
            + missingRarityWeight * x[3];
    return 1 / (1 + Math.exp(-z));
  }

  public boolean abstains(Evidence evidence) {
    return answerable(evidence) < threshold;
  }

  /** The model's inputs, in the order of its weights. */
  public static double[] features(Evidence evidence) {
    return new double[] {
      evidence.cosine(), evidence.coverage(), evidence.agreement(), evidence.missingRarity()
    };
  }

  /** The properties file this model is stored as. */
  public String toProperties() {
    return String.format(
        Locale.ROOT,
        "bias=%.4f%ncosine=%.4f%ncoverage=%.4f%nagreement=%.4f%nmissing-rarity=%.4f%nthreshold=%.4f%n",
        bias,
        cosineWeight,
        coverageWeight,
        agreementWeight,
        missingRarityWeight,
        threshold);
  }

  private static double number(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null) {
      throw new IllegalStateException(RESOURCE + " lacks '" + key + "'");
    }
    return Double.parseDouble(value.strip());
  }
}
