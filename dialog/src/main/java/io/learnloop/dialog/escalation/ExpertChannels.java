package io.learnloop.dialog.escalation;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Where the experts on each topic read questions, per chat channel, as the organisation configured
 * it ({@code learnloop.experts.<topic>.<channel>}); the topic {@link #DEFAULT} for every other
 * question. A topic is a skill id from {@code roles.yaml} or a folder of the docs.
 */
public final class ExpertChannels {

  /** The topic whose experts get the questions no other topic's experts get. */
  public static final String DEFAULT = "default";

  private final Map<String, Map<String, String>> byTopic;

  /**
   * @param byTopic topic → channel ({@code slack}, {@code teams}) → the experts' conversation id
   * @throws IllegalArgumentException when a conversation id is blank or has spaces
   */
  public ExpertChannels(Map<String, Map<String, String>> byTopic) {
    this.byTopic =
        byTopic.entrySet().stream()
            .collect(
                Collectors.toUnmodifiableMap(
                    e -> e.getKey().strip().toLowerCase(java.util.Locale.ROOT),
                    e -> checked(e.getKey(), e.getValue())));
  }

  public static ExpertChannels none() {
    return new ExpertChannels(Map.of());
  }

  /**
   * The experts' conversation on {@code channel} for the first of {@code topics} that has one, else
   * the default's; empty when neither has one there.
   */
  public Optional<String> conversationFor(String channel, List<String> topics) {
    for (String topic : topics) {
      Optional<String> found = on(topic, channel);
      if (found.isPresent()) {
        return found;
      }
    }
    return on(DEFAULT, channel);
  }

  private Optional<String> on(String topic, String channel) {
    return Optional.ofNullable(byTopic.get(topic.toLowerCase(java.util.Locale.ROOT)))
        .map(channels -> channels.get(channel));
  }

  private static Map<String, String> checked(String topic, Map<String, String> channels) {
    Objects.requireNonNull(channels, topic);
    channels.forEach(
        (channel, conversation) -> {
          if (conversation == null || !conversation.strip().matches("\\S{1,512}")) {
            throw new IllegalArgumentException(
                "learnloop.experts." + topic + "." + channel + " is not a conversation id");
          }
        });
    return channels.entrySet().stream()
        .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> e.getValue().strip()));
  }
}
