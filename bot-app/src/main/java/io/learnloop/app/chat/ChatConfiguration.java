package io.learnloop.app.chat;

import io.learnloop.app.content.LearningContent;
import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.conversation.Conversation;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.dialog.conversation.Quiz;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.dialog.quiz.QuizSession;
import io.learnloop.dialog.quiz.Snapshots;
import java.time.Clock;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

  @Bean
  Conversation conversation(
      ConversationHistory history,
      ObjectProvider<KnowledgeBase> knowledge,
      LearningContent content,
      AnswerLog answers,
      AnswerRecorder recorder,
      Learners learners,
      Spacing spacing,
      OpenQuestions open) {
    Optional<Quiz> quiz =
        content
            .catalog()
            .filter(catalog -> !catalog.roles().isEmpty())
            .map(catalog -> quiz(catalog, answers, recorder, learners, spacing, open));
    return new Conversation(
        history, knowledge.getIfAvailable(KnowledgeBase::notReady), quiz, Clock.systemUTC());
  }

  // Learners without a profile (the anonymous web chat) practise for the first role of the content.
  private static Quiz quiz(
      Catalog catalog,
      AnswerLog answers,
      AnswerRecorder recorder,
      Learners learners,
      Spacing spacing,
      OpenQuestions open) {
    return new QuizSession(
        catalog,
        new Snapshots(catalog, answers, learners, spacing),
        recorder,
        learners,
        catalog.roles().iterator().next().id(),
        Clock.systemUTC(),
        open);
  }
}
