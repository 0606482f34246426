package io.learnloop.dialog.channel;

import java.util.Objects;

/** One reply to send, with who sees it and where it goes. */
public record Outgoing(Reply reply, Audience audience, Placement placement) {

  public Outgoing {
    Objects.requireNonNull(reply, "reply");
    Objects.requireNonNull(audience, "audience");
    Objects.requireNonNull(placement, "placement");
    if (placement instanceof Placement.Replace replace && audience.onlyUser().isPresent()) {
      // Channels cannot replace a message for one reader only; Teams' per-user refresh is the
      // adapter's business, asked for by replacing a message that was sent to that user.
      throw new IllegalArgumentException("a replacement is seen by the message's audience");
    }
    if (placement instanceof Placement.Home && audience.onlyUser().isEmpty()) {
      throw new IllegalArgumentException("a home view is one person's");
    }
  }

  public static Outgoing toEveryone(Reply reply) {
    return new Outgoing(reply, Audience.everyone(), Placement.newMessage());
  }

  public static Outgoing replacing(MessageRef message, Reply reply) {
    return new Outgoing(reply, Audience.everyone(), new Placement.Replace(message));
  }

  public static Outgoing onlyTo(ChannelUser user, Reply reply) {
    return new Outgoing(reply, Audience.only(user), Placement.newMessage());
  }
}
