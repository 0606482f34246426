package io.learnloop.knowledge.eval;

import io.learnloop.knowledge.search.AbstentionModel;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Fits the {@link AbstentionModel}: L2-regularised logistic regression of "the docs answer it" on
 * the evidence features, then the thresholds that keep {@link #TARGET_ANSWER_RATE}, {@link
 * #CONFIDENT_ANSWER_RATE} and {@link #MODEL_ANSWER_RATE} of answerable questions above them.
 * Five-fold cross-validation estimates how it does on questions it was not fitted on.
 */
public final class AbstentionCalibration {

  static final double TARGET_ANSWER_RATE = 0.90;
  static final double CONFIDENT_ANSWER_RATE = 0.75;
  static final double MODEL_ANSWER_RATE = 0.97;
  private static final int FOLDS = 5;

  /** A question's features and whether its docs answer it. */
  record Example(double[] features, boolean answerable) {}

  private AbstentionCalibration() {}

  public static AbstentionModel fit(List<QaEvaluation.Outcome> outcomes, PrintStream out) {
    List<Example> examples = new ArrayList<>();
    for (QaEvaluation.Outcome outcome : outcomes) {
      examples.add(
          new Example(
              AbstentionModel.features(outcome.result().evidence()),
              outcome.question().answerable()));
    }
    VerdictTable table = new VerdictTable();
    for (int fold = 0; fold < FOLDS; fold++) {
      List<Example> train = new ArrayList<>();
      List<Example> test = new ArrayList<>();
      for (int i = 0; i < examples.size(); i++) {
        (i % FOLDS == fold ? test : train).add(examples.get(i));
      }
      AbstentionModel model = fitOn(train);
      for (Example example : test) {
        table.add(model.verdict(evidence(example.features())), example.answerable());
      }
    }
    out.printf(
        Locale.ROOT,
        "abstention, %d-fold cross-validated: answers %.3f of answerable, abstains on %.3f of unanswerable%n",
        FOLDS,
        table.share(AbstentionModel.Verdict.ANSWER, true)
            + table.share(AbstentionModel.Verdict.ANSWER_UNSURE, true),
        table.share(AbstentionModel.Verdict.ASK_MODEL, false)
            + table.share(AbstentionModel.Verdict.ABSTAIN, false));
    table.print(out);
    return fitOn(examples);
  }

  static AbstentionModel fitOn(List<Example> examples) {
    double[] weights =
        Logistic.fit(
            examples.stream().map(Example::features).toList(),
            examples.stream().map(Example::answerable).toList());
    double[] answerableProbabilities =
        examples.stream()
            .filter(Example::answerable)
            .mapToDouble(e -> Logistic.probability(weights, e.features()))
            .sorted()
            .toArray();
    return new AbstentionModel(
        weights[0],
        weights[1],
        weights[2],
        weights[3],
        weights[4],
        Logistic.keeping(TARGET_ANSWER_RATE, answerableProbabilities),
        Logistic.keeping(CONFIDENT_ANSWER_RATE, answerableProbabilities),
        Logistic.keeping(MODEL_ANSWER_RATE, answerableProbabilities));
  }

  private static io.learnloop.knowledge.search.Evidence evidence(double[] f) {
    return new io.learnloop.knowledge.search.Evidence(f[0], f[1], f[2], f[3]);
  }
}
