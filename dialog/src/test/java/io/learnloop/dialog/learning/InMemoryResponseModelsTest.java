package io.learnloop.dialog.learning;

class InMemoryResponseModelsTest extends ResponseModelsContract {

  private final InMemoryResponseModels shared = new InMemoryResponseModels();

  @Override
  protected ResponseModels models() {
    return shared;
  }

  @Override
  protected void empty() {
    // a fresh store for each test: JUnit makes a new instance per test
  }
}
