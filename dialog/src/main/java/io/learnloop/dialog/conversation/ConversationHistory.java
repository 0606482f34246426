package io.learnloop.dialog.conversation;

import java.util.List;

/**
 * The messages exchanged in each conversation, oldest first. Implementations keep at least the
 * latest {@link #RETAINED_TURNS} turns of each conversation and may drop older ones.
 */
public interface ConversationHistory {

  int RETAINED_TURNS = 200;

  /**
   * Appends a turn at the end of the conversation.
   *
   * @throws HistoryUnavailableException when the store cannot be reached; nothing was written
   */
  void append(ConversationId conversation, ChatTurn turn);

  /**
   * Returns up to {@code limit} of the latest turns, oldest first; empty for an unknown
   * conversation.
   *
   * @throws IllegalArgumentException when {@code limit} is not positive
   * @throws HistoryUnavailableException when the store cannot be reached
   */
  List<ChatTurn> latest(ConversationId conversation, int limit);
}
