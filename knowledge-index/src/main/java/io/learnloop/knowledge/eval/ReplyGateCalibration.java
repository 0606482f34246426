package io.learnloop.knowledge.eval;

import io.learnloop.knowledge.search.AbstentionModel.Verdict;
import io.learnloop.knowledge.search.ReplyGate;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Fits the {@link ReplyGate} on whether each extractive reply held its question's facts: logistic
 * regression of "the reply holds every fact" (never, for an unanswerable question) on the evidence
 * probability and the leading sentence's coverage of the question. The abstain threshold keeps
 * {@link #ANSWER_RATE} of answerable questions; the caveat threshold is the lowest that leaves at
 * most {@link #WRONG_SHARE} of answerable questions answered without caveat and without any fact.
 * Five-fold cross-validation over the questions estimates how it does on questions it was not
 * fitted on.
 */
final class ReplyGateCalibration {

  static final double ANSWER_RATE = 0.90;
  static final double WRONG_SHARE = 0.04;
  private static final int FOLDS = 5;

  /**
   * One question's draft reply.
   *
   * @param answerable whether the docs answer the question
   * @param held how many of its facts the reply holds
   * @param facts how many facts it needs (0 for an unanswerable question)
   */
  record Example(double evidence, double leadCoverage, boolean answerable, long held, int facts) {

    boolean correct() {
      return answerable && held == facts;
    }

    boolean noFact() {
      return answerable && held == 0;
    }

    double[] features() {
      return new double[] {evidence, leadCoverage};
    }
  }

  private ReplyGateCalibration() {}

  static ReplyGate fit(List<Example> examples, PrintStream out) {
    String[] verdicts = new String[examples.size()];
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Example> train = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        if (i % FOLDS != fold) {
          train.add(examples.get(i));
        }
      }
      ReplyGate gate = fitOn(train);
      for (int i = fold; i < examples.size(); i += FOLDS) {
        Example e = examples.get(i);
        verdicts[i] = gate.verdict(e.evidence(), e.leadCoverage()).name();
      }
    }
    print(examples, verdicts, out);
    return fitOn(examples);
  }

  static ReplyGate fitOn(List<Example> examples) {
    double[] w =
        Logistic.fit(
            examples.stream().map(Example::features).toList(),
            examples.stream().map(Example::correct).toList());
    ReplyGate unthresholded = new ReplyGate(w[0], w[1], w[2], 0, 0);
    double[] answerable =
        examples.stream()
            .filter(Example::answerable)
            .mapToDouble(e -> unthresholded.probability(e.evidence(), e.leadCoverage()))
            .sorted()
            .toArray();
    double abstainBelow = Logistic.keeping(ANSWER_RATE, answerable);
    double caveatBelow = abstainBelow;
    for (double candidate : answerable) {
      if (candidate < abstainBelow) {
        continue;
      }
      caveatBelow = candidate - 1e-9;
      if (wrongShare(examples, unthresholded, candidate) <= WRONG_SHARE) {
        break;
      }
      caveatBelow = candidate + 1e-9;
    }
    return new ReplyGate(w[0], w[1], w[2], abstainBelow, Math.max(abstainBelow, caveatBelow));
  }

  /** The share of answerable questions answered without caveat (at {@code from}) and no fact. */
  private static double wrongShare(List<Example> examples, ReplyGate gate, double from) {
    long answerable = examples.stream().filter(Example::answerable).count();
    long wrong =
        examples.stream()
            .filter(e -> e.noFact() && gate.probability(e.evidence(), e.leadCoverage()) >= from)
            .count();
    return answerable == 0 ? 0 : wrong / (double) answerable;
  }

  private static void print(List<Example> examples, String[] verdicts, PrintStream out) {
    int answerable = 0;
    int unanswerable = 0;
    int answered = 0;
    int correct = 0;
    int caveatedCorrect = 0;
    int wrong = 0;
    int refused = 0;
    for (int i = 0; i < examples.size(); i++) {
      Example e = examples.get(i);
      boolean abstained = verdicts[i].equals(Verdict.ABSTAIN.name());
      boolean caveated = verdicts[i].equals(Verdict.ANSWER_UNSURE.name());
      if (!e.answerable()) {
        unanswerable++;
        refused += abstained ? 1 : 0;
        continue;
      }
      answerable++;
      answered += abstained ? 0 : 1;
      if (!abstained && e.correct()) {
        correct++;
        caveatedCorrect += caveated ? 1 : 0;
      }
      wrong += !abstained && !caveated && e.noFact() ? 1 : 0;
    }
    out.printf(
        Locale.ROOT,
        "reply gate, %d-fold cross-validated on %d answerable and %d unanswerable questions:"
            + " facts in reply %.3f, confidently wrong %.3f, answers %.3f of answerable, abstains"
            + " on %.3f of unanswerable; %.3f of the replies that hold the facts carry the caveat%n",
        FOLDS,
        answerable,
        unanswerable,
        correct / (double) Math.max(1, answerable),
        wrong / (double) Math.max(1, answerable),
        answered / (double) Math.max(1, answerable),
        refused / (double) Math.max(1, unanswerable),
        caveatedCorrect / (double) Math.max(1, correct));
    out.println("features: " + Arrays.toString(new String[] {"evidence", "lead-coverage"}));
  }
}
