package io.learnloop.dialog.channel;

class InMemoryConversationReferencesTest extends ConversationReferencesContract {
  @Override
  protected ConversationReferences store() {
    return new InMemoryConversationReferences();
  }
}
