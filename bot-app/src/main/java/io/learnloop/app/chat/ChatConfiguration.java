package io.learnloop.app.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.app.access.ApiToken;
import io.learnloop.app.content.LearningContent;
import io.learnloop.app.schedule.ScheduledJob;
import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.JobTitles;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.DailyQuiz;
import io.learnloop.dialog.conversation.FollowUps;
import io.learnloop.dialog.conversation.InteractionListener;
import io.learnloop.dialog.conversation.KnowledgeAnswer;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.dialog.conversation.Quizzing;
import io.learnloop.dialog.dashboard.ContentGaps;
import io.learnloop.dialog.escalation.AskPerson;
import io.learnloop.dialog.escalation.Escalations;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.identity.LinkAccounts;
import io.learnloop.dialog.identity.LinkCodes;
import io.learnloop.dialog.identity.Privacy;
import io.learnloop.dialog.identity.Settings;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.CurrentResponseModel;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearningRecords;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.AnswerQuestion;
import io.learnloop.dialog.quiz.AskNextQuestion;
import io.learnloop.dialog.quiz.JustInTimePractice;
import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.dialog.quiz.Rounds;
import io.learnloop.dialog.quiz.SectionTitles;
import io.learnloop.dialog.quiz.ShowProgress;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.quiz.TeamRounds;
import io.learnloop.dialog.roster.PlaceFromProfile;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.schedule.QuizCalendar;
import io.learnloop.dialog.schedule.Workdays;
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.integrations.content.HandbookTitles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.support.CronExpression;

