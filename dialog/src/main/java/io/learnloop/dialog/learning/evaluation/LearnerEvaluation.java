package io.learnloop.dialog.learning.evaluation;

import io.learnloop.dialog.learning.model.EloModel;
import io.learnloop.dialog.learning.model.FeatureSet;
import io.learnloop.dialog.learning.model.OnlinePredictor;
import io.learnloop.dialog.learning.model.Response;
import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.model.ResponseModelTrainer;
import io.learnloop.dialog.learning.model.ResponseModelTrainer.Settings;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code eval-learner} protocol: parameters are learned from the train users only and tuned on
 * a hold-out of them; then the test users are replayed in file order, every answer predicted before
 * the model learns from it. The chosen model is scored together with the baselines it was chosen
 * over, in the same run.
 */
public final class LearnerEvaluation {

  /** Epochs tried on the hold-out; the rest of the settings are the trainer's defaults. */
  static final List<Integer> EPOCHS = List.of(2, 4, 6);

  private static final int HOLD_OUT_ONE_IN = 5;

  /**
   * @param scores test scores of every model, the chosen one last
   * @param chosen the settings picked on the hold-out
   * @param holdOutAuc AUC of the chosen settings on the hold-out of train users
   */
  public record Report(Map<String, Scores> scores, Settings chosen, double holdOutAuc) {

    public static final String CHOSEN = "logistic + ability (chosen)";

    public Scores chosenScores() {
      return scores.get(CHOSEN);
    }
  }

  private LearnerEvaluation() {}

  public static Report run(List<Response> train, List<Response> test) {
    if (train.isEmpty() || test.isEmpty()) {
      throw new IllegalArgumentException("need answers in both the train and the test file");
    }
    List<Response> fit = new ArrayList<>();
    List<Response> holdOut = new ArrayList<>();
    for (Response r : train) {
      (Math.floorMod(r.learner().hashCode(), HOLD_OUT_ONE_IN) == 0 ? holdOut : fit).add(r);
    }
    Settings best = Settings.defaults();
    double bestAuc = Double.NEGATIVE_INFINITY;
    if (!fit.isEmpty() && !holdOut.isEmpty()) {
      for (int epochs : EPOCHS) {
        Settings candidate = Settings.defaults().withEpochs(epochs);
        double auc = replay(OnlinePredictor.of(train(fit, candidate)), holdOut).auc();
        if (auc > bestAuc) {
          bestAuc = auc;
          best = candidate;
        }
      }
    }
    Map<String, Scores> scores = new LinkedHashMap<>();
    scores.put("item difficulty only", scoreOf(train, test, best.with(FeatureSet.DIFFICULTY)));
    scores.put("Elo (global + per-skill)", replay(EloModel.fit(train).predictor(), test));
    scores.put("Best-LR (counts)", scoreOf(train, test, best.with(FeatureSet.COUNTS)));
    scores.put("logistic + recent", scoreOf(train, test, best.with(FeatureSet.RECENT)));
    scores.put(Report.CHOSEN, scoreOf(train, test, best));
    return new Report(scores, best, bestAuc);
  }

  private static Scores scoreOf(List<Response> train, List<Response> test, Settings settings) {
    return replay(OnlinePredictor.of(train(train, settings)), test);
  }

  private static ResponseModel train(List<Response> answers, Settings settings) {
    return new ResponseModelTrainer(settings).fit(answers);
  }

  /** Predicts every answer before learning from it, in order. */
  public static Scores replay(OnlinePredictor predictor, List<Response> answers) {
    double[] predictions = new double[answers.size()];
    boolean[] outcomes = new boolean[answers.size()];
    for (int i = 0; i < answers.size(); i++) {
      predictions[i] = predictor.predictThenUpdate(answers.get(i));
      outcomes[i] = answers.get(i).correct();
    }
    return Scores.of(predictions, outcomes);
  }
}
