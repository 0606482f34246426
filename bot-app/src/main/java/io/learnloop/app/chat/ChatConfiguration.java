package io.learnloop.app.chat;

import io.learnloop.dialog.conversation.Conversation;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.KnowledgeBase;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ChatConfiguration {

  @Bean
  Conversation conversation(ConversationHistory history, ObjectProvider<KnowledgeBase> knowledge) {
    return new Conversation(
        history, knowledge.getIfAvailable(KnowledgeBase::notReady), Clock.systemUTC());
  }
}
