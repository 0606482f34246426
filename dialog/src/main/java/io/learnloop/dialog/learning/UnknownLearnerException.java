package io.learnloop.dialog.learning;

/** A learner id that has no profile. */
public class UnknownLearnerException extends IllegalArgumentException {

  private final transient LearnerId learner;

  public UnknownLearnerException(LearnerId learner) {
    super("no learner with id '" + learner + "'");
    this.learner = learner;
  }

  public LearnerId learner() {
    return learner;
  }
}
