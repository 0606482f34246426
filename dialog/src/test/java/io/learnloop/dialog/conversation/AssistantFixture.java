package io.learnloop.dialog.conversation;

import static io.learnloop.dialog.catalog.CatalogTestData.item;
import static io.learnloop.dialog.catalog.CatalogTestData.text;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.channel.InMemoryConversationReferences;
import io.learnloop.dialog.channel.InMemoryDeliveries;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.dialog.escalation.AskPerson;
import io.learnloop.dialog.escalation.ExpertChannels;
import io.learnloop.dialog.escalation.InMemoryEscalations;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.identity.InMemoryLinkCodes;
import io.learnloop.dialog.identity.LinkAccounts;
import io.learnloop.dialog.identity.Privacy;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.InMemoryAnswerLog;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.AnswerQuestion;
import io.learnloop.dialog.quiz.AskNextQuestion;
import io.learnloop.dialog.quiz.InMemoryOpenQuestions;
import io.learnloop.dialog.quiz.InMemoryRounds;
import io.learnloop.dialog.quiz.JustInTimePractice;
import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.dialog.quiz.SectionTitles;
import io.learnloop.dialog.quiz.ShowProgress;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.quiz.TeamRounds;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * An assistant on in-memory stores with a two-skill catalog, a stand-in channel {@code test} and a
 * knowledge base that cites {@code handbook/leave-1.md} and says which groups it was asked with;
 * asked about salaries by a reader of the {@code hr} group, it also cites the restricted {@code
 * hr/salary-bands.md}. The experts of the {@code test} channel read {@link #EXPERTS}, those on
 * {@code phishing} {@link #PHISHING_EXPERTS}.
 */
public final class AssistantFixture implements AutoCloseable {

  public static final SkillId LEAVE = new SkillId("leave-policy");
  public static final SkillId PHISHING = new SkillId("phishing");
  public static final RoleId ANALYST = new RoleId("analyst");

  /** A role a learner may choose to work toward next. */
  public static final RoleId RISK = new RoleId("risk");

  public static final String EXPERTS = "C-experts";
  public static final String PHISHING_EXPERTS = "C-phishing-experts";

  /** A question with this in it is one the knowledge base has no answer for. */
  public static final String NOT_IN_THE_HANDBOOK = "parking";

  public final Catalog catalog =
      new Catalog(
          List.of(
              new io.learnloop.dialog.catalog.Skill(
                  LEAVE,
                  text("Leave policy", "Kebijakan cuti"),
                  List.of(
                      new io.learnloop.dialog.catalog.Course(
                          "Leave essentials",
                          "https://lms.example.com/leave-101",
                          io.learnloop.dialog.i18n.Language.ENGLISH,
                          20),
                      new io.learnloop.dialog.catalog.Course(
                          "Dasar-dasar cuti",
                          "https://lms.example.com/cuti-101",
                          io.learnloop.dialog.i18n.Language.INDONESIAN,
                          25))),
              new io.learnloop.dialog.catalog.Skill(
                  PHISHING,
                  text("Phishing", "Phishing"),
                  List.of(
                      new io.learnloop.dialog.catalog.Course(
                          "Spotting phishing",
                          "https://lms.example.com/phishing-101",
                          io.learnloop.dialog.i18n.Language.ENGLISH,
                          15)))),
          List.of(
              new Role(
                  ANALYST,
                  text("Analyst", "Analis"),
                  Map.of(LEAVE, TargetLevel.EXPERT, PHISHING, TargetLevel.BASIC)),
              new Role(
                  RISK,
                  text("Risk analyst", "Analis risiko"),
                  Map.of(PHISHING, TargetLevel.EXPERT))),
          List.of(
              item("leave-1", LEAVE),
              item("leave-2", LEAVE),
              item("leave-3", LEAVE),
              item("phishing-1", PHISHING),
              new io.learnloop.dialog.catalog.Item(
                  new io.learnloop.dialog.catalog.ItemId("cuti-1"),
                  io.learnloop.dialog.i18n.Language.INDONESIAN,
                  Set.of(LEAVE),
                  "Berapa hari cuti yang bisa dibawa?",
                  List.of("5", "10", "0"),
                  0,
                  "Lima hari.",
                  "handbook/leave-1.md#section")));
  public final InMemoryAnswerLog answers = new InMemoryAnswerLog(Spacing.defaults());
  public final Learners learners;
  public final AnswerRecorder recorder;
  public final io.learnloop.dialog.learning.RecordingLearningRecords records =
      new io.learnloop.dialog.learning.RecordingLearningRecords();
  public final RecordingChatGateway gateway = new RecordingChatGateway("test");

  /** A second channel, for one person on two channels. */
  public final RecordingChatGateway other = new RecordingChatGateway("other");

  public final InMemoryConversationReferences references = new InMemoryConversationReferences();
  public final io.learnloop.dialog.dashboard.InMemoryContentGaps gaps =
      new io.learnloop.dialog.dashboard.InMemoryContentGaps();
  public final OpenQuestions open;
  public final Assistant assistant;
  public final InMemoryEscalations escalations = new InMemoryEscalations(Clock.systemUTC());

  /** Each question as the knowledge base was asked it. */
  public final List<String> askedQuestions = new java.util.concurrent.CopyOnWriteArrayList<>();

  /** The groups each question reached the knowledge base with. */
  public final List<Set<String>> askedWithGroups =
      new java.util.concurrent.CopyOnWriteArrayList<>();

  public AssistantFixture() {
    this(
        new InMemoryLearners(),
        new InMemoryOpenQuestions(),
        new InMemoryDeliveries(Clock.systemUTC()),
        Map.of(),
        null);
  }

  /**
   * @param groups members per document group, by channel user key or verified email
   * @param answerLog the answer log the recorder writes to; {@code null} for {@link #answers}
   */
  public AssistantFixture(
      Learners learners,
      OpenQuestions open,
      Deliveries deliveries,
      Map<String, Set<String>> groups,
      AnswerLog answerLog) {
    this.learners = learners;
    this.open = open;
    Clock clock = Clock.systemUTC();
    AnswerLog log = answerLog == null ? answers : answerLog;
    this.recorder =
        new AnswerRecorder(
            log,
            Duration.ofMillis(50),
            io.learnloop.dialog.learning.AnswerJournal.none(),
            io.learnloop.dialog.learning.AnswerRecorder.DEFAULT_MAX_PENDING,
            records);
    Snapshots snapshots = new Snapshots(catalog, log, learners, Spacing.defaults());
    AskNextQuestion ask =
        new AskNextQuestion(
            catalog, snapshots, log, open, ANALYST, clock, SectionTitles.plain(), records);
    Quizzing quizzing =
        new Quizzing(
            ask,
            new AnswerQuestion(
                catalog, snapshots, recorder, log, open, clock, SectionTitles.plain()),
            new JustInTimePractice(catalog, learners, clock),
            new ShowProgress(catalog, snapshots, log, ask, clock),
            new TeamRounds(
                catalog, new InMemoryRounds(), recorder, log, SectionTitles.plain(), clock));
    AccessGroups access =
        (user, email) -> {
          Set<String> found = new java.util.HashSet<>();
          groups.forEach(
              (group, members) -> {
                if (members.contains(user.key()) || email.filter(members::contains).isPresent()) {
                  found.add(group);
                }
              });
          return found;
        };
    KnowledgeBase knowledge =
        (question, askedGroups, language) -> {
          askedWithGroups.add(askedGroups);
          askedQuestions.add(question);
          if (question.contains(NOT_IN_THE_HANDBOOK)) {
            return Optional.of(new KnowledgeAnswer("The handbook does not say.", true, List.of()));
          }
          List<Citation> cited = new java.util.ArrayList<>();
          cited.add(
              new Citation(
                  "handbook/leave-1.md", "Annual leave", "Carrying over", "/docs/leave-1.md", 1));
          if (askedGroups.contains("hr") && question.toLowerCase(Locale.ROOT).contains("salar")) {
            cited.add(
                new Citation(
                    "hr/salary-bands.md", "Salary bands 2027", "", "/docs/hr/salary-bands.md", 1));
          }
          return Optional.of(new KnowledgeAnswer("Five days carry over [1].", false, cited));
        };
    io.learnloop.dialog.schedule.InMemoryQuizCalendar calendar =
        new io.learnloop.dialog.schedule.InMemoryQuizCalendar();
    Privacy privacy = new Privacy(learners, log, references, calendar, escalations, clock);
    this.assistant =
        new Assistant(
            List.of(gateway, other),
            deliveries,
            new Enrollment(learners, ANALYST, ZoneId.of("Asia/Jakarta")),
            references,
            access,
            knowledge,
            Optional.of(quizzing),
            InteractionListener.NONE,
            Optional.of(privacy),
            Optional.of(
                new io.learnloop.dialog.identity.Settings(learners, calendar, clock, catalog)),
            Optional.of(
                new LinkAccounts(new InMemoryLinkCodes(clock), learners, log, privacy, references)),
            Optional.of(
                new AskPerson(
                    new ExpertChannels(
                        Map.of(
                            ExpertChannels.DEFAULT,
                            Map.of("test", EXPERTS),
                            PHISHING.value(),
                            Map.of("test", PHISHING_EXPERTS))),
                    escalations,
                    (question, language) ->
                        knowledge
                            .answer(question, Set.of(), language)
                            .map(KnowledgeAnswer::citations))),
            Optional.of(new FollowUps(new InMemoryConversationHistory(), clock)),
            gaps,
            clock);
  }

  public static ChannelUser user(String name) {
    return new ChannelUser("test", "W1", name);
  }

  public static ConversationRef dm(ChannelUser user) {
    return ConversationRef.direct("test", "W1", "dm-" + user.user());
  }

  public List<Sent> handle(ChannelUser who, ConversationRef where, Input what) {
    return assistant.handle(interaction(who, where, what, Optional.empty(), ProfileHints.none()));
  }

  public static Interaction interaction(
      ChannelUser who,
      ConversationRef where,
      Input what,
      Optional<Locale> locale,
      ProfileHints hints) {
    return new Interaction(
        "d-" + UUID.randomUUID(), who, where, Instant.now(), locale, hints, what);
  }

  @Override
  public void close() {
    recorder.close();
  }
}
