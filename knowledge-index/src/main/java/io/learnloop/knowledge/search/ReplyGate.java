package io.learnloop.knowledge.search;

import java.util.Locale;
import java.util.Properties;

/**
 * Decides, once the extractive reply is chosen, whether to give it, give it with a caveat, or
 * abstain: a logistic model of "the reply holds what the question asks for" over the {@link
 * AbstentionModel}'s probability for the retrieved evidence and the share of the question's rare
 * words the reply's leading sentence holds. It is fitted on whether replies held the facts of
 * labelled questions ({@code eval-qa --calibrate}; numbers in docs/EVALUATION.md), not on whether
 * the right document was found: a found page whose chosen sentence misses the point is as wrong to
 * the reader as a wrong page.
 *
 * @param abstainBelow below it LearnLoop abstains: nine in ten answerable questions score above it
 * @param caveatBelow below it (and at or above {@code abstainBelow}) the reply says the docs may
 *     not answer exactly this question
 */
public record ReplyGate(
    double bias,
    double evidenceWeight,
    double coverageWeight,
    double abstainBelow,
    double caveatBelow) {

  private static final String RESOURCE = "/io/learnloop/knowledge/reply-gate.properties";

  public ReplyGate {
    if (abstainBelow > caveatBelow) {
      throw new IllegalArgumentException(
          "thresholds must be ordered: abstain ≤ caveat, got " + abstainBelow + ", " + caveatBelow);
    }
  }

  /** The gate that ships with LearnLoop. */
  public static ReplyGate calibrated() {
    return fromProperties(BundledProperties.load(RESOURCE));
  }

  /** Reads a gate written by {@link #toProperties()}. */
  public static ReplyGate fromProperties(Properties p) {
    return new ReplyGate(
        number(p, "bias"),
        number(p, "evidence"),
        number(p, "lead-coverage"),
        number(p, "abstain-below"),
        number(p, "caveat-below"));
  }

  /**
   * @param evidence the abstention model's probability that the documents answer
   * @param leadCoverage the rarity-weighted share of the question's words in the leading sentence
   * @return the probability that the reply holds the answer
   */
  public double probability(double evidence, double leadCoverage) {
    double z = bias + evidenceWeight * evidence + coverageWeight * leadCoverage;
    return 1 / (1 + Math.exp(-z));
  }

  /** {@code ANSWER}, {@code ANSWER_UNSURE} or {@code ABSTAIN}; never {@code ASK_MODEL}. */
  public AbstentionModel.Verdict verdict(double evidence, double leadCoverage) {
    double p = probability(evidence, leadCoverage);
    if (p < abstainBelow) {
      return AbstentionModel.Verdict.ABSTAIN;
    }
    return p < caveatBelow ? AbstentionModel.Verdict.ANSWER_UNSURE : AbstentionModel.Verdict.ANSWER;
  }

  /** The properties file this gate is stored as. */
  public String toProperties() {
    return String.format(
        Locale.ROOT,
        "bias=%.4f%nevidence=%.4f%nlead-coverage=%.4f%nabstain-below=%.4f%ncaveat-below=%.4f%n",
        bias,
        evidenceWeight,
        coverageWeight,
        abstainBelow,
        caveatBelow);
  }

  private static double number(Properties properties, String key) {
    return BundledProperties.number(properties, key, "reply gate");
  }
}
