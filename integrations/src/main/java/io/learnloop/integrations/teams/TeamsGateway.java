package io.learnloop.integrations.teams;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.Attachment;
import com.microsoft.bot.schema.TextFormatTypes;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.integrations.teams.AdaptiveCardRenderer.TeamsMessage;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the core's replies into Teams as Adaptive Cards through the Bot Connector. While an {@code
 * Action.Execute} invoke is being answered, the replacement of the card it came from becomes the
 * invoke's response (Teams shows the refreshed card at once, to the person who pressed), and a
 * short notice for that person becomes the invoke's message; everything else is posted.
 *
 * <p>Teams has no messages for one reader in a channel: what is for one person only goes to their
 * 1:1 chat with the bot.
 */
public final class TeamsGateway implements ChatGateway {

  public static final String CHANNEL = "teams";

  /** Teams refuses messages of about 28 KB and more; an export beyond this is not sent inline. */
  static final int MAX_EXPORT = 20_000;

  private static final Logger log = LoggerFactory.getLogger(TeamsGateway.class);
  private static final ObjectMapper EXPORT_JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final BotConnector connector;
  private final AdaptiveCardRenderer renderer;
  private final TeamsTurns turns;

  public TeamsGateway(BotConnector connector, AdaptiveCardRenderer renderer, TeamsTurns turns) {
    this.connector = connector;
    this.renderer = renderer;
    this.turns = turns;
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public MessageRef send(ConversationRef where, Outgoing message) {
    Reply reply = message.reply();
    Optional<TeamsTurns.InvokeResponse> answering = turns.answering();
    if (message.placement() instanceof Placement.Replace replace) {
      MessageRef card = replace.message();
      TeamsMessage rendered = renderer.render(reply, false);
      if (answering.isPresent()
          && rendered.card().isPresent()
          && answering.get().takeCard(card.messageId(), rendered.card().get())) {
        return card;
      }
      connector.update(
          address(card.conversation()),
          card.conversation().conversation(),
          card.messageId(),
          activity(rendered));
      return card;
    }
    Optional<ChannelUser> onlyUser = message.audience().onlyUser();
    if (answering.isPresent()
        && onlyUser.isPresent()
        && reply instanceof Reply.Notice notice
        && notice.actions().isEmpty()
        && answering.get().takeMessage(notice.text())) {
      return new MessageRef(where.withoutThread(), answering.get().activityId);
    }
    ConversationRef target = where;
    if (onlyUser.isPresent() && where.shared()) {
      target = openDirect(onlyUser.get());
    }
    if (reply instanceof Reply.Export export) {
      return post(target.withoutThread(), Optional.empty(), reply, exportMessage(export));
    }
    if (message.placement() instanceof Placement.NewThread && target.shared()) {
      return startThread(target, renderer.render(reply, false));
    }
    Optional<String> thread =
        message.placement() instanceof Placement.InThread in
            ? Optional.of(in.thread())
            : target.thread();
    boolean echoQuestion = target.shared() && thread.isEmpty();
    return post(target, thread, reply, renderer.render(reply, echoQuestion));
  }

  @Override
  public ConversationRef openDirect(ChannelUser user) {
    TeamsAddress address =
        turns
            .addressOf(user.workspace())
            .orElseThrow(
                () ->
                    new DeliveryFailedException(
                        "No Teams service URL known yet for tenant " + user.workspace(),
                        false,
                        null));
    String conversation = connector.createDirect(address, user.user());
    return new ConversationRef(
        CHANNEL,
        user.workspace(),
        conversation,
        Optional.empty(),
        ConversationRef.Visibility.PRIVATE,
        address.json());
  }

  private MessageRef startThread(ConversationRef where, TeamsMessage rendered) {
    String id =
        connector.createChannelThread(address(where), where.conversation(), activity(rendered));
    return new MessageRef(where.withoutThread(), id);
  }

  private MessageRef post(
      ConversationRef where, Optional<String> thread, Reply reply, TeamsMessage rendered) {
    TeamsAddress address = address(where);
    // A reply chain in a channel is the channel's conversation id with the root message's id.
    String conversation =
        thread.map(t -> where.conversation() + ";messageid=" + t).orElse(where.conversation());
    String id;
    try {
      id = connector.send(address, conversation, activity(rendered));
    } catch (DeliveryFailedException e) {
      String refusal = String.valueOf(e.getMessage());
      // 400: a card Teams cannot take; 413: a message too large for it.
      if (e.unreachable()
          || rendered.card().isEmpty()
          || !(refusal.contains("HTTP 400") || refusal.contains("HTTP 413"))) {
        throw e;
      }
      log.warn("Teams refused the card of a reply to {}; sending it as text", where.key(), e);
      id = connector.send(address, conversation, activity(renderer.plain(reply)));
    }
    if (id.isEmpty()) {
      throw new DeliveryFailedException(
          "Teams gave no id for a reply to " + where.key(), false, null);
    }
    return new MessageRef(where.withoutThread(), id);
  }

  private TeamsMessage exportMessage(Reply.Export export) {
    String json;
    try {
      json = EXPORT_JSON.writeValueAsString(export.document());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an export document that is not JSON", e);
    }
    String text =
        json.length() <= MAX_EXPORT
            ? export.text() + "\n\n**" + export.fileName() + "**\n```json\n" + json + "\n```"
            : export.text() + "\n\n" + Messages.get(export.language(), "render.export-too-long");
    return new TeamsMessage(text, Optional.empty());
  }

  private TeamsAddress address(ConversationRef where) {
    if (!where.address().isBlank()) {
      return TeamsAddress.parse(where.address());
    }
    return turns
        .addressOf(where.workspace())
        .orElseThrow(
            () ->
                new DeliveryFailedException(
                    "No Teams address for " + where.key() + " and none known for its tenant",
                    false,
                    null));
  }

  static Activity activity(TeamsMessage message) {
    Activity activity = new Activity(ActivityTypes.MESSAGE);
    if (message.card().isPresent()) {
      Attachment attachment = new Attachment();
      attachment.setContentType(AdaptiveCardRenderer.CARD_TYPE);
      attachment.setContent(message.card().get());
      activity.setAttachments(List.of(attachment));
      // The summary is the notification's one line, not a second copy of the message.
      String text = message.text();
      activity.setSummary(text.length() <= 200 ? text : text.substring(0, 199) + "…");
    } else {
      activity.setText(message.text());
      activity.setTextFormat(TextFormatTypes.MARKDOWN);
    }
    return activity;
  }
}
