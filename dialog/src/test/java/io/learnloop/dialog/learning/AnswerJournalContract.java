package io.learnloop.dialog.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AnswerJournal} must do. Extend it once per implementation: {@link #open()}
 * gives a journal over fresh storage, {@link #reopen(AnswerJournal)} closes one and opens its
 * storage again, as the next start of the application would.
 */
public abstract class AnswerJournalContract {

  protected abstract AnswerJournal open();

  protected abstract AnswerJournal reopen(AnswerJournal journal);

  /** A daily answer {@code i} of one learner; every field differs from the defaults. */
  public static RecordAnswer answer(String learner, int i) {
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId(learner + ":answer-" + i),
            new LearnerId(learner),
            new ItemId("item-" + (i % 7)),
            i % 4,
            i % 3 != 0,
            Duration.ofMillis(5_250 + i),
            Instant.parse("2026-11-02T02:00:00.123456789Z").plus(Duration.ofMinutes(i)),
            AnswerContext.values()[i % AnswerContext.values().length]),
        Set.of(new SkillId("leave-policy"), new SkillId("security-basics")),
        i % 2 == 0 ? "finance" : "",
        ZoneId.of("Asia/Jakarta"));
  }

  @Test
  void should_hold_nothing_when_new() {
    try (AnswerJournal journal = open()) {
      assertThat(journal.unstored()).isEmpty();
      assertThat(journal.pending()).isZero();
    }
  }

  @Test
  void should_give_back_every_appended_answer_in_order_when_reopened() {
    AnswerJournal journal = open();
    List<RecordAnswer> answers = IntStream.range(0, 20).mapToObj(i -> answer("ayu", i)).toList();
    answers.forEach(journal::append);
    assertThat(journal.pending()).isEqualTo(20);

    try (AnswerJournal next = reopen(journal)) {
      assertThat(next.unstored()).containsExactlyElementsOf(answers);
      assertThat(next.pending()).isEqualTo(20);
    }
  }

  @Test
  void should_give_back_answers_synced_by_several_threads_at_once() throws Exception {
    AnswerJournal journal = open();
    List<Thread> threads = new java.util.ArrayList<>();
    for (int t = 0; t < 4; t++) {
      String learner = "thread-" + t;
      threads.add(
          new Thread(
              () ->
                  IntStream.range(0, 25)
                      .forEach(
                          i -> {
                            journal.append(answer(learner, i));
                            journal.sync();
                          }),
              "journal-test-" + t));
    }
    threads.forEach(Thread::start);
    for (Thread thread : threads) {
      thread.join();
    }

    try (AnswerJournal next = reopen(journal)) {
      assertThat(next.unstored()).hasSize(100);
      for (int t = 0; t < 4; t++) {
        String learner = "thread-" + t;
        assertThat(next.unstored())
            .filteredOn(a -> a.answer().learner().value().equals(learner))
            .containsExactlyElementsOf(
                IntStream.range(0, 25).mapToObj(i -> answer(learner, i)).toList());
      }
    }
  }

  @Test
  void should_not_give_back_answers_marked_stored() {
    AnswerJournal journal = open();
    IntStream.range(0, 5).forEach(i -> journal.append(answer("budi", i)));
    journal.stored(new AnswerId("budi:answer-1"));
    journal.stored(new AnswerId("budi:answer-3"));
    assertThat(journal.pending()).isEqualTo(3);

    try (AnswerJournal next = reopen(journal)) {
      assertThat(next.unstored())
          .containsExactly(answer("budi", 0), answer("budi", 2), answer("budi", 4));
    }
  }

  @Test
  void should_be_empty_after_a_restart_once_everything_was_stored() {
    AnswerJournal journal = open();
    IntStream.range(0, 5).forEach(i -> journal.append(answer("citra", i)));
    IntStream.range(0, 5).forEach(i -> journal.stored(new AnswerId("citra:answer-" + i)));
    assertThat(journal.pending()).isZero();

    AnswerJournal next = reopen(journal);
    assertThat(next.unstored()).isEmpty();
    next.append(answer("citra", 9));

    try (AnswerJournal third = reopen(next)) {
      assertThat(third.unstored()).containsExactly(answer("citra", 9));
    }
  }

  @Test
  void should_keep_answers_unstored_across_several_restarts_until_stored() {
    AnswerJournal journal = open();
    journal.append(answer("dewi", 0));
    AnswerJournal second = reopen(journal);
    AnswerJournal third = reopen(second);
    assertThat(third.unstored()).containsExactly(answer("dewi", 0));

    third.stored(new AnswerId("dewi:answer-0"));
    try (AnswerJournal fourth = reopen(third)) {
      assertThat(fourth.unstored()).isEmpty();
    }
  }
}
