package io.learnloop.dialog.learning;

class InMemoryLearnersTest extends LearnersContract {

  @Override
  protected Learners learners() {
    return new InMemoryLearners();
  }
}
