package io.learnloop.dialog.dashboard;

class InMemoryContentGapsTest extends ContentGapsContract {

  @Override
  protected ContentGaps gaps() {
    return new InMemoryContentGaps();
  }
}
