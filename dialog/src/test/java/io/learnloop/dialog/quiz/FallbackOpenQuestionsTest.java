package io.learnloop.dialog.quiz;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FallbackOpenQuestionsTest extends OpenQuestionsContract {

  private final SwitchableOpenQuestions store = new SwitchableOpenQuestions();

  @Override
  protected OpenQuestions store() {
    return new FallbackOpenQuestions(new InMemoryOpenQuestions());
  }

  @Test
  void should_keep_answering_the_questions_it_asked_while_the_store_is_down() {
    OpenQuestions questions = new FallbackOpenQuestions(store);
    String sender = newSender();
    String quizId = newQuizId();
    store.down = true;

    questions.opened(quizId, question(sender));

    assertThat(questions.find(quizId)).contains(question(sender));
    assertThat(questions.waitingFor(sender)).contains(quizId);
    questions.answered(sender, quizId);
    assertThat(questions.waitingFor(sender)).isEmpty();
  }

  @Test
  void should_write_back_the_cards_it_asked_during_an_outage_once_the_store_is_back() {
    OpenQuestions here = new FallbackOpenQuestions(store);
    String sender = newSender();
    String quizId = newQuizId();
    store.down = true;
    here.opened(quizId, question(sender));
    here.posted(quizId, "m-7");

    store.down = false;
    here.waitingFor(newSender()); // any call the store answers
    OpenQuestions anotherInstance = new FallbackOpenQuestions(store);

    assertThat(anotherInstance.find(quizId)).contains(question(sender).postedAs("m-7"));
    assertThat(anotherInstance.waitingFor(sender)).contains(quizId);
  }

  @Test
  void should_say_the_store_is_down_rather_than_that_an_unknown_card_expired() {
    OpenQuestions questions = new FallbackOpenQuestions(store);
    store.down = true;

    assertThatThrownBy(() -> questions.find(newQuizId()))
        .isInstanceOf(OpenQuestionsUnavailableException.class);
    assertThat(questions.waitingFor(newSender())).isEmpty();
  }

  @Test
  void should_find_in_the_store_what_was_asked_before_a_restart() {
    String sender = newSender();
    String quizId = newQuizId();
    new FallbackOpenQuestions(store).opened(quizId, question(sender));

    OpenQuestions afterRestart = new FallbackOpenQuestions(store);

    assertThat(afterRestart.find(quizId)).contains(question(sender));
    assertThat(afterRestart.waitingFor(sender)).contains(quizId);
  }

  @Test
  void should_let_a_typed_number_answer_the_newest_card_whichever_instance_asked_it() {
    OpenQuestions first = new FallbackOpenQuestions(store);
    OpenQuestions second = new FallbackOpenQuestions(store);
    String sender = newSender();
    String older = newQuizId();
    String newer = newQuizId();

    first.opened(older, question(sender));
    second.opened(newer, question(sender));

    assertThat(first.waitingFor(sender)).contains(newer);
    second.answered(sender, newer);
    assertThat(first.waitingFor(sender)).isEmpty();
  }

  @Test
  void should_not_take_a_card_answered_during_an_outage_as_still_waiting_once_the_store_is_back() {
    OpenQuestions questions = new FallbackOpenQuestions(store);
    String sender = newSender();
    String quizId = newQuizId();
    questions.opened(quizId, question(sender));
    store.down = true;
    questions.answered(sender, quizId);
    store.down = false;

    assertThat(questions.waitingFor(sender)).isEmpty();
    assertThat(store.waitingFor(sender)).as("cleared in the store too").isEmpty();
  }

  @Test
  void should_wait_for_a_card_asked_during_an_outage_over_the_older_one_the_store_knows() {
    OpenQuestions questions = new FallbackOpenQuestions(store);
    String sender = newSender();
    String older = newQuizId();
    String duringOutage = newQuizId();
    questions.opened(older, question(sender));
    store.down = true;
    questions.opened(duringOutage, question(sender));
    store.down = false;

    assertThat(questions.waitingFor(sender)).contains(duringOutage);
    assertThat(questions.find(duringOutage)).contains(question(sender));
  }
}
