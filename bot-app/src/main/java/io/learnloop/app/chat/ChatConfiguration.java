package io.learnloop.app.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.app.access.ApiToken;
import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.InteractionListener;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.dialog.conversation.Quizzing;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.CurrentResponseModel;
import io.learnloop.dialog.learning.Learners;
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
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.integrations.content.HandbookTitles;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The conversation core and its first adapter, the web chat. */
@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

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
      InteractionListener listener,
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
                    rounds));
    return new Assistant(
        gateways,
        deliveries,
        new Enrollment(learners, role, ZoneId.of(defaultTimezone)),
        references,
        access,
        knowledge.getIfAvailable(KnowledgeBase::notReady),
        quizzing,
        listener,
        clock);
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
      Rounds rounds) {
    Snapshots snapshots = new Snapshots(catalog, answers, learners, spacing, model);
    AskNextQuestion ask =
        new AskNextQuestion(catalog, snapshots, answers, open, role, clock, titles);
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
