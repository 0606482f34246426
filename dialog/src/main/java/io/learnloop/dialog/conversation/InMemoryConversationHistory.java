package io.learnloop.dialog.conversation;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link ConversationHistory} held in this process, for tests and single-run tools. */
public final class InMemoryConversationHistory implements ConversationHistory {

  private final Map<ConversationId, Deque<ChatTurn>> conversations = new ConcurrentHashMap<>();

  @Override
  public void append(ConversationId conversation, ChatTurn turn) {
    Deque<ChatTurn> turns = conversations.computeIfAbsent(conversation, id -> new ArrayDeque<>());
    synchronized (turns) {
      turns.addLast(turn);
      while (turns.size() > RETAINED_TURNS) {
        turns.removeFirst();
      }
    }
  }

  @Override
  public List<ChatTurn> latest(ConversationId conversation, int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive but was " + limit);
    }
    Deque<ChatTurn> turns = conversations.get(conversation);
    if (turns == null) {
      return List.of();
    }
    synchronized (turns) {
      List<ChatTurn> all = new ArrayList<>(turns);
      return List.copyOf(all.subList(Math.max(0, all.size() - limit), all.size()));
    }
  }
}
