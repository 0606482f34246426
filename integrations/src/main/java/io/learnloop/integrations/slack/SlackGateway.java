package io.learnloop.integrations.slack;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.slack.api.methods.response.chat.ChatGetPermalinkResponse;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import com.slack.api.methods.response.files.FilesUploadV2Response;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.model.view.View;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChartImage;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.NudgeCharts;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.integrations.slack.BlockKitRenderer.SlackMessage;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the core's replies into Slack: {@code chat.postMessage} (in the thread the interaction came
 * from), {@code chat.postEphemeral} for one person in a channel, {@code chat.update} for a
 * replacement, {@code views.publish} for the App Home. A message Slack refuses for its blocks is
 * sent again as plain text, so the reader gets the words at least.
 */
public final class SlackGateway implements ChatGateway {

  public static final String CHANNEL = "slack";

  private static final Logger log = LoggerFactory.getLogger(SlackGateway.class);

  private static final ObjectMapper EXPORT_JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final SlackWebApi api;
  private final BlockKitRenderer renderer;
  private final PrivateAnswers privateAnswers;
  private final HomeViews homeViews;
  private final NudgeCharts charts;

  public SlackGateway(
      SlackWebApi api,
      BlockKitRenderer renderer,
      PrivateAnswers privateAnswers,
      HomeViews homeViews) {
    this(api, renderer, privateAnswers, homeViews, NudgeCharts.none());
  }

  /**
   * @param charts draws a manager's nudge as a chart, uploaded into their DM right after it
   */
  public SlackGateway(
      SlackWebApi api,
      BlockKitRenderer renderer,
      PrivateAnswers privateAnswers,
      HomeViews homeViews,
      NudgeCharts charts) {
    this.api = api;
    this.renderer = renderer;
    this.privateAnswers = privateAnswers;
    this.homeViews = homeViews;
    this.charts = Objects.requireNonNull(charts, "charts");
  }

  @Override
  public String channel() {
    return CHANNEL;
  }

  @Override
  public MessageRef send(ConversationRef where, Outgoing message) {
    Reply reply = message.reply();
    Placement placement = message.placement();
    if (placement instanceof Placement.Home && reply instanceof Reply.Progress progress) {
      String user = message.audience().onlyUser().orElseThrow().user();
      return publishHome(where, user, progress);
    }
    if (reply instanceof Reply.Export export) {
      return upload(where, message.audience().onlyUser(), export);
    }
    if (reply instanceof Reply.SettingsForm form) {
      Optional<SlackTriggers.Trigger> trigger = SlackTriggers.take();
      if (trigger.isPresent()) {
        Optional<MessageRef> opened = openModal(where, trigger.get(), form);
        if (opened.isPresent()) {
          return opened.get();
        }
      }
    }
    if (placement instanceof Placement.Replace replace) {
      return update(replace.message(), reply);
    }
    // A top-level message is the root of a thread of its own.
    Optional<String> thread =
        placement instanceof Placement.InThread in
            ? Optional.of(in.thread())
            : placement instanceof Placement.NewThread ? Optional.empty() : where.thread();
    Optional<ChannelUser> onlyUser = message.audience().onlyUser();
    if (onlyUser.isPresent() && where.shared()) {
      Optional<String> shareKey = Optional.empty();
      if (reply instanceof Reply.Answer answer && answer.publicSourcesOnly()) {
        shareKey = Optional.of(privateAnswers.keep(where, onlyUser.get(), answer));
      }
      return ephemeral(where, onlyUser.get().user(), thread, reply, shareKey);
    }
    // Where the question is not right above the answer, the answer repeats it.
    boolean echoQuestion = where.shared() && thread.isEmpty();
    MessageRef posted =
        post(where, thread, reply, renderer.render(reply, echoQuestion, Optional.empty()));
    if (reply instanceof Reply.ManagerNudge nudge && !where.shared()) {
      uploadChart(where, nudge);
    }
    return posted;
  }

  // The nudge has its figures in words already: a chart that cannot be drawn or uploaded is
  // logged, and the nudge stands without it.
  private void uploadChart(ConversationRef where, Reply.ManagerNudge nudge) {
    try {
      Optional<ChartImage> chart = charts.of(nudge);
      if (chart.isEmpty()) {
        return;
      }
      api.call(
          "files.uploadV2",
          client ->
              client.filesUploadV2(
                  r ->
                      r.channel(where.conversation())
                          .filename(chart.get().fileName())
                          .title(chart.get().title())
                          .altTxt(chart.get().altText())
                          .fileData(chart.get().png())
                          .requestFileInfo(false)));
    } catch (RuntimeException e) {
      log.warn("The nudge's chart was not sent to {}: {}", where.conversation(), e.toString());
    }
  }

  @Override
  public ConversationRef openDirect(ChannelUser user) {
    ConversationsOpenResponse opened =
        api.call(
            "conversations.open",
            client -> client.conversationsOpen(r -> r.users(List.of(user.user())).returnIm(false)));
    return ConversationRef.direct(CHANNEL, user.workspace(), opened.getChannel().getId());
  }

