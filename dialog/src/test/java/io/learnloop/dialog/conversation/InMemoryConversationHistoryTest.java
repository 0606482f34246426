package io.learnloop.dialog.conversation;

class InMemoryConversationHistoryTest extends ConversationHistoryContract {

  @Override
  protected ConversationHistory history() {
    return new InMemoryConversationHistory();
  }
}
