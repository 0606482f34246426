package io.learnloop.dialog.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.dashboard.ContentGap.Kind;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ContentGaps} must do. Extend it once per implementation; {@link #gaps()} may
 * return a store shared across tests: each test uses teams of its own.
 */
public abstract class ContentGapsContract {

  protected abstract ContentGaps gaps();

  private final String team = "team-" + UUID.randomUUID().toString().substring(0, 8);
  private static final Instant MONDAY = Instant.parse("2026-11-02T02:00:00Z");

  @Test
  void should_count_the_same_question_once_per_time_it_was_asked() {
    ContentGaps gaps = gaps();

    gaps.record(new ContentGap(Kind.UNANSWERED, team, "Can I  bring my dog?", MONDAY));
    gaps.record(
        new ContentGap(Kind.UNANSWERED, team, "Can I bring my dog?", MONDAY.plusSeconds(60)));
    gaps.record(new ContentGap(Kind.NOT_HELPFUL, team, "annual-leave.md", MONDAY));

    assertThat(gaps.mostFrequent(team, 10))
        .containsExactly(
            new ContentGapCount(Kind.UNANSWERED, "Can I bring my dog?", 2, MONDAY.plusSeconds(60)),
            new ContentGapCount(Kind.NOT_HELPFUL, "annual-leave.md", 1, MONDAY));
  }

  @Test
  void should_keep_teams_apart_and_people_on_no_team_under_the_empty_team() {
    ContentGaps gaps = gaps();
    String other = team + "-other";

    gaps.record(new ContentGap(Kind.UNANSWERED, other, "Siapa yang menyetujui cuti?", MONDAY));
    gaps.record(new ContentGap(Kind.UNANSWERED, "", "Where is the canteen " + team, MONDAY));

    assertThat(gaps.mostFrequent(team, 10)).isEmpty();
    assertThat(gaps.mostFrequent(other, 10))
        .extracting(ContentGapCount::subject)
        .containsExactly("Siapa yang menyetujui cuti?");
    assertThat(gaps.mostFrequent("", 1000))
        .extracting(ContentGapCount::subject)
        .contains("Where is the canteen " + team);
  }

  @Test
  void should_rank_by_count_then_by_the_latest_and_stop_at_the_limit() {
    ContentGaps gaps = gaps();
    for (int i = 0; i < 3; i++) {
      gaps.record(new ContentGap(Kind.UNANSWERED, team, "often", MONDAY));
    }
    gaps.record(new ContentGap(Kind.UNANSWERED, team, "once, early", MONDAY));
    gaps.record(new ContentGap(Kind.UNANSWERED, team, "once, late", MONDAY.plusSeconds(3600)));

    assertThat(gaps.mostFrequent(team, 2))
        .extracting(ContentGapCount::subject)
        .containsExactly("often", "once, late");
  }
}
