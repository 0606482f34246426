package io.learnloop.dialog.escalation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.RandomTokens;
import io.learnloop.dialog.i18n.Language;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Escalations} must do. Extend it once per implementation; {@link #escalations()}
 * returns a working store whose clock is the wall clock.
 */
public abstract class EscalationsContract {

  private static final Duration WEEK = Duration.ofDays(7);

  protected abstract Escalations escalations();

  /** An escalation with every field set, the Indonesian asker in a Teams reply chain. */
  protected static Escalation rinasQuestion() {
    ChannelUser rina = new ChannelUser("teams", "tenant-1", "29:1rina");
    ConversationRef chain =
        new ConversationRef(
                "teams",
                "tenant-1",
                "19:general@thread.tacv2",
                Optional.empty(),
                ConversationRef.Visibility.SHARED,
                "{\"serviceUrl\":\"https://smba.example/\",\"tenant\":\"tenant-1\"}")
            .inThread("1733000000123");
    return new Escalation(
        rina,
        chain,
        Language.INDONESIAN,
        "Berapa hari cuti yang bisa dibawa ke tahun depan? 🌴",
        List.of(
            new Citation("annual-leave.md", "Cuti tahunan", "Membawa sisa", "/docs/a.md#b", 0.9),
            new Citation("hr/leave.md", "Leave", "", "", 0.4)),
        false,
        "19:experts@thread.tacv2");
  }

  private static String newOffer() {
    return RandomTokens.of(16);
  }

  @Test
  void should_give_an_offer_back_whole_and_claim_it_once_until_released() {
    Escalations escalations = escalations();
    String offer = newOffer();
    escalations.offer(offer, rinasQuestion(), WEEK);

    assertThat(escalations.offered(offer)).contains(rinasQuestion());
    assertThat(escalations.claim(offer)).isTrue();
    assertThat(escalations.claim(offer)).as("a second press").isFalse();
    assertThat(escalations.offered(offer)).as("still readable once claimed").isPresent();
    escalations.release(offer);
    assertThat(escalations.claim(offer)).as("released after a failed post").isTrue();
  }

  @Test
  void should_know_no_offer_it_never_kept() {
    Escalations escalations = escalations();
    String never = newOffer();

    assertThat(escalations.offered(never)).isEmpty();
    assertThat(escalations.claim(never)).isFalse();
    assertThat(escalations.offered(never)).as("a claim creates nothing").isEmpty();
  }

  @Test
  void should_let_exactly_one_of_many_concurrent_claims_win() throws Exception {
    Escalations escalations = escalations();
    String offer = newOffer();
    escalations.offer(offer, rinasQuestion(), WEEK);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Boolean>> presses = new ArrayList<>();
      for (int i = 0; i < 32; i++) {
        presses.add(() -> escalations.claim(offer));
      }
      long winners = 0;
      for (Future<Boolean> press : pool.invokeAll(presses)) {
        winners += press.get() ? 1 : 0;
      }
      assertThat(winners).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void should_find_a_posted_escalation_by_its_thread_and_no_other() {
    Escalations escalations = escalations();
    Escalation question = rinasQuestion();
    ConversationRef experts = question.expertConversation();
    String thread = Escalation.threadKey(experts, "1733000000999" + newOffer());

    escalations.posted(thread, question, WEEK);

    assertThat(escalations.inThread(thread)).contains(question);
    assertThat(escalations.inThread(Escalation.threadKey(experts, "1733000000000"))).isEmpty();
  }

  @Test
  void should_forget_offers_and_threads_once_they_expire() {
    Escalations escalations = escalations();
    String expiring = newOffer();
    String kept = newOffer();
    String thread = "teams:tenant-1:19:experts@thread.tacv2/" + newOffer();
    escalations.offer(expiring, rinasQuestion(), Duration.ofMillis(200));
    escalations.offer(kept, rinasQuestion(), WEEK);
    escalations.posted(thread, rinasQuestion(), Duration.ofMillis(200));

    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> escalations.offered(expiring).isEmpty());
    await()
        .atMost(Duration.ofSeconds(5))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> escalations.inThread(thread).isEmpty());
    assertThat(escalations.claim(expiring)).isFalse();
    assertThat(escalations.offered(kept)).isPresent();
  }

  @Test
  void should_forget_every_offer_and_thread_of_a_person_and_no_one_elses() {
    Escalations escalations = escalations();
    Escalation rinas = rinasQuestion();
    Escalation budis =
        new Escalation(
            new ChannelUser("teams", "tenant-1", "29:1budi"),
            rinas.askedIn(),
            Language.ENGLISH,
            "How many days?",
            List.of(),
            true,
            rinas.experts());
    String rinasOffer = newOffer();
    String budisOffer = newOffer();
    String rinasThread = "teams:tenant-1:19:experts@thread.tacv2/" + newOffer();
    escalations.offer(rinasOffer, rinas, WEEK);
    escalations.offer(budisOffer, budis, WEEK);
    escalations.posted(rinasThread, rinas, WEEK);

    escalations.forget(rinas.asker());

    assertThat(escalations.offered(rinasOffer)).isEmpty();
    assertThat(escalations.claim(rinasOffer)).isFalse();
    assertThat(escalations.inThread(rinasThread)).isEmpty();
    assertThat(escalations.offered(budisOffer)).contains(budis);
    escalations.forget(rinas.asker());
  }

  @Test
  void should_refuse_a_malformed_offer_id_and_a_keep_that_is_not_positive() {
    Escalations escalations = escalations();

    assertThatThrownBy(() -> escalations.offer("a b", rinasQuestion(), WEEK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> escalations.offer("x".repeat(65), rinasQuestion(), WEEK))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> escalations.offer(newOffer(), rinasQuestion(), Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("positive");
    assertThatThrownBy(() -> escalations.posted("t", rinasQuestion(), Duration.ofSeconds(-1)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
