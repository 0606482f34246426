package io.learnloop.dialog.channel;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records every reply in the channel-neutral model, then hands it to the channel's real gateway
 * when there is one; alone it stands in for a channel, numbering messages itself. Tests assert on
 * what it recorded, the same way for every channel.
 */
public final class RecordingChatGateway implements ChatGateway {

  /** One reply as the core sent it, and the message the channel made of it. */
  public record Recorded(ConversationRef where, Outgoing outgoing, MessageRef message) {}

  private final String channel;
  private final Optional<ChatGateway> delegate;
  private final List<Recorded> recorded = new CopyOnWriteArrayList<>();
  private final AtomicLong nextMessage = new AtomicLong(1);

  /** A stand-in channel called {@code channel}. */
  public RecordingChatGateway(String channel) {
    this.channel = Objects.requireNonNull(channel, "channel");
    this.delegate = Optional.empty();
  }

  /** Records what goes through {@code delegate}. */
  public RecordingChatGateway(ChatGateway delegate) {
    this.channel = delegate.channel();
    this.delegate = Optional.of(delegate);
  }

  @Override
  public String channel() {
    return channel;
  }

  @Override
  public MessageRef send(ConversationRef where, Outgoing message) {
    MessageRef sent =
        delegate.isPresent()
            ? delegate.get().send(where, message)
            : message.placement() instanceof Placement.Replace replace
                ? replace.message()
                : new MessageRef(where, "m" + nextMessage.getAndIncrement());
    recorded.add(new Recorded(where, message, sent));
    return sent;
  }

  @Override
  public ConversationRef openDirect(ChannelUser user) {
    return delegate.isPresent()
        ? delegate.get().openDirect(user)
        : ConversationRef.direct(channel, user.workspace(), "dm-" + user.user());
  }

  @Override
  public Optional<String> linkTo(MessageRef message) {
    return delegate.isPresent()
        ? delegate.get().linkTo(message)
        : Optional.of(
            "https://chat.example/"
                + message.conversation().conversation()
                + "/"
                + message.messageId());
  }

  /** Everything sent so far, oldest first. */
  public List<Recorded> recorded() {
    return new ArrayList<>(recorded);
  }

  /** The replies sent so far, oldest first. */
  public List<Reply> replies() {
    return recorded.stream().map(r -> r.outgoing().reply()).toList();
  }

  public void clear() {
    recorded.clear();
  }
}
