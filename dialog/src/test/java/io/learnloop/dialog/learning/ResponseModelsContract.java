package io.learnloop.dialog.learning;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link ResponseModels} must do. Extend it once per implementation: {@link #models()}
 * returns a view of one store, two calls two views as two instances would have, and {@link
 * #empty()} forgets what it holds (before each test).
 */
public abstract class ResponseModelsContract {

  protected static final Instant NIGHT = Instant.parse("2026-12-02T03:30:00Z");
  private static final String PARAMETERS =
      "features\tABILITY\nweight\tbias\t0.25\nweight\titem=leave carry-over\t-1.5E-7\n";

  protected abstract ResponseModels models();

  protected abstract void empty();

  private ResponseModels store;

  @BeforeEach
  void emptyStore() {
    empty();
    store = models();
  }

  @Test
  void should_have_no_adopted_model_before_a_refit() {
    assertThat(store.adopted()).isEmpty();
    assertThat(store.adoptedToken()).isEmpty();
  }

  @Test
  void should_give_every_instance_the_adopted_parameters_as_they_were_written() {
    AdoptedModel adopted =
        new AdoptedModel(PARAMETERS, 7, NIGHT.minusSeconds(3600), NIGHT, "adopted: log loss 0.5");

    assertThat(store.adopt(adopted)).isTrue();

    assertThat(models().adopted()).hasValue(adopted);
    assertThat(models().adoptedToken()).hasValue(7);
  }

  @Test
  void should_refuse_parameters_whose_claim_is_not_newer_than_the_adopted_ones() {
    AdoptedModel later =
        new AdoptedModel(PARAMETERS, 9, NIGHT.minusSeconds(3600), NIGHT, "adopted: later claim");
    store.adopt(later);

    boolean stale =
        store.adopt(
            new AdoptedModel(
                "features\tRECENT\n",
                8,
                NIGHT.minusSeconds(3600),
                NIGHT.plusSeconds(60),
                "paused"));
    boolean same =
        store.adopt(
            new AdoptedModel("features\tRECENT\n", 9, NIGHT.minusSeconds(3600), NIGHT, "again"));

    assertThat(stale).isFalse();
    assertThat(same).isFalse();
    assertThat(models().adopted()).hasValue(later);
  }

  @Test
  void should_replace_the_adopted_parameters_with_a_newer_claims() {
    store.adopt(
        new AdoptedModel(
            "features\tRECENT\n", 3, NIGHT.minusSeconds(3600), NIGHT, "adopted: first"));
    AdoptedModel second =
        new AdoptedModel(
            PARAMETERS, 4, NIGHT.minusSeconds(3600), NIGHT.plusSeconds(1), "adopted: second");

    assertThat(store.adopt(second)).isTrue();
    assertThat(models().adopted()).hasValue(second);
  }
}
