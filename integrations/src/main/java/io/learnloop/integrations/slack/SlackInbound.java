package io.learnloop.integrations.slack;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.model.event.AppHomeOpenedEvent;
import com.slack.api.model.event.AppMentionEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.view.ViewState;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.InvalidInputException;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.OrderedWork;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Slack's verified requests (Bolt has checked the signature) into the core's interactions:
 * direct messages, @mentions (answered in their thread), {@code /learn} commands, button presses
 * and the App Home. Every request is acknowledged at once; the work runs afterwards on a bounded
 * executor, so Slack's 3-second limit never depends on how long an answer takes.
 */
public final class SlackInbound {

  /** The slash command, as the app manifest declares it. */
  public static final String COMMAND = "/learn";

  private static final Logger log = LoggerFactory.getLogger(SlackInbound.class);
  private static final Pattern MENTION = Pattern.compile("<@[A-Z0-9]+(\\|[^>]*)?>");
  private static final String WORKING = "eyes";

  private final Assistant assistant;
  private final ChatGateway gateway;
  private final PrivateAnswers privateAnswers;
  private final HomeViews homeViews;
  private final SlackWebApi api;
  private final SlackProfiles profiles;
  private final OrderedWork work;
  private final Clock clock;
  private final AtomicLong dropped = new AtomicLong();

  public SlackInbound(
      Assistant assistant,
      ChatGateway gateway,
      PrivateAnswers privateAnswers,
      HomeViews homeViews,
      SlackWebApi api,
      SlackProfiles profiles,
      OrderedWork work,
      Clock clock) {
    this.assistant = assistant;
    this.gateway = gateway;
    this.privateAnswers = privateAnswers;
    this.homeViews = homeViews;
    this.api = api;
    this.profiles = profiles;
    this.work = work;
    this.clock = clock;
  }

  /** Interactions acknowledged but dropped because the work queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** Registers the handlers on a Bolt app. */
  public void registerOn(App app) {
    app.event(
        MessageEvent.class,
        (payload, ctx) -> {
          MessageEvent event = payload.getEvent();
          if ("im".equals(event.getChannelType())
              && event.getSubtype() == null
              && event.getBotId() == null
              && event.getUser() != null) {
            ConversationRef where =
                ConversationRef.direct(
                    SlackGateway.CHANNEL, payload.getTeamId(), event.getChannel());
            if (event.getThreadTs() != null) {
              where = where.inThread(event.getThreadTs());
            }
            typed(
                payload.getEventId(),
                payload.getTeamId(),
                event.getUser(),
                where,
                event.getTs(),
                event.getText());
          } else if (inChannelThread(event) && !mentions(event.getText(), ctx.getBotUserId())) {
            // Maybe an expert's reply to a question the bot posted there; the core decides. A
            // message that mentions the bot also comes as app_mention, and is handled as that.
            threadMessage(payload.getEventId(), payload.getTeamId(), event);
          }
          return ctx.ack();
        });
    app.event(
        AppMentionEvent.class,
        (payload, ctx) -> {
          AppMentionEvent event = payload.getEvent();
          if (event.getBotId() == null && event.getUser() != null) {
            String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
            ConversationRef where =
                conversation(payload.getTeamId(), event.getChannel()).inThread(thread);
            String text = MENTION.matcher(String.valueOf(event.getText())).replaceAll(" ");
            typed(
                payload.getEventId(),
                payload.getTeamId(),
                event.getUser(),
                where,
                event.getTs(),
                text);
          }
          return ctx.ack();
        });
    app.event(
        AppHomeOpenedEvent.class,
        (payload, ctx) -> {
          AppHomeOpenedEvent event = payload.getEvent();
          if ("home".equals(event.getTab()) && event.getChannel() != null) {
            ChannelUser who =
                new ChannelUser(SlackGateway.CHANNEL, payload.getTeamId(), event.getUser());
            if (event.getView() != null && event.getView().getHash() != null) {
              homeViews.shown(who, event.getView().getHash());
            }
            ConversationRef where =
                ConversationRef.direct(
                    SlackGateway.CHANNEL, payload.getTeamId(), event.getChannel());
            submit(payload.getEventId(), who, where, Input.HomeOpened::new);
          }
          return ctx.ack();
        });
    app.command(
        COMMAND,
        (req, ctx) -> {
          command(req.getPayload());
          return ctx.ack();
        });
    app.viewSubmission(
        BlockKitRenderer.SETTINGS_MODAL,
        (req, ctx) -> {
          settingsSaved(req.getPayload());
          return ctx.ack();
        });
    app.blockAction(
        Pattern.compile(".+"),
        (req, ctx) -> {
          action(req.getPayload(), ctx);
          return ctx.ack();
        });
  }

