package io.learnloop.dialog.quiz;

import static io.learnloop.dialog.catalog.CatalogTestData.item;
import static io.learnloop.dialog.catalog.CatalogTestData.text;
import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Course;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.Skill;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.InMemoryAnswerLog;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Work beyond the learner's role: once its targets are met, the next role the learner chose brings
 * its skills, and the question on one of them offers the skill's external course beside it.
 */
class BeyondTheRoleTest {

  private static final Instant NOW = Instant.parse("2026-11-03T02:00:00Z");
  private static final SkillId LEAVE = new SkillId("leave-policy");
  private static final SkillId PHISHING = new SkillId("phishing");
  private static final RoleId ANALYST = new RoleId("analyst");
  private static final RoleId RISK = new RoleId("risk");

  private final Catalog catalog =
      new Catalog(
          List.of(
              new Skill(
                  LEAVE,
                  text("Leave", "Cuti"),
                  List.of(
                      new Course(
                          "Leave in depth",
                          "https://lms.example.com/leave-201",
                          Language.ENGLISH,
                          30))),
              new Skill(
                  PHISHING,
                  text("Phishing", "Phishing"),
                  List.of(
                      new Course(
                          "Spotting phishing",
                          "https://lms.example.com/phishing-101",
                          Language.ENGLISH,
                          15),
                      new Course(
                          "Mengenali phishing",
                          "https://lms.example.com/phishing-id",
                          Language.INDONESIAN,
                          20)))),
          List.of(
              new Role(ANALYST, text("Analyst", "Analis"), Map.of(LEAVE, TargetLevel.BASIC)),
              new Role(
                  RISK,
                  text("Risk analyst", "Analis risiko"),
                  Map.of(PHISHING, TargetLevel.EXPERT))),
          Stream.concat(
                  IntStream.rangeClosed(1, 30).mapToObj(i -> item("leave-" + i, LEAVE)),
                  Stream.of(item("phishing-1", PHISHING), item("phishing-2", PHISHING)))
              .toList());
  private final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  private final InMemoryLearners learners = new InMemoryLearners();
  private final Snapshots snapshots =
      new Snapshots(
          catalog,
          answers,
          learners,
          Spacing.defaults(),
          ResponseModelFile::shipped,
          learner -> Optional.empty());
  private final AskNextQuestion ask =
      new AskNextQuestion(
          catalog,
          snapshots,
          answers,
          new InMemoryOpenQuestions(),
          ANALYST,
          Clock.fixed(NOW, ZoneOffset.UTC),
          SectionTitles.plain());

  @Test
  void should_offer_the_next_roles_course_beside_its_question_once_the_role_is_mastered() {
    Learner dewi = learner("dewi", Optional.of(RISK));

    List<Reply.QuizQuestion> asked =
        questionsUntilBeyondTheRole(dewi, Language.INDONESIAN, "Menuju peran berikutnya");

    Reply.QuizQuestion beyond = asked.get(asked.size() - 1);
    assertThat(beyond.reason()).contains("Analis risiko");
    assertThat(itemOf(beyond)).startsWith("phishing");
    assertThat(beyond.course())
        .as("the course in the reader's language")
        .map(Reply.Lesson.Course::url)
        .contains("https://lms.example.com/phishing-id");
    assertThat(asked.subList(0, asked.size() - 1))
        .as("questions toward the role's own targets offer no course, though leave has one")
        .allSatisfy(q -> assertThat(q.course()).isEmpty());
  }

  @Test
  void should_offer_the_skills_course_beside_a_harder_question_once_the_roles_targets_are_met() {
    Learner budi = learner("budi", Optional.empty());

    List<Reply.QuizQuestion> asked =
        questionsUntilBeyondTheRole(budi, Language.ENGLISH, "met your role's targets");

    Reply.QuizQuestion advanced = asked.get(asked.size() - 1);
    assertThat(itemOf(advanced)).startsWith("leave");
    assertThat(advanced.course())
        .map(Reply.Lesson.Course::url)
        .contains("https://lms.example.com/leave-201");
    assertThat(asked.subList(0, asked.size() - 1))
        .allSatisfy(q -> assertThat(q.course()).isEmpty());
  }

  private Learner learner(String id, Optional<RoleId> nextRole) {
    Learner learner =
        new Learner(
            new LearnerId(id),
            Map.of("test", id),
            ANALYST,
            "",
            Optional.empty(),
            ZoneId.of("Asia/Jakarta"),
            Language.ENGLISH,
            Learner.Preferences.defaults().withNextRole(nextRole));
    learners.save(learner);
    return learner;
  }

  // Right answers on the questions asked, until one's reason says it goes beyond the role's
  // targets (at most 40).
  private List<Reply.QuizQuestion> questionsUntilBeyondTheRole(
      Learner learner, Language language, String beyond) {
    ConversationRef dm = ConversationRef.direct("test", "T1", "D-" + learner.id().value());
    ask.next(learner, dm, language);
    ask.skipPlacement(learner, language);
    List<Reply.QuizQuestion> asked = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      Reply reply = ask.next(learner, dm, language);
      assertThat(reply)
          .as("after %s", asked.stream().map(q -> itemOf(q) + ": " + q.reason()).toList())
          .isInstanceOf(Reply.QuizQuestion.class);
      Reply.QuizQuestion question = (Reply.QuizQuestion) reply;
      asked.add(question);
      if (question.reason().contains(beyond)) {
        return asked;
      }
      rightAnswer(learner.id(), itemOf(question), i);
    }
    throw new AssertionError("never went beyond the role after 40 right answers: " + asked);
  }

  private String itemOf(Reply.QuizQuestion question) {
    return catalog.items().stream()
        .filter(i -> i.question().equals(question.stem()))
        .findFirst()
        .orElseThrow()
        .id()
        .value();
  }

  private void rightAnswer(LearnerId learner, String item, int k) {
    answers.record(
        new RecordAnswer(
            new AnswerEvent(
                new AnswerId(learner.value() + "-" + k),
                learner,
                new ItemId(item),
                0,
                true,
                Duration.ofSeconds(5),
                NOW.minus(Duration.ofDays(2)).plus(Duration.ofMinutes(k)),
                AnswerContext.DAILY),
            Set.of(LEAVE),
            "",
            ZoneOffset.UTC));
  }
}
