package io.learnloop.dialog.learning.simulation;

import io.learnloop.dialog.learning.memory.Review;
import io.learnloop.dialog.learning.memory.ReviewHistory;
import io.learnloop.dialog.learning.model.Response;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Fits the simulator's {@link TruthParameters} to real logs by maximum likelihood over a grid: BKT
 * per skill to a response log (the forward algorithm over each learner's answers on the skill), and
 * the forgetting curve to a review log (srs-benchmark's protocol: whole days, reviews at least a
 * day apart scored, a lapse restarts the count of spaced practices).
 */
public final class TruthFit {

  /** Skills with fewer answers are not fitted: their parameters would be noise. */
  static final int MIN_ANSWERS = 200;

  private static final double[] INIT = {0.1, 0.2, 0.35, 0.5, 0.65, 0.8, 0.9};
  private static final double[] LEARN = {0.02, 0.05, 0.1, 0.15, 0.25, 0.4};
  private static final double[] GUESS = {0.05, 0.1, 0.2, 0.3, 0.4};
  private static final double[] SLIP = {0.03, 0.06, 0.1, 0.15, 0.2, 0.3};

  private TruthFit() {}

  /**
   * @param answers each learner's answers in order; an answer counts for its first skill
   * @throws IllegalArgumentException when no skill has {@link #MIN_ANSWERS} answers
   */
  public static List<TruthParameters.Skill> bkt(List<Response> answers) {
    Map<String, Map<String, List<Boolean>>> bySkill = new LinkedHashMap<>();
    for (Response r : answers) {
      bySkill
          .computeIfAbsent(r.skills().get(0), s -> new LinkedHashMap<>())
          .computeIfAbsent(r.learner(), l -> new ArrayList<>())
          .add(r.correct());
    }
    List<TruthParameters.Skill> fitted = new ArrayList<>();
    for (Map<String, List<Boolean>> sequences : bySkill.values()) {
      int n = sequences.values().stream().mapToInt(List::size).sum();
      if (n >= MIN_ANSWERS) {
        fitted.add(fitSkill(sequences.values()));
      }
    }
    if (fitted.isEmpty()) {
      throw new IllegalArgumentException(
          "no skill has " + MIN_ANSWERS + " answers to fit knowledge tracing to");
    }
    return fitted;
  }

  private static TruthParameters.Skill fitSkill(java.util.Collection<List<Boolean>> sequences) {
    TruthParameters.Skill best = null;
    double bestLogLikelihood = Double.NEGATIVE_INFINITY;
    for (double init : INIT) {
      for (double learn : LEARN) {
        for (double guess : GUESS) {
          for (double slip : SLIP) {
            // Identifiability: a known skill must be answered right more often than a guess.
            if (guess + slip >= 0.7) {
              continue;
            }
            double ll = 0;
            for (List<Boolean> sequence : sequences) {
              ll += logLikelihood(sequence, init, learn, guess, slip);
            }
            if (ll > bestLogLikelihood) {
              bestLogLikelihood = ll;
              best = new TruthParameters.Skill(init, learn, guess, slip);
            }
          }
        }
      }
    }
    return best;
  }

  static double logLikelihood(
      List<Boolean> answers, double init, double learn, double guess, double slip) {
    double known = init;
    double ll = 0;
    for (boolean correct : answers) {
      double pCorrect = known * (1 - slip) + (1 - known) * guess;
      ll += Math.log(correct ? pCorrect : 1 - pCorrect);
      double posterior = correct ? known * (1 - slip) / pCorrect : known * slip / (1 - pCorrect);
      known = posterior + (1 - posterior) * learn;
    }
    return ll;
  }

  /**
   * @throws IllegalArgumentException when the log has no review a day or more after another
   */
  public static TruthParameters.Forgetting forgetting(List<Review> reviews) {
    ReviewHistory history = new ReviewHistory(reviews);
    List<double[]> scored = new ArrayList<>();
    Map<Integer, Integer> spaced = new HashMap<>();
    for (int i = 0; i < history.size(); i++) {
      int card = history.card(i);
      if (!history.scored(i)) {
        spaced.putIfAbsent(card, 0);
        continue;
      }
      int n = spaced.getOrDefault(card, 0);
      scored.add(new double[] {history.elapsedDays(i), n, history.recalled(i) ? 1 : 0});
      spaced.put(card, history.recalled(i) ? n + 1 : 0);
    }
    if (scored.isEmpty()) {
      throw new IllegalArgumentException("the review log has no review a day after another");
    }
    TruthParameters.Forgetting best = null;
    double bestLogLikelihood = Double.NEGATIVE_INFINITY;
    for (double days = 0.5; days <= 60; days *= 1.1) {
      for (double growth = 1; growth <= 6; growth += 0.05) {
        TruthParameters.Forgetting candidate = new TruthParameters.Forgetting(days, growth);
        double ll = 0;
        for (double[] row : scored) {
          double p = Math.min(1 - 1e-6, Math.max(1e-6, candidate.retained(row[0], (int) row[1])));
          ll += row[2] == 1 ? Math.log(p) : Math.log(1 - p);
        }
        if (ll > bestLogLikelihood) {
          bestLogLikelihood = ll;
          best = candidate;
        }
      }
    }
    return best;
  }
}
