package io.learnloop.dialog.escalation;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Objects;

/**
 * A question a person may pass, or has passed, to the experts: what an answer's "Ask a person"
 * button refers to, and later what an expert's reply in the experts' thread is routed back with.
 *
 * @param asker the person who asked, as their channel verified them; only they may pass it on
 * @param askedIn where the answer was given, thread included: where the expert's reply is told
 * @param language the asker's language
 * @param sources the answer's numbered sources, in order
 * @param publicSourcesOnly the answer was found among public documents only
 * @param experts the experts' conversation on the asker's channel (a Slack channel id, a Teams
 *     channel id)
 */
public record Escalation(
    ChannelUser asker,
    ConversationRef askedIn,
    Language language,
    String question,
    List<Citation> sources,
    boolean publicSourcesOnly,
    String experts) {

  /** Longest question kept, as the core takes questions. */
  static final int MAX_QUESTION = 2000;

  public Escalation {
    Objects.requireNonNull(asker, "asker");
    Objects.requireNonNull(askedIn, "askedIn");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(question, "question");
    sources = List.copyOf(sources);
    Objects.requireNonNull(experts, "experts");
    if (!asker.channel().equals(askedIn.channel())) {
      throw new IllegalArgumentException("the asker and the conversation are on one channel");
    }
    if (question.isBlank() || question.length() > MAX_QUESTION) {
      throw new IllegalArgumentException("a question is 1 to " + MAX_QUESTION + " characters");
    }
    if (!experts.matches("\\S{1,512}")) {
      throw new IllegalArgumentException("not a conversation id: '" + experts + "'");
    }
  }

  /** The experts' conversation, on the asker's channel and workspace, reached as the asker is. */
  public ConversationRef expertConversation() {
    return new ConversationRef(
        askedIn.channel(),
        askedIn.workspace(),
        experts,
        java.util.Optional.empty(),
        ConversationRef.Visibility.SHARED,
        askedIn.address());
  }

  /** Names a thread in the experts' conversation, as {@link Escalations} keys it. */
  public static String threadKey(ConversationRef conversation, String rootMessageId) {
    return conversation.key() + "/" + rootMessageId;
  }
}