  private void typed(
      String eventId, String team, String user, ConversationRef where, String ts, String text) {
    ChannelUser who = new ChannelUser(SlackGateway.CHANNEL, team, user);
    String question = text == null ? "" : text.strip();
    if (question.isEmpty()) {
      return;
    }
    submitWithReaction(eventId, who, where, ts, () -> new Input.Typed(question));
  }

  private static boolean inChannelThread(MessageEvent event) {
    return ("channel".equals(event.getChannelType()) || "group".equals(event.getChannelType()))
        && event.getSubtype() == null
        && event.getBotId() == null
        && event.getUser() != null
        && event.getThreadTs() != null
        && !event.getThreadTs().equals(event.getTs());
  }

  private static boolean mentions(String text, String botUserId) {
    return text != null && botUserId != null && text.contains("<@" + botUserId);
  }

  private void threadMessage(String eventId, String team, MessageEvent event) {
    String text = event.getText() == null ? "" : event.getText().strip();
    if (text.isEmpty()) {
      return;
    }
    ChannelUser who = new ChannelUser(SlackGateway.CHANNEL, team, event.getUser());
    ConversationRef where = conversation(team, event.getChannel()).inThread(event.getThreadTs());
    submit(eventId, who, where, () -> new Input.ThreadMessage(text, event.getTs()));
  }

  private void command(SlashCommandPayload payload) {
    ChannelUser who =
        new ChannelUser(SlackGateway.CHANNEL, payload.getTeamId(), payload.getUserId());
    ConversationRef where = conversation(payload.getTeamId(), payload.getChannelId());
    String text = payload.getText() == null ? "" : payload.getText().strip();
    String[] words = text.split("\\s+", 2);
    Optional<Command> named = text.isEmpty() ? Optional.of(Command.HELP) : Command.named(words[0]);
    Command command = named.orElse(Command.ASK);
    String argument = named.isPresent() ? (words.length > 1 ? words[1] : "") : text;
    submit(
        payload.getTriggerId(),
        Optional.ofNullable(payload.getTriggerId()),
        who,
        where,
        () -> new Input.CommandInvoked(command, argument));
  }

  private void action(BlockActionPayload payload, ActionContext ctx) {
    if (payload.getActions() == null
        || payload.getActions().isEmpty()
        || payload.getUser() == null
        || payload.getTeam() == null) {
      return;
    }
    BlockActionPayload.Action pressed = payload.getActions().get(0);
    ChannelUser who =
        new ChannelUser(SlackGateway.CHANNEL, payload.getTeam().getId(), payload.getUser().getId());
    String channelId =
        payload.getChannel() != null
            ? payload.getChannel().getId()
            : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
    if (channelId == null && fromHome(payload) && payload.getTriggerId() != null) {
      homePress(who, payload, pressed);
      return;
    }
    if (channelId == null) {
      log.info("Ignoring a Slack action outside a conversation from {}", who);
      return;
    }
    ConversationRef where = conversation(who.workspace(), channelId);
    String actionId = BlockKitRenderer.coreActionId(pressed.getActionId());
    String value = pressed.getValue() == null ? "" : pressed.getValue();
    if (actionId.equals(BlockKitRenderer.SHARE)) {
      share(who, where, value, ctx);
      return;
    }
    if (actionId.equals(BlockKitRenderer.LINK)) {
      return;
    }
    Optional<MessageRef> message =
        Optional.ofNullable(payload.getContainer())
            .map(BlockActionPayload.Container::getMessageTs)
            .map(ts -> new MessageRef(where, ts));
    String thread = payload.getContainer() != null ? payload.getContainer().getThreadTs() : null;
    ConversationRef replyTo = thread == null ? where : where.inThread(thread);
    String delivery =
        payload.getTriggerId() != null ? payload.getTriggerId() : pressed.getActionTs();
    submit(
        delivery,
        Optional.ofNullable(payload.getTriggerId()),
        who,
        replyTo,
        () -> new Input.ActionInvoked(actionId, value, message));
  }

