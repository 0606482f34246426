package io.learnloop.dialog.channel;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an interaction happened and where replies go: a DM, a channel, a thread in a channel.
 *
 * @param conversation the channel's id of the conversation (Slack channel id, Teams conversation
 *     id, the web chat's session id)
 * @param thread the thread replies go into (Slack {@code thread_ts}, Teams reply chain); empty for
 *     the conversation itself
 * @param visibility whether others than the asker read what is posted here
 * @param address what the adapter needs to reach the conversation again without an inbound message
 *     (for Teams the serialized conversation reference); empty when the ids say it all
 */
public record ConversationRef(
    String channel,
    String workspace,
    String conversation,
    Optional<String> thread,
    Visibility visibility,
    String address) {

  /** Who reads a conversation. */
  public enum Visibility {
    /** Only the learner and the bot: a DM, a Teams 1:1 chat, the web chat. */
    PRIVATE,
    /** Others too: a channel, a group chat. */
    SHARED
  }

  private static final Pattern ID = Pattern.compile("\\S{1,512}");

  public ConversationRef {
    Objects.requireNonNull(channel, "channel");
    Objects.requireNonNull(workspace, "workspace");
    ChannelUser.require(ID, conversation, "conversation");
    Objects.requireNonNull(thread, "thread");
    thread.ifPresent(t -> ChannelUser.require(ID, t, "thread"));
    Objects.requireNonNull(visibility, "visibility");
    Objects.requireNonNull(address, "address");
  }

  public static ConversationRef direct(String channel, String workspace, String conversation) {
    return new ConversationRef(
        channel, workspace, conversation, Optional.empty(), Visibility.PRIVATE, "");
  }

  public static ConversationRef shared(String channel, String workspace, String conversation) {
    return new ConversationRef(
        channel, workspace, conversation, Optional.empty(), Visibility.SHARED, "");
  }

  public ConversationRef inThread(String threadId) {
    return new ConversationRef(
        channel, workspace, conversation, Optional.of(threadId), visibility, address);
  }

  /** The conversation itself, not the thread the interaction came from. */
  public ConversationRef withoutThread() {
    return new ConversationRef(
        channel, workspace, conversation, Optional.empty(), visibility, address);
  }

  public boolean shared() {
    return visibility == Visibility.SHARED;
  }

  /** Names the conversation (not the thread) in stores, e.g. {@code slack:T0123:C0456}. */
  public String key() {
    return channel + ":" + workspace + ":" + conversation;
  }
}