  /** The message's permalink ({@code chat.getPermalink}); empty when Slack gives none. */
  @Override
  public Optional<String> linkTo(MessageRef message) {
    try {
      ChatGetPermalinkResponse found =
          api.call(
              "chat.getPermalink",
              client ->
                  client.chatGetPermalink(
                      r ->
                          r.channel(message.conversation().conversation())
                              .messageTs(message.messageId())));
      return Optional.ofNullable(found.getPermalink()).filter(link -> link.startsWith("https://"));
    } catch (RuntimeException e) {
      log.info(
          "No permalink for {} in {}: {}",
          message.messageId(),
          message.conversation().key(),
          e.getMessage());
      return Optional.empty();
    }
  }

  private MessageRef post(
      ConversationRef where, Optional<String> thread, Reply reply, SlackMessage rendered) {
    try {
      return postOnce(where, thread, rendered);
    } catch (DeliveryFailedException e) {
      if (e.unreachable() || !refusedForItsBlocks(e)) {
        throw e;
      }
      log.warn("Slack refused the blocks of a reply to {}; sending it as text", where.key(), e);
      return postOnce(where, thread, renderer.plain(reply));
    }
  }

  private MessageRef postOnce(ConversationRef where, Optional<String> thread, SlackMessage m) {
    ChatPostMessageResponse posted =
        api.post(
            where.conversation(),
            client ->
                client.chatPostMessage(
                    r ->
                        r.channel(where.conversation())
                            .threadTs(thread.orElse(null))
                            .text(m.text())
                            .blocks(m.blocks())
                            .unfurlLinks(false)
                            .unfurlMedia(false)));
    return new MessageRef(where.withoutThread(), posted.getTs());
  }

  private MessageRef ephemeral(
      ConversationRef where,
      String user,
      Optional<String> thread,
      Reply reply,
      Optional<String> shareKey) {
    SlackMessage m = renderer.render(reply, true, shareKey);
    ChatPostEphemeralResponse posted =
        api.call(
            "chat.postEphemeral",
            client ->
                client.chatPostEphemeral(
                    r ->
                        r.channel(where.conversation())
                            .user(user)
                            .threadTs(thread.orElse(null))
                            .text(m.text())
                            .blocks(m.blocks())));
    return new MessageRef(where.withoutThread(), posted.getMessageTs());
  }

  private MessageRef update(MessageRef message, Reply reply) {
    SlackMessage m = renderer.render(reply, false, Optional.empty());
    ChatUpdateResponse updated =
        api.call(
            "chat.update",
            client ->
                client.chatUpdate(
                    r ->
                        r.channel(message.conversation().conversation())
                            .ts(message.messageId())
                            .text(m.text())
                            .blocks(m.blocks())));
    return new MessageRef(message.conversation(), updated.getTs());
  }

  // A trigger lives three seconds: past it (a slow queue) the settings go out as a message.
  private Optional<MessageRef> openModal(
      ConversationRef where, SlackTriggers.Trigger trigger, Reply.SettingsForm form) {
    View view =
        renderer.settingsModal(
            form, where.conversation() + (trigger.fromHome() ? SlackTriggers.FROM_HOME : ""));
    try {
      ViewsOpenResponse opened =
          api.call(
              "views.open", client -> client.viewsOpen(r -> r.triggerId(trigger.id()).view(view)));
      return Optional.of(new MessageRef(where.withoutThread(), "view:" + opened.getView().getId()));
    } catch (DeliveryFailedException e) {
      log.warn("Could not open the settings in {}; sending them as a message", where.key(), e);
      return Optional.empty();
    }
  }

  private MessageRef publishHome(ConversationRef where, String user, Reply.Progress progress) {
    View view = View.builder().type("home").blocks(renderer.home(progress)).build();
    String hash = homeViews.hashOf(new ChannelUser(CHANNEL, where.workspace(), user)).orElse(null);
    ViewsPublishResponse published =
        api.call(
            "views.publish",
            client -> client.viewsPublish(r -> r.userId(user).view(view).hash(hash)));
    return new MessageRef(where.withoutThread(), "home:" + published.getView().getId());
  }

  // A file with someone's own data goes to their DM, never into a channel others read.
  private MessageRef upload(
      ConversationRef where, Optional<ChannelUser> onlyUser, Reply.Export export) {
    ConversationRef direct =
        where.shared()
            ? openDirect(
                onlyUser.orElseThrow(
                    () -> new IllegalArgumentException("a file in a channel needs its reader")))
            : where.withoutThread();
    String content;
    try {
      content = EXPORT_JSON.writeValueAsString(export.document());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("an export document that is not JSON", e);
    }
    FilesUploadV2Response uploaded =
        api.call(
            "files.uploadV2",
            client ->
                client.filesUploadV2(
                    r ->
                        r.channel(direct.conversation())
                            .filename(export.fileName())
                            .title(export.fileName())
                            .content(content)
                            .initialComment(export.text())
                            .requestFileInfo(false)));
    return new MessageRef(direct, "file:" + uploaded.getFile().getId());
  }

  private static boolean refusedForItsBlocks(DeliveryFailedException e) {
    String message = String.valueOf(e.getMessage());
    return message.contains("invalid_blocks")
        || message.contains("msg_blocks_too_long")
        || message.contains("invalid_blocks_format")
        || message.contains("msg_too_long");
  }
}
