package io.learnloop.dialog.learning;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.CatalogTestData;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import io.learnloop.dialog.learning.model.ResponseModelRefit.Adopted;
import io.learnloop.dialog.learning.model.ResponseModelRefit.Kept;
import io.learnloop.dialog.learning.model.ResponseModelRefit.Outcome;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class RefitResponseModelTest {

  private static final SkillId SKILL = new SkillId("org-skill");
  private static final String[] ITEMS = {"easy", "mid", "hard"};
  private static final double[] DIFFICULTY = {-2, 0, 2};
  private static final Instant NIGHT = Instant.parse("2026-12-02T03:30:00Z");
  private static final ResponseModel SHIPPED = ResponseModelFile.shipped();

  private final Catalog catalog =
      new Catalog(
          List.of(CatalogTestData.skill(SKILL, "Org skill", "Keahlian")),
          List.of(),
          List.of(
              CatalogTestData.item("easy", SKILL),
              CatalogTestData.item("mid", SKILL),
              CatalogTestData.item("hard", SKILL)));
  private final Clock clock = Clock.fixed(NIGHT, ZoneOffset.UTC);
  private final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  private final InMemoryResponseModels store = new InMemoryResponseModels();
  private final CurrentResponseModel current = current();
  private final RefitResponseModel refit =
      new RefitResponseModel(answers, catalog, store, current, clock);
  private final List<String> logged = new ArrayList<>();
  private final Handler capture =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          logged.add(record.getMessage());
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  {
    Logger.getLogger(RefitResponseModel.class.getName()).addHandler(capture);
  }

  @AfterEach
  void removeCapture() {
    Logger.getLogger(RefitResponseModel.class.getName()).removeHandler(capture);
  }

  @Test
  void should_adopt_a_refit_of_the_organisations_answers_for_every_instance() {
    record(answers(400, 1));
    CurrentResponseModel otherInstance = current();

    Outcome outcome = refit.run(3);

    assertThat(outcome).isInstanceOf(Adopted.class);
    assertThat(outcome.model().weight("item=hard")).isLessThan(outcome.model().weight("item=easy"));
    assertThat(store.adopted().orElseThrow().token()).isEqualTo(3);
    assertThat(current.get()).isSameAs(outcome.model());
    assertThat(otherInstance.get().weights()).isEqualTo(outcome.model().weights());
    assertThat(logged).anySatisfy(m -> assertThat(m).contains("2400 answers: adopted"));
  }

  @Test
  void should_refit_the_same_whatever_order_the_answers_arrived_in_and_however_often() {
    List<RecordAnswer> inOrder = answers(300, 2);
    List<RecordAnswer> skewed = new ArrayList<>(inOrder);
    Collections.shuffle(skewed, new Random(5)); // instances' clocks and retries disagree
    skewed.addAll(inOrder.subList(0, 200)); // replays of answers already recorded
    InMemoryAnswerLog messy = new InMemoryAnswerLog(Spacing.defaults());
    skewed.forEach(messy::record);
    record(inOrder);

    Outcome clean = refit.run(1);
    InMemoryResponseModels otherStore = new InMemoryResponseModels();
    Outcome fromMessy =
        new RefitResponseModel(
                messy,
                catalog,
                otherStore,
                new CurrentResponseModel(otherStore, SHIPPED, Duration.ZERO, clock),
                clock)
            .run(1);

    assertThat(fromMessy.reason()).isEqualTo(clean.reason());
    assertThat(fromMessy.model().weights()).isEqualTo(clean.model().weights());
  }

  @Test
  void should_keep_the_current_parameters_and_log_why_when_there_are_too_few_answers() {
    record(answers(100, 3));

    Outcome outcome = refit.run(4);

    assertThat(outcome).isInstanceOf(Kept.class);
    assertThat(outcome.model()).isSameAs(SHIPPED);
    assertThat(store.adopted()).isEmpty();
    assertThat(logged)
        .anySatisfy(
            m -> assertThat(m).contains("kept: 600 distinct answers, a refit needs at least 1000"));
  }

  @Test
  void should_not_replace_a_model_adopted_under_a_newer_claim() {
    record(answers(400, 4));
    store.adopt(
        new AdoptedModel(
            CurrentResponseModel.text(SHIPPED),
            10,
            NIGHT.minus(Duration.ofDays(60)),
            NIGHT,
            "adopted by a later run"));

    Outcome outcome = refit.run(9);

    assertThat(outcome).isInstanceOf(Kept.class);
    assertThat(outcome.reason()).contains("newer claim");
    assertThat(store.adopted().orElseThrow().reason()).isEqualTo("adopted by a later run");
  }

  @Test
  void should_leave_out_answers_on_items_no_longer_in_the_catalog() {
    List<RecordAnswer> stream = answers(150, 6);
    stream.add(withItem(stream.get(0), "retired", 999));
    record(stream);

    assertThat(refit.run(1).reason()).startsWith("kept: 900 distinct answers");
  }

  private CurrentResponseModel current() {
    return new CurrentResponseModel(store, SHIPPED, Duration.ZERO, clock);
  }

  private void record(List<RecordAnswer> stream) {
    stream.forEach(answers::record);
  }

  // Learners of varying ability answer three items of very different difficulty, a minute apart.
  private static List<RecordAnswer> answers(int learners, long seed) {
    Random random = new Random(seed);
    List<RecordAnswer> answers = new ArrayList<>();
    Instant t = NIGHT.minus(Duration.ofDays(30));
    for (int l = 0; l < learners; l++) {
      double ability = random.nextGaussian();
      for (int k = 0; k < 6; k++) {
        int i = random.nextInt(ITEMS.length);
        boolean correct = random.nextDouble() < 1 / (1 + Math.exp(DIFFICULTY[i] - ability));
        t = t.plusSeconds(60);
        answers.add(answer("u" + l, ITEMS[i], "a" + l + "-" + k, correct, t));
      }
    }
    return answers;
  }

  private static RecordAnswer withItem(RecordAnswer answer, String item, int n) {
    AnswerEvent e = answer.answer();
    return answer(e.learner().value(), item, "x" + n, e.correct(), e.at());
  }

  private static RecordAnswer answer(
      String learner, String item, String id, boolean correct, Instant at) {
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId(id),
            new LearnerId(learner),
            new ItemId(item),
            correct ? 0 : 1,
            correct,
            Duration.ofSeconds(5),
            at,
            AnswerContext.DAILY),
        java.util.Set.of(SKILL),
        "",
        ZoneOffset.UTC);
  }
}
