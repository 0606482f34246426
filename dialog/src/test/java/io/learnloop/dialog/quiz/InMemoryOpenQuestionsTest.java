package io.learnloop.dialog.quiz;

class InMemoryOpenQuestionsTest extends OpenQuestionsContract {

  @Override
  protected OpenQuestions store() {
    return new InMemoryOpenQuestions();
  }
}
