package io.learnloop.dialog.channel;

import io.learnloop.dialog.learning.LearnerId;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Conversation references in this process's memory; for tests and tools. */
public final class InMemoryConversationReferences implements ConversationReferences {

  private final Map<LearnerId, Map<String, ConversationRef>> byLearner = new ConcurrentHashMap<>();

  @Override
  public void remember(LearnerId learner, ConversationRef direct) {
    Objects.requireNonNull(direct, "direct");
    byLearner
        .computeIfAbsent(learner, l -> new ConcurrentHashMap<>())
        .put(direct.channel(), direct);
  }

  @Override
  public Optional<ConversationRef> direct(LearnerId learner, String channel) {
    return Optional.ofNullable(byLearner.getOrDefault(learner, Map.of()).get(channel));
  }

  @Override
  public void forget(LearnerId learner) {
    byLearner.remove(learner);
  }

  @Override
  public void forget(LearnerId learner, String channel) {
    byLearner.computeIfPresent(
        learner,
        (id, conversations) -> {
          conversations.remove(channel);
          return conversations.isEmpty() ? null : conversations;
        });
  }
}
