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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The {@code eval-learner} protocol: every model, ours and each baseline, is tuned the same way on
 * the same hold-out of train users (one in five, by user), refitted on all train users with the
 * settings it scored best with, and then the test users are replayed in file order, every answer
 * predicted before the model learns from it. Each baseline is compared with ours by a paired
 * bootstrap over test users.
 */
public final class LearnerEvaluation {

  /** The name of our model in reports: the one the bot runs. */
  public static final String OURS = "logistic + ability (ours)";

  /**
   * Our model fitted without item and skill weights: the shipped defaults, what a new
   * organisation's bot starts from before its first refit. Scored for information, not compared.
   */
  public static final String PORTABLE = "ours, portable (shipped defaults)";

  static final List<Integer> EPOCHS = List.of(1, 2, 3, 4, 8);
  static final List<Double> L2 = List.of(1e-6, 1e-5, 1e-4);
  static final List<Double> ELO_K = List.of(0.4, 0.8, 1.6);
  static final List<Double> ELO_DECAY = List.of(0.01, 0.05, 0.2);

  private static final int HOLD_OUT_ONE_IN = 5;
  private static final long BOOTSTRAP_SEED = 2020;

  /**
   * One model's result.
   *
   * @param setting the setting chosen on the hold-out
   * @param holdOutAuc its AUC on the hold-out of train users
   * @param predictions its prediction of every test row, in test order
   */
  public record Result(
      String key,
      String setting,
      Settings settings,
      double holdOutAuc,
      Scores scores,
      double[] predictions) {}

  /**
   * @param results every model's result, ours last
   * @param deltas each baseline against ours (ours − baseline), by baseline name
   * @param chosen the settings of our model
   */
  public record Report(
      Map<String, Result> results, Map<String, PairedBootstrap.Delta> deltas, Settings chosen) {

    public Result ours() {
      return results.get(OURS);
    }

    /**
     * Our scores, then {@code "portable"}: the shipped defaults' scores, then {@code "baselines"}:
     * each baseline's scores with the intervals of ours − baseline.
     */
    public String json() {
      StringBuilder json = new StringBuilder(ours().scores().json());
      json.setLength(json.length() - 1);
      json.append(", \"portable\": ").append(results.get(PORTABLE).scores().json());
      json.append(", \"baselines\": {");
      String separator = "";
      for (var entry : deltas.entrySet()) {
        Result baseline = results.get(entry.getKey());
        String scores = baseline.scores().json();
        String delta = entry.getValue().json();
        json.append(separator)
            .append('"')
            .append(baseline.key())
            .append("\": ")
            .append(scores, 0, scores.length() - 1)
            .append(", ")
            .append(delta, 1, delta.length());
        separator = ", ";
      }
      return json.append("}}").toString();
    }
  }

  /** A model and the settings it may be tuned over. */
  private record Contender(String name, String key, List<Candidate> grid) {}

  /**
   * @param settings the logistic model's settings; null for Elo
   */
  private record Candidate(
      String label, Settings settings, Function<List<Response>, Supplier<OnlinePredictor>> fit) {}

  private LearnerEvaluation() {}

  /**
   * @throws IllegalArgumentException when either list is empty
   */
  public static Report run(List<Response> train, List<Response> test) {
    if (train.isEmpty() || test.isEmpty()) {
      throw new IllegalArgumentException("need answers in both the train and the test file");
    }
    List<Response> fit = new ArrayList<>();
    List<Response> holdOut = new ArrayList<>();
    for (Response r : train) {
      (Math.floorMod(r.learner().hashCode(), HOLD_OUT_ONE_IN) == 0 ? holdOut : fit).add(r);
    }
    if (fit.isEmpty() || holdOut.isEmpty()) {
      fit = train;
      holdOut = train;
    }
    Map<String, Result> results = new LinkedHashMap<>();
    for (Contender contender : contenders()) {
      results.put(contender.name(), tuneAndScore(contender, fit, holdOut, train, test));
    }
    Settings ourSettings = results.get(OURS).settings();
    ResponseModel portable = new ResponseModelTrainer(ourSettings).fitPortable(train);
    double[] shipped = new double[test.size()];
    Scores shippedScores = predictions(OnlinePredictor.of(portable), test, shipped);
    boolean[] outcomes = outcomes(test);
    PairedBootstrap bootstrap =
        new PairedBootstrap(
            PairedBootstrap.groupsOf(test.stream().map(Response::learner).toList()),
            outcomes,
            BOOTSTRAP_SEED);
    double[] ours = results.get(OURS).predictions();
    Map<String, PairedBootstrap.Delta> deltas = new LinkedHashMap<>();
    results.forEach(
        (name, result) -> {
          if (!name.equals(OURS)) {
            deltas.put(name, bootstrap.compare(ours, result.predictions()));
          }
        });
    results.put(
        PORTABLE, new Result("portable", "", ourSettings, Double.NaN, shippedScores, shipped));
    return new Report(results, deltas, ourSettings);
  }

