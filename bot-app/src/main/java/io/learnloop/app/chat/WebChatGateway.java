package io.learnloop.app.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.RandomTokens;
import io.learnloop.dialog.channel.ShortDigest;
import io.learnloop.dialog.conversation.ChatTurn;
import io.learnloop.dialog.conversation.ConversationHistory;
import io.learnloop.dialog.conversation.ConversationId;
import io.learnloop.dialog.conversation.HistoryUnavailableException;
import io.learnloop.dialog.conversation.Speaker;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The web chat's side of the gateway: every reply is rendered for the page and kept in the
 * conversation's history, so that a reload shows the same messages, cards and sources. A
 * replacement is kept as a later turn with the same message id.
 */
final class WebChatGateway implements ChatGateway {

  static final String CHANNEL = "web";

  private static final Logger log = LoggerFactory.getLogger(WebChatGateway.class);

  private final ConversationHistory history;
  private final ObjectMapper json;
  private final Clock clock;

  WebChatGateway(ConversationHistory history, ObjectMapper json, Clock clock) {
    this.history = history;
    this.json = json;
    this.clock = clock;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public MessageRef send(ConversationRef where, Outgoing message) {
    String id =
        message.placement() instanceof Placement.Replace replace
            ? replace.message().messageId()
            : newMessageId();
    try {
      String body = json.writeValueAsString(WebRenderer.render(id, message));
      history.append(historyOf(where), new ChatTurn(Speaker.BOT, body, clock.instant()));
    } catch (HistoryUnavailableException | JsonProcessingException e) {
      // The reply still reaches the page in the response; only a reload will miss it.
      log.warn("Web chat reply {} not kept in the history: {}", id, e.getMessage());
    }
    return new MessageRef(where, id);
  }

  @Override
  public ConversationRef openDirect(ChannelUser user) {
    return ConversationRef.direct(CHANNEL, user.workspace(), user.user());
  }

  /** The history of a web conversation; ids that history keys cannot hold are digested. */
  static ConversationId historyOf(ConversationRef where) {
    String value = CHANNEL + ":" + where.workspace() + ":" + where.conversation();
    if (value.matches("[A-Za-z0-9:_.@-]{1,128}")) {
      return new ConversationId(value);
    }
    return new ConversationId(CHANNEL + ":" + ShortDigest.of(value, 20));
  }

  private static String newMessageId() {
    return "m-" + RandomTokens.of(9);
  }
}
