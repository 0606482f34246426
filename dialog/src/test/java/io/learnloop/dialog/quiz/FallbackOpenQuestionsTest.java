package io.learnloop.dialog.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class FallbackOpenQuestionsTest extends OpenQuestionsContract {

  @Override
  protected OpenQuestions store() {
    return new FallbackOpenQuestions(new InMemoryOpenQuestions());
  }

  @Test
  void should_keep_answering_the_questions_it_asked_while_the_store_is_down() {
    OpenQuestions questions = new FallbackOpenQuestions(new UnreachableStore());
    String sender = newSender();
    String quizId = newQuizId();

    questions.opened(quizId, question(sender));

    assertThat(questions.find(quizId)).contains(question(sender));
    assertThat(questions.waitingFor(sender)).contains(quizId);
    questions.answered(sender, quizId);
    assertThat(questions.waitingFor(sender)).isEmpty();
  }

  @Test
  void should_find_in_the_store_what_was_asked_before_a_restart() {
    OpenQuestions shared = new InMemoryOpenQuestions();
    String sender = newSender();
    String quizId = newQuizId();
    new FallbackOpenQuestions(shared).opened(quizId, question(sender));

    OpenQuestions afterRestart = new FallbackOpenQuestions(shared);

    assertThat(afterRestart.find(quizId)).contains(question(sender));
    assertThat(afterRestart.waitingFor(sender)).contains(quizId);
  }

  @Test
  void should_treat_an_unreachable_store_as_not_knowing_the_question() {
    OpenQuestions questions = new FallbackOpenQuestions(new UnreachableStore());

    assertThat(questions.find(newQuizId())).isEmpty();
    assertThat(questions.waitingFor(newSender())).isEmpty();
  }

  private static final class UnreachableStore implements OpenQuestions {

    @Override
    public void opened(String quizId, OpenQuestion question) {
      throw down();
    }

    @Override
    public Optional<OpenQuestion> find(String quizId) {
      throw down();
    }

    @Override
    public Optional<String> waitingFor(String sender) {
      throw down();
    }

    @Override
    public void answered(String sender, String quizId) {
      throw down();
    }

    private static OpenQuestionsUnavailableException down() {
      return new OpenQuestionsUnavailableException("store down", null);
    }
  }
}
