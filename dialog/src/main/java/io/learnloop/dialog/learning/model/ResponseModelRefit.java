package io.learnloop.dialog.learning.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Refits the response model to an organisation's own answer stream, and adopts the refit only when
 * it predicts the most recent answers no worse than the current model. The stream is cleaned first:
 * an answer id seen twice counts once (a replay or a double click), and answers are ordered by when
 * they were given, not by when they arrived (clock skew between instances, late retries). The
 * earliest {@code 1 − HOLD_OUT} of them are fitted, starting from the shipped defaults; both models
 * are then replayed over the whole stream and scored by log loss on the most recent {@code
 * HOLD_OUT}, each learner's history intact. Plain Java; the scheduling (once per cluster) belongs
 * to the application.
 */
public final class ResponseModelRefit {

  /** Share of the most recent answers held out to judge the refit. */
  public static final double HOLD_OUT = 0.2;

  /**
   * The setting {@code eval-learner} chose on its hold-out, which the shipped defaults were fitted
   * with (docs/LEARNER-MODEL.md).
   */
  public static final ResponseModelTrainer.Settings SETTINGS =
      new ResponseModelTrainer.Settings(1e-4, 3, 0.1, FeatureSet.ABILITY, 42);

  /** Fewer answers than this after the current model's say too little to judge a refit by. */
  public static final int MIN_HOLD_OUT = 200;

  /** Fewer distinct answers than this say too little about an organisation's items to refit. */
  public static final int MIN_ANSWERS = 1_000;

  /**
   * One answer of the stream.
   *
   * @param id the answer's id; repeats of an id are ignored
   * @param at when the learner answered
   */
  public record Answer(String id, Instant at, Response response) {
    public Answer {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(at, "at");
      Objects.requireNonNull(response, "response");
    }
  }

  /** What a refit decided; the model to use from now on, and why. */
  public sealed interface Outcome {
    ResponseModel model();

    String reason();
  }

  /**
   * The refit predicted the recent answers no worse and replaces the current model.
   *
   * @param fittedUntil when the latest answer it was fitted on was given: a later refit judges it
   *     only on answers after that
   */
  public record Adopted(
      ResponseModel model, double logLoss, double currentLogLoss, int holdOut, Instant fittedUntil)
      implements Outcome {
    @Override
    public String reason() {
      return String.format(
          Locale.ROOT,
          "adopted: log loss %.4f against the current %.4f on the %d most recent answers",
          logLoss,
          currentLogLoss,
          holdOut);
    }
  }

  /** The current model stays. */
  public record Kept(ResponseModel model, String reason) implements Outcome {
    public Kept {
      Objects.requireNonNull(model, "model");
      Objects.requireNonNull(reason, "reason");
    }
  }

  private final ResponseModelTrainer trainer;
  private final ResponseModel defaults;

  /**
   * @param defaults the shipped parameters every refit starts from
   */
  public ResponseModelRefit(ResponseModelTrainer.Settings settings, ResponseModel defaults) {
    this.trainer = new ResponseModelTrainer(settings);
    this.defaults = Objects.requireNonNull(defaults, "defaults");
  }

  /** Refits against a current model that has seen none of the stream, such as the defaults. */
  public Outcome refit(ResponseModel current, List<Answer> stream) {
    return refit(current, Instant.MIN, stream);
  }

  /**
   * @param currentFittedUntil when the latest answer the current model was fitted on was given: the
   *     hold-out starts after it, so that the current model is not judged on answers it learned
   *     from (which would favour keeping it)
   */
  public Outcome refit(ResponseModel current, Instant currentFittedUntil, List<Answer> stream) {
    Objects.requireNonNull(current, "current");
    Objects.requireNonNull(currentFittedUntil, "currentFittedUntil");
    List<Answer> answers = cleanAnswers(stream);
    List<Response> ordered = answers.stream().map(Answer::response).toList();
    if (ordered.size() < MIN_ANSWERS) {
      return new Kept(
          current,
          "kept: " + ordered.size() + " distinct answers, a refit needs at least " + MIN_ANSWERS);
    }
    int split = ordered.size() - (int) Math.round(ordered.size() * HOLD_OUT);
    while (split < answers.size() && !answers.get(split).at().isAfter(currentFittedUntil)) {
      split++;
    }
    int holdOut = ordered.size() - split;
    if (holdOut < MIN_HOLD_OUT) {
      return new Kept(
          current,
          "kept: "
              + holdOut
              + " answers since the current model was fitted (up to "
              + currentFittedUntil
              + "), a fair comparison needs at least "
              + MIN_HOLD_OUT);
    }
    ResponseModel candidate = trainer.fit(ordered.subList(0, split), defaults);
    double candidateLoss = holdOutLogLoss(candidate, ordered, split);
    double currentLoss = holdOutLogLoss(current, ordered, split);
    if (candidateLoss <= currentLoss) {
      return new Adopted(
          candidate, candidateLoss, currentLoss, holdOut, answers.get(split - 1).at());
    }
    return new Kept(
        current,
        String.format(
            Locale.ROOT,
            "kept: the refit scored log loss %.4f on the %d most recent answers, worse than"
                + " the current %.4f",
            candidateLoss,
            holdOut,
            currentLoss));
  }

  static List<Response> clean(List<Answer> stream) {
    return cleanAnswers(stream).stream().map(Answer::response).toList();
  }

  // First occurrence of an id wins; a stable sort keeps same-instant answers in arrival order.
  private static List<Answer> cleanAnswers(List<Answer> stream) {
    Set<String> seen = new HashSet<>();
    List<Answer> distinct = new ArrayList<>();
    for (Answer answer : stream) {
      if (seen.add(answer.id())) {
        distinct.add(answer);
      }
    }
    distinct.sort(Comparator.comparing(Answer::at));
    return distinct;
  }

  private static double holdOutLogLoss(ResponseModel model, List<Response> ordered, int from) {
    Map<String, LearnerTrace> traces = new HashMap<>();
    double sum = 0;
    for (int i = 0; i < ordered.size(); i++) {
      Response r = ordered.get(i);
      LearnerTrace trace = traces.computeIfAbsent(r.learner(), l -> new LearnerTrace());
      double p = model.predictThenUpdate(trace, r);
      if (i >= from) {
        double q = Math.min(1 - 1e-6, Math.max(1e-6, p));
        sum -= r.correct() ? Math.log(q) : Math.log(1 - q);
      }
    }
    return sum / (ordered.size() - from);
  }
}