/** The conversation core and its first adapter, the web chat. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

  private static final Logger log = LoggerFactory.getLogger(ChatConfiguration.class);

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  WebChatGateway webChatGateway(ConversationHistory history, ObjectMapper json, Clock clock) {
    return new WebChatGateway(history, json, clock);
  }

  @Bean
  WebCallers webCallers(ApiToken token) {
    return new WebCallers(token);
  }

  @Bean
  Assistant assistant(
      List<ChatGateway> gateways,
      Deliveries deliveries,
      ConversationReferences references,
      AccessGroups access,
      ObjectProvider<KnowledgeBase> knowledge,
      LearningContent content,
      AnswerLog answers,
      AnswerRecorder recorder,
      Learners learners,
      Spacing spacing,
      CurrentResponseModel model,
      OpenQuestions open,
      Rounds rounds,
      LearningRecords records,
      InteractionListener listener,
      QuizCalendar calendar,
      LinkCodes linkCodes,
      ContentGaps gaps,
      Escalations escalations,
      ExpertSettings experts,
      ConversationHistory history,
      Roster roster,
      Clock clock,
      @Value("${learnloop.learners.default-role:}") String defaultRole,
      @Value("${learnloop.learners.default-timezone:UTC}") String defaultTimezone) {
    Optional<Catalog> catalog = content.catalog().filter(c -> !c.roles().isEmpty());
    RoleId role =
        !defaultRole.isBlank()
            ? new RoleId(defaultRole)
            : catalog.map(c -> c.roles().iterator().next().id()).orElse(new RoleId("employee"));
    Optional<Quizzing> quizzing =
        catalog.map(
            c ->
                quizzing(
                    c,
                    answers,
                    recorder,
                    learners,
                    spacing,
                    model,
                    open,
                    role,
                    clock,
                    new HandbookTitles(content.folder().resolve(ContentFolder.HANDBOOK_FOLDER)),
                    rounds,
                    records,
                    roster));
    Privacy privacy = new Privacy(learners, answers, references, calendar, escalations, clock);
    KnowledgeBase answering = knowledge.getIfAvailable(KnowledgeBase::notReady);
    AskPerson askPerson =
        new AskPerson(
            experts.channels(),
            escalations,
            (question, language) ->
                answering.answer(question, Set.of(), language).map(KnowledgeAnswer::citations));
    if (!experts.experts().isEmpty()) {
      log.info("Ask a person: experts read questions on {}", experts.experts());
    }
    return new Assistant(
        gateways,
        deliveries,
        new Enrollment(
            learners,
            role,
            ZoneId.of(defaultTimezone),
            learner -> plan(calendar, learner, clock),
            // People the HR export does not list: role, team and manager from their chat profile.
            new PlaceFromProfile(
                new JobTitles(catalog.map(Catalog::roles).orElse(List.of())),
                learners,
                roster,
                role)),
        references,
        access,
        answering,
        quizzing,
        listener,
        Optional.of(privacy),
        Optional.of(
            new Settings(
                learners,
                calendar,
                clock,
                catalog.orElseGet(() -> new Catalog(List.of(), List.of(), List.of())))),
        Optional.of(new LinkAccounts(linkCodes, learners, answers, privacy, references)),
        Optional.of(askPerson),
        Optional.of(new FollowUps(history, clock)),
        gaps,
        clock);
  }

  // A calendar outage must not lose the interaction that enrolled the learner.
  private static void plan(QuizCalendar calendar, Learner learner, Clock clock) {
    try {
      DailyQuiz.plan(calendar, learner, clock.instant());
    } catch (RuntimeException e) {
      log.warn("First daily quiz of {} not planned: {}", learner.id(), e.getMessage());
    }
  }

  @Bean
  DailyQuiz dailyQuiz(
      Assistant assistant,
      List<ChatGateway> gateways,
      Learners learners,
      QuizCalendar calendar,
      Deliveries deliveries,
      Workdays workdays) {
    // The web chat cannot write first: its page asks.
    Set<String> proactive =
        gateways.stream()
            .map(ChatGateway::channel)
            .filter(channel -> !channel.equals(WebChatGateway.CHANNEL))
            .collect(Collectors.toSet());
    return new DailyQuiz(assistant, learners, calendar, deliveries, proactive, workdays);
  }

  /** Every five minutes, the daily quizzes that have come due, once across all instances. */
  @Bean
  ScheduledJob dailyQuizJob(DailyQuiz daily, Clock clock) {
    return new ScheduledJob(
        "daily-quiz",
        CronExpression.parse("0 */5 * * * *"),
        ZoneOffset.UTC,
        Duration.ofMinutes(4),
        claim -> {
          int sent = daily.sendDue(clock.instant());
          if (sent > 0) {
            log.info("Daily quiz sent to {} learners", sent);
          }
        });
  }

  /** Every minute, the team rounds whose time box has ended are revealed, once. */
  @Bean
  ScheduledJob roundTimerJob(Assistant assistant, Clock clock) {
    return new ScheduledJob(
        "round-timer",
        CronExpression.parse("0 * * * * *"),
        ZoneOffset.UTC,
        Duration.ofSeconds(50),
        claim -> assistant.closeRoundsDue(clock.instant()));
  }

  private static Quizzing quizzing(
      Catalog catalog,
      AnswerLog answers,
      AnswerRecorder recorder,
      Learners learners,
      Spacing spacing,
      CurrentResponseModel model,
      OpenQuestions open,
      RoleId role,
      Clock clock,
      SectionTitles titles,
      Rounds rounds,
      LearningRecords records,
      Roster roster) {
    // A next role on the roster brings its targets after the learner's own role's.
    Snapshots snapshots =
        new Snapshots(
            catalog,
            answers,
            learners,
            spacing,
            model,
            learner -> roster.find(learner).flatMap(RosterEntry::nextRole));
    AskNextQuestion ask =
        new AskNextQuestion(catalog, snapshots, answers, open, role, clock, titles, records);
    return new Quizzing(
        ask,
        new AnswerQuestion(catalog, snapshots, recorder, answers, open, clock, titles),
        new JustInTimePractice(catalog, learners, clock),
        new ShowProgress(catalog, snapshots, answers, ask, clock),
        new TeamRounds(catalog, rounds, recorder, answers, titles, clock));
  }

  /**
   * Replies by kind with the core's time. Repeated deliveries are counted where they are claimed
   * ({@code learnloop.deliveries.deduplicated}).
   */
  @Bean
  InteractionListener interactionMetrics(MeterRegistry registry) {
    return (reply, took) ->
        Timer.builder("learnloop.replies")
            .description("Replies sent, by kind, with the core's time for the interaction")
            .tag("kind", reply.getClass().getSimpleName().toLowerCase(Locale.ROOT))
            .register(registry)
            .record(took);
  }
}