  private static boolean fromHome(BlockActionPayload payload) {
    return payload.getView() != null && "home".equals(payload.getView().getType());
  }

  // A press in the App Home has no conversation: its replies go to the person's DM, opened here
  // (after the ack), and a modal it opens re-publishes the Home once saved.
  private void homePress(
      ChannelUser who, BlockActionPayload payload, BlockActionPayload.Action pressed) {
    if (payload.getView().getHash() != null) {
      homeViews.shown(who, payload.getView().getHash());
    }
    String actionId = BlockKitRenderer.coreActionId(pressed.getActionId());
    String value = pressed.getValue() == null ? "" : pressed.getValue();
    Optional<SlackTriggers.Trigger> trigger =
        Optional.of(new SlackTriggers.Trigger(payload.getTriggerId(), true));
    execute(
        who,
        () -> {
          ConversationRef dm;
          try {
            dm = gateway.openDirect(who);
          } catch (RuntimeException e) {
            log.warn(
                "Could not open the DM of {} for a press in the App Home: {}", who, e.getMessage());
            return;
          }
          SlackTriggers.during(
              trigger,
              () ->
                  handle(
                      payload.getTriggerId(),
                      who,
                      dm,
                      () -> new Input.ActionInvoked(actionId, value, Optional.empty())));
        });
  }

  private void share(ChannelUser who, ConversationRef where, String key, ActionContext ctx) {
    execute(
        who,
        () -> {
          Language language = languageOf(who);
          Optional<PrivateAnswers.PrivateAnswer> kept = privateAnswers.take(key, who);
          if (kept.isPresent()) {
            gateway.send(kept.get().where(), Outgoing.toEveryone(kept.get().answer()));
            try {
              ctx.respond(r -> r.deleteOriginal(true));
            } catch (Exception e) {
              log.warn("Could not remove the private copy of a shared answer: {}", e.toString());
            }
          } else {
            notice(who, where, language, Messages.get(language, "render.share-expired"));
          }
        });
  }

  // The reaction never holds up the answer: reactions.add is Tier 3 (50 a minute), so under load
  // it waits in the SDK's queue while the answer goes out; it is removed once it was added.
  private void submitWithReaction(
      String delivery, ChannelUser who, ConversationRef where, String ts, Supplier<Input> what) {
    execute(
        who,
        () -> {
          CompletableFuture<Void> added = react(where, ts, "reactions.add");
          try {
            handle(delivery, who, where, what);
          } finally {
            added.thenRun(() -> react(where, ts, "reactions.remove"));
          }
        });
  }

  private void submit(
      String delivery, ChannelUser who, ConversationRef where, Supplier<Input> what) {
    submit(delivery, Optional.empty(), who, where, what);
  }

  private void submit(
      String delivery,
      Optional<String> trigger,
      ChannelUser who,
      ConversationRef where,
      Supplier<Input> what) {
    Optional<SlackTriggers.Trigger> modalTrigger =
        trigger.map(id -> new SlackTriggers.Trigger(id, false));
    execute(
        who, () -> SlackTriggers.during(modalTrigger, () -> handle(delivery, who, where, what)));
  }