  private static List<Contender> contenders() {
    List<Contender> list = new ArrayList<>();
    list.add(logistic("item difficulty only", "item_difficulty", FeatureSet.DIFFICULTY));
    List<Candidate> elo = new ArrayList<>();
    for (double k : ELO_K) {
      for (double decay : ELO_DECAY) {
        EloModel.Steps steps = new EloModel.Steps(k, decay);
        elo.add(
            new Candidate(
                "k " + k + ", decay " + decay,
                null,
                answers -> {
                  EloModel model = EloModel.fit(answers, steps);
                  return model::predictor;
                }));
      }
    }
    list.add(new Contender("Elo (global + per-skill)", "elo", elo));
    list.add(logistic("Best-LR (Gervet et al.)", "best_lr", FeatureSet.COUNTS));
    list.add(logistic("Best-LR + failure counts", "best_lr_fails", FeatureSet.FAILS));
    list.add(logistic("logistic + recent", "logistic_recent", FeatureSet.RECENT));
    list.add(logistic(OURS, "ours", FeatureSet.ABILITY));
    return list;
  }

  private static Contender logistic(String name, String key, FeatureSet features) {
    List<Candidate> grid = new ArrayList<>();
    for (int epochs : EPOCHS) {
      for (double l2 : L2) {
        Settings settings =
            new Settings(l2, epochs, Settings.defaults().learningRate(), features, 42);
        grid.add(
            new Candidate(
                label(settings),
                settings,
                answers -> {
                  var model = new ResponseModelTrainer(settings).fit(answers);
                  return () -> OnlinePredictor.of(model);
                }));
      }
    }
    return new Contender(name, key, grid);
  }

  private static String label(Settings s) {
    return s.epochs() + " epochs, L2 " + s.l2();
  }

  private static Result tuneAndScore(
      Contender contender,
      List<Response> fit,
      List<Response> holdOut,
      List<Response> train,
      List<Response> test) {
    Candidate best = contender.grid().get(0);
    double bestAuc = Double.NEGATIVE_INFINITY;
    for (Candidate candidate : contender.grid()) {
      double auc = predictions(candidate.fit().apply(fit).get(), holdOut, null).auc();
      if (auc > bestAuc) {
        bestAuc = auc;
        best = candidate;
      }
    }
    double[] predictions = new double[test.size()];
    Scores scores = predictions(best.fit().apply(train).get(), test, predictions);
    return new Result(contender.key(), best.label(), best.settings(), bestAuc, scores, predictions);
  }

  private static boolean[] outcomes(List<Response> answers) {
    boolean[] outcomes = new boolean[answers.size()];
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = answers.get(i).correct();
    }
    return outcomes;
  }

  /** Predicts every answer before learning from it, in order. */
  public static Scores replay(OnlinePredictor predictor, List<Response> answers) {
    return predictions(predictor, answers, null);
  }

  private static Scores predictions(
      OnlinePredictor predictor, List<Response> answers, double[] into) {
    double[] predictions = into == null ? new double[answers.size()] : into;
    for (int i = 0; i < answers.size(); i++) {
      predictions[i] = predictor.predictThenUpdate(answers.get(i));
    }
    return Scores.of(predictions, outcomes(answers));
  }
}
