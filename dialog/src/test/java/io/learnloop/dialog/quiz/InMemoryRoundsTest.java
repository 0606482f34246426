package io.learnloop.dialog.quiz;

class InMemoryRoundsTest extends RoundsContract {
  @Override
  protected Rounds rounds() {
    return new InMemoryRounds();
  }
}