  // The settings modal, saved: its fields as the form's values, answered in the conversation the
  // settings were asked in (kept in the view).
  private void settingsSaved(ViewSubmissionPayload payload) {
    if (payload.getUser() == null || payload.getTeam() == null || payload.getView() == null) {
      return;
    }
    ChannelUser who =
        new ChannelUser(SlackGateway.CHANNEL, payload.getTeam().getId(), payload.getUser().getId());
    String metadata = payload.getView().getPrivateMetadata();
    if (metadata == null || metadata.isBlank()) {
      log.info("Ignoring a settings modal without its conversation from {}", who);
      return;
    }
    boolean fromHome = metadata.endsWith(SlackTriggers.FROM_HOME);
    String conversation =
        fromHome
            ? metadata.substring(0, metadata.length() - SlackTriggers.FROM_HOME.length())
            : metadata;
    Map<String, String> values = new HashMap<>();
    Map<String, Map<String, ViewState.Value>> state =
        payload.getView().getState() == null ? Map.of() : payload.getView().getState().getValues();
    state.forEach(
        (block, fields) ->
            fields.forEach(
                (field, value) -> {
                  if (value.getSelectedTime() != null) {
                    values.put(field, value.getSelectedTime());
                  } else if (value.getSelectedOption() != null) {
                    values.put(field, value.getSelectedOption().getValue());
                  } else if (value.getSelectedOptions() != null) {
                    values.put(
                        field,
                        value.getSelectedOptions().stream()
                            .map(ViewState.SelectedOption::getValue)
                            .collect(Collectors.joining(",")));
                  }
                }));
    // An unticked "pause" comes as no options at all: the quiz runs.
    values.putIfAbsent(Reply.SettingsForm.PAUSED, "false");
    String delivery = "view:" + payload.getView().getId() + ":" + payload.getView().getHash();
    ConversationRef where = conversation(who.workspace(), conversation);
    submit(
        delivery,
        who,
        where,
        () -> new Input.FormSubmitted(Input.FormSubmitted.SETTINGS, values, Optional.empty()));
    if (fromHome) {
      // Run after the save (one person's work runs in order), so the Home shows what was saved.
      submit(delivery + ":home", who, where, Input.HomeOpened::new);
    }
  }

  // One person's interactions run in the order they came: the first of two quick clicks counts.
  private void execute(ChannelUser who, Runnable task) {
    try {
      work.execute(
          who.key(),
          () -> {
            try {
              task.run();
            } catch (RuntimeException e) {
              log.error("A Slack interaction failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      // Acknowledged but not taken: Slack does not retry an acknowledged request. One line per
      // thousand, so that an overload does not also flood the log.
      long dropped = this.dropped.incrementAndGet();
      if (dropped % 1000 == 1) {
        log.error("Slack work queue full: {} interactions dropped so far", dropped);
      }
    }
  }

  private void handle(
      String delivery, ChannelUser who, ConversationRef where, Supplier<Input> what) {
    SlackProfiles.Profile profile = profiles.of(who);
    if (profile.bot()) {
      return;
    }
    Input input;
    try {
      input = what.get();
    } catch (InvalidInputException e) {
      Language language = profile.locale().flatMap(Language::of).orElse(Language.ENGLISH);
      notice(who, where, language, e.explanation(language));
      return;
    }
    assistant.handle(
        new Interaction(
            delivery, who, where, clock.instant(), profile.locale(), profile.hints(), input));
  }

  private void notice(ChannelUser who, ConversationRef where, Language language, String text) {
    try {
      gateway.send(
          where, Outgoing.onlyTo(who, Reply.Notice.of(language, Reply.Notice.Kind.INFO, text)));
    } catch (RuntimeException e) {
      log.warn("Could not tell {} about a refused interaction: {}", who, e.getMessage());
    }
  }

  private Language languageOf(ChannelUser who) {
    return profiles.of(who).locale().flatMap(Language::of).orElse(Language.ENGLISH);
  }

  private CompletableFuture<Void> react(ConversationRef where, String ts, String method) {
    if (ts == null) {
      return CompletableFuture.completedFuture(null);
    }
    return method.equals("reactions.add")
        ? api.send(
            method,
            client ->
                client.reactionsAdd(
                    r -> r.channel(where.conversation()).timestamp(ts).name(WORKING)))
        : api.send(
            method,
            client ->
                client.reactionsRemove(
                    r -> r.channel(where.conversation()).timestamp(ts).name(WORKING)));
  }

  /** A conversation by its id: Slack's DM ids start with D, channels with C and G. */
  static ConversationRef conversation(String team, String channelId) {
    return channelId.startsWith("D")
        ? ConversationRef.direct(SlackGateway.CHANNEL, team, channelId)
        : ConversationRef.shared(SlackGateway.CHANNEL, team, channelId);
  }
}
