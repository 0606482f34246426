package io.learnloop.dialog.quiz;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.LearnerId;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What every {@link Rounds} must do; extend once per implementation. */
public abstract class RoundsContract {

  protected abstract Rounds rounds();

  private static Round newRound() {
    return new Round(
        "r-" + UUID.randomUUID(),
        "slack:T1:C-team",
        new ItemId("leave-1"),
        Language.INDONESIAN,
        Instant.parse("2026-11-03T02:10:00.123Z"),
        Optional.empty());
  }

  @Test
  void should_find_an_opened_round_with_the_message_it_was_posted_as() {
    Rounds rounds = rounds();
    Round round = newRound();

    rounds.opened(round);
    rounds.posted(round.id(), "1733000000.000200");

    assertThat(rounds.find(round.id())).contains(round.postedAs("1733000000.000200"));
    assertThat(rounds.find("r-unknown")).isEmpty();
  }

  @Test
  void should_count_each_learners_first_choice() {
    Rounds rounds = rounds();
    Round round = newRound();
    rounds.opened(round);
    LearnerId ana = new LearnerId("slack:T1:ana");
    LearnerId budi = new LearnerId("slack:T1:budi");

    assertThat(rounds.answered(round.id(), ana, 2)).isEqualTo(2);
    assertThat(rounds.answered(round.id(), budi, 0)).isZero();
    assertThat(rounds.answered(round.id(), ana, 1)).as("the first choice counts").isEqualTo(2);

    assertThat(rounds.answers(round.id())).isEqualTo(Map.of(ana, 2, budi, 0));
  }

  @Test
  void should_close_a_round_once() {
    Rounds rounds = rounds();
    Round round = newRound();
    rounds.opened(round);

    assertThat(rounds.closed(round.id())).isFalse();
    assertThat(rounds.close(round.id())).isTrue();
    assertThat(rounds.close(round.id())).isFalse();
    assertThat(rounds.closed(round.id())).isTrue();
  }

  @Test
  void should_list_a_round_as_closing_from_the_end_of_its_time_box_until_it_is_closed() {
    Rounds rounds = rounds();
    Round round = newRound();
    rounds.opened(round);

    assertThat(rounds.closingBy(round.closesAt().minusMillis(1), 1000)).doesNotContain(round.id());
    assertThat(rounds.closingBy(round.closesAt(), 1000)).contains(round.id());
    rounds.close(round.id());
    assertThat(rounds.closingBy(round.closesAt().plusSeconds(60), 1000)).doesNotContain(round.id());
  }
}
