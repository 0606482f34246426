package io.learnloop.integrations.xapi;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.integrations.redis.EmbeddedRedisExtension;
import io.learnloop.integrations.redis.RedisAnswerLog;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * An answer's xAPI statement survives the process being killed between the answer store's write and
 * the report: the statement is held in the outbox, fsync'd, before the store is asked, and resolved
 * from the store at the next start. A child JVM records into a real Redis and is halted at either
 * point.
 */
class XapiWriteAheadTest {

  @RegisterExtension static final EmbeddedRedisExtension redis = new EmbeddedRedisExtension();

  static final SkillId LEAVE = XapiDeliveryTest.LEAVE;
  static final Item ITEM = XapiDeliveryTest.LEAVE_1;

  @TempDir Path folder;
  private final WireMockServer lrs =
      new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
  private final RedisAnswerLog answers = new RedisAnswerLog(redis.connector(), Spacing.defaults());
  private FileXapiOutbox outbox;
  private XapiSender sender;

  @BeforeEach
  void start() {
    lrs.start();
    lrs.stubFor(post(urlEqualTo("/xapi/statements")).willReturn(aResponse().withStatus(200)));
    answers.forget(answer().answer().learner());
  }

  @AfterEach
  void stop() throws Exception {
    if (sender != null) {
      sender.close();
    }
    if (outbox != null) {
      outbox.close();
    }
    lrs.stop();
  }

  @Test
  void should_send_the_statement_of_an_answer_recorded_just_before_a_kill() throws Exception {
    int exit = runChildKilled("after-store");

    assertThat(exit).as("killed after the store's write").isEqualTo(AnswerThenDie.KILLED);
    assertThat(answers.answers(answer().answer().learner()))
        .extracting(AnswerEvent::id)
        .containsExactly(answer().answer().id());
    XapiLearningRecords records = restart();
    assertThat(outbox.held()).as("held, not yet sendable").isEqualTo(1);
    assertThat(outbox.pending()).isZero();

    int unresolved = records.resolveEarlierRun(answers);

    assertThat(unresolved).isZero();
    await().atMost(Duration.ofSeconds(20)).until(() -> delivered().size() == 1);
    assertThat(delivered())
        .containsExactly(XapiStatements.answerStatementId(answer().answer().id()));
    assertThat(outbox.held()).isZero();
    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.pending() == 0);
  }

  @Test
  void should_drop_the_statement_of_an_answer_the_store_never_got() throws Exception {
    int exit = runChildKilled("before-store");

    assertThat(exit).as("killed before the store's write").isEqualTo(AnswerThenDie.KILLED);
    assertThat(answers.answers(answer().answer().learner())).isEmpty();
    XapiLearningRecords records = restart();
    assertThat(outbox.held()).isEqualTo(1);

    records.resolveEarlierRun(answers);
    sender.close();
    outbox.close();
    outbox = FileXapiOutbox.open(folder);

    assertThat(outbox.held()).as("the drop is kept across a restart").isZero();
    assertThat(outbox.pending()).isZero();
    assertThat(delivered()).isEmpty();
    sender = null;
  }

  @Test
  void should_keep_one_statement_when_the_journal_reports_a_held_answer_again() throws Exception {
    runChildKilled("after-store");
    XapiLearningRecords records = restart();

    // The answer recorder reports a journaled answer of an earlier run again, same id.
    records.answered(answer());
    records.resolveEarlierRun(answers);

    await().atMost(Duration.ofSeconds(20)).until(() -> outbox.pending() == 0);
    assertThat(delivered())
        .containsExactly(XapiStatements.answerStatementId(answer().answer().id()));
  }

  private XapiLearningRecords restart() {
    outbox = FileXapiOutbox.open(folder);
    sender =
        new XapiSender(
            outbox,
            new LrsClient(
                new LrsEndpoint(URI.create(lrs.baseUrl() + "/xapi/"), "key", "secret"),
                Duration.ofSeconds(5)),
            10,
            Duration.ofMillis(10),
            Duration.ofMillis(50));
    return new XapiLearningRecords(
        new XapiStatements(new ActivityIds(ActivityIds.DEFAULT_BASE), "http://localhost"),
        new InMemoryLearners(),
        id -> Optional.of(ITEM),
        outbox,
        sender);
  }

  private int runChildKilled(String when) throws Exception {
    Process child =
        new ProcessBuilder(
                System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
                "-cp",
                System.getProperty("java.class.path"),
                AnswerThenDie.class.getName(),
                redis.server().url(),
                folder.toString(),
                when)
            .inheritIO()
            .start();
    assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child ends").isTrue();
    return child.exitValue();
  }

  private List<String> delivered() throws Exception {
    return XapiDeliveryTest.delivered(lrs);
  }

  static RecordAnswer answer() {
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId("ayu:answer-killed"),
            new LearnerId("ayu"),
            ITEM.id(),
            0,
            true,
            Duration.ofSeconds(5),
            Instant.parse("2026-11-02T02:00:00.123Z"),
            AnswerContext.DAILY),
        Set.of(LEAVE),
        "finance",
        ZoneId.of("Asia/Jakarta"));
  }
}
