package io.learnloop.app.learning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.learning.AdoptedModel;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.CurrentResponseModel;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.ResponseModels;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisResponseModels;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The refit as the bot runs it: a scheduled job on the embedded Redis, over the answers an earlier
 * run of the bot left in it (its append-only file), whose adopted model the bot then uses and Redis
 * keeps for every instance and a restart.
 */
@SpringBootTest
@DirtiesContext
class ResponseModelRefitJobTest {

  private static final int LEARNERS = 250;
  private static final int EACH = 6;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path data = Files.createTempDirectory("learnloop-data");
    Catalog catalog = new ContentFolder(Path.of("../content")).load();
    try (EmbeddedRedis before = EmbeddedRedis.start(data.resolve("redis"));
        RedisConnector redis = new RedisConnector(before.url(), Duration.ofSeconds(2))) {
      recordAnswers(new RedisAnswerLog(redis, Spacing.defaults()), catalog);
    }
    registry.add("learnloop.data-dir", data::toString);
    registry.add("learnloop.content.dir", () -> "../content");
    registry.add("learnloop.redis.url", () -> "");
    registry.add("learnloop.refit.cron", () -> "*/2 * * * * *");
    registry.add("learnloop.refit.check-every", () -> "0s");
  }

  @Autowired ResponseModels models;
  @Autowired CurrentResponseModel current;
  @Autowired RedisConnector redis;
  @Autowired MeterRegistry registry;

  @Test
  void should_adopt_a_refit_of_the_recorded_answers_for_this_and_every_other_instance() {
    await().atMost(Duration.ofSeconds(60)).until(() -> models.adoptedToken().isPresent());
    await().atMost(Duration.ofSeconds(30)).until(() -> runs() >= 2);

    AdoptedModel adopted = models.adopted().orElseThrow();
    // 1,500 distinct answers (the 250 retried ones count once): the hold-out is the latest 300.
    assertThat(adopted.reason())
        .startsWith("adopted: log loss")
        .endsWith("on the 300 most recent answers");
    assertThat(CurrentResponseModel.text(current.get())).isEqualTo(adopted.parameters());
    assertThat(CurrentResponseModel.text(current.get()))
        .isNotEqualTo(CurrentResponseModel.text(ResponseModelFile.shipped()));
    CurrentResponseModel restarted =
        new CurrentResponseModel(
            new RedisResponseModels(redis),
            ResponseModelFile.shipped(),
            Duration.ofMinutes(1),
            Clock.systemUTC());
    assertThat(CurrentResponseModel.text(restarted.get())).isEqualTo(adopted.parameters());
    assertThat(restarted.token()).isEqualTo(adopted.token());
    assertThat(models.adopted())
        .as("a second run on the same answers adopts nothing new")
        .hasValue(adopted);
  }

  // Learners of varying ability answer the catalog's items; half of the items are made hard.
  private static void recordAnswers(AnswerLog answers, Catalog catalog) {
    List<Item> items = List.copyOf(catalog.items());
    Random random = new Random(11);
    Instant at = Instant.parse("2026-11-01T08:00:00Z");
    List<RecordAnswer> stream = new ArrayList<>();
    for (int l = 0; l < LEARNERS; l++) {
      double ability = random.nextGaussian();
      for (int k = 0; k < EACH; k++) {
        int i = random.nextInt(items.size());
        Item item = items.get(i);
        double difficulty = i % 2 == 0 ? 2 : -2;
        boolean correct = random.nextDouble() < 1 / (1 + Math.exp(difficulty - ability));
        at = at.plusSeconds(90);
        RecordAnswer answer =
            new RecordAnswer(
                new AnswerEvent(
                    new AnswerId("refit-" + l + "-" + k),
                    new LearnerId("refit-learner-" + l),
                    item.id(),
                    correct ? item.answer() : (item.answer() + 1) % item.choices().size(),
                    correct,
                    Duration.ofSeconds(7),
                    at,
                    AnswerContext.DAILY),
                item.skills(),
                "",
                ZoneOffset.UTC);
        stream.add(answer);
        if (k == 0) {
          stream.add(answer); // a retried delivery: the log counts it once
        }
      }
    }
    answers.recordAll(stream);
  }

  private double runs() {
    var counter =
        registry
            .find("learnloop.jobs.runs")
            .tags("job", ResponseModelConfiguration.REFIT_JOB, "outcome", "ran")
            .counter();
    return counter == null ? 0 : counter.count();
  }
}
