package io.learnloop.dialog.learning.model;

/**
 * Replays answers one at a time: predicts each before it learns from it, keeping every learner's
 * state itself. The protocol of every evaluation of a learner model.
 */
public interface OnlinePredictor {

  /** Returns P(correct) for the answer before it is known, then learns from it. */
  double predictThenUpdate(Response response);

  /** A fresh predictor for {@code model} with no learner seen yet. */
  static OnlinePredictor of(ResponseModel model) {
    java.util.Map<String, LearnerTrace> traces = new java.util.HashMap<>();
    return r ->
        model.predictThenUpdate(traces.computeIfAbsent(r.learner(), l -> new LearnerTrace()), r);
  }
}
