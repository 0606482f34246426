package io.learnloop.dialog.learning;

class InMemoryAnswerLogTest extends AnswerLogContract {

  @Override
  protected AnswerLog log() {
    return new InMemoryAnswerLog(Spacing.defaults());
  }

  @Override
  protected void loseDerivedState(AnswerLog log, LearnerId learner) {
    ((InMemoryAnswerLog) log).forgetDerivedState(learner);
  }
}
