package io.learnloop.knowledge.search;

import java.util.Locale;
import java.util.Properties;

/**
 * Decides how far the evidence supports an answer: a logistic model over {@link Evidence} whose
 * weights and thresholds were fitted on labelled questions ({@code eval-qa --calibrate}; numbers in
 * docs/EVALUATION.md).
 *
 * @param threshold below it the passages alone are too weak to answer: nine in ten answerable
 *     questions score above it
 * @param confidentThreshold above it the answer is given without reservation; between {@code
 *     threshold} and this it is given with a note that the docs may not answer exactly the question
 *     asked (three in four answerable questions score above it)
 * @param modelThreshold with a language model configured, questions between this and {@code
 *     threshold} are still put to the model, which reads the passages and may say they do not
 *     answer; below it nobody is asked (97 in 100 answerable questions score above it)
 */
public record AbstentionModel(
    double bias,
    double cosineWeight,
    double coverageWeight,
    double agreementWeight,
    double missingRarityWeight,
    double threshold,
    double confidentThreshold,
    double modelThreshold) {

  private static final String RESOURCE = "/io/learnloop/knowledge/abstention.properties";

  /** What to do with a question's evidence. */
  public enum Verdict {
    ANSWER,
    /** Answer, saying that the docs may not answer exactly this. */
    ANSWER_UNSURE,
    /** Too weak to answer from the passages alone; a language model reading them may answer. */
    ASK_MODEL,
    ABSTAIN
  }

  public AbstentionModel {
    if (!(modelThreshold <= threshold && threshold <= confidentThreshold)) {
      throw new IllegalArgumentException(
          "thresholds must be ordered: model ≤ answer ≤ confident, got "
              + modelThreshold
              + ", "
              + threshold
              + ", "
              + confidentThreshold);
    }
  }

  /** The model that ships with LearnLoop. */
  public static AbstentionModel calibrated() {
    return fromProperties(BundledProperties.load(RESOURCE));
  }

  /** Reads a model written by {@link #toProperties()}. */
  public static AbstentionModel fromProperties(Properties p) {
    return new AbstentionModel(
        number(p, "bias"),
        number(p, "cosine"),
        number(p, "coverage"),
        number(p, "agreement"),
        number(p, "missing-rarity"),
        number(p, "threshold"),
        number(p, "confident-threshold"),
        number(p, "model-threshold"));
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

  /** True when the passages alone are too weak to answer from. */
  public boolean abstains(Evidence evidence) {
    return answerable(evidence) < threshold;
  }

  public Verdict verdict(Evidence evidence) {
    double p = answerable(evidence);
    if (p >= confidentThreshold) {
      return Verdict.ANSWER;
    }
    if (p >= threshold) {
      return Verdict.ANSWER_UNSURE;
    }
    return p >= modelThreshold ? Verdict.ASK_MODEL : Verdict.ABSTAIN;
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
        "bias=%.4f%ncosine=%.4f%ncoverage=%.4f%nagreement=%.4f%nmissing-rarity=%.4f%n"
            + "threshold=%.4f%nconfident-threshold=%.4f%nmodel-threshold=%.4f%n",
        bias,
        cosineWeight,
        coverageWeight,
        agreementWeight,
        missingRarityWeight,
        threshold,
        confidentThreshold,
        modelThreshold);
  }

  private static double number(Properties properties, String key) {
    return BundledProperties.number(properties, key, "abstention model");
  }
}
