package io.learnloop.integrations.teams;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.microsoft.bot.builder.Bot;
import com.microsoft.bot.builder.InvokeResponse;
import com.microsoft.bot.builder.TurnContext;
import com.microsoft.bot.schema.Activity;
import com.microsoft.bot.schema.ActivityTypes;
import com.microsoft.bot.schema.ChannelAccount;
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
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.channel.ShortDigest;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns Teams activities (already authenticated by the Bot Framework adapter) into the core's
 * interactions: 1:1 messages, @mentions in channels (answered in their reply chain), Adaptive Card
 * actions ({@code Action.Execute} invokes, and {@code Action.Submit} from older clients) and the
 * bot being added. Messages are answered after the turn, through the connector, so an answer slower
 * than the Bot Service's turn timeout is never lost; an invoke is answered within its turn with the
 * refreshed card.
 */
public final class TeamsInbound implements Bot {

  static final String CARD_ACTION = "adaptiveCard/action";

  private static final Logger log = LoggerFactory.getLogger(TeamsInbound.class);
  private static final Pattern MENTION = Pattern.compile("<at[^>]*>.*?</at>", Pattern.DOTALL);
  private static final Pattern TAGS = Pattern.compile("<[^>]+>");
  private static final Pattern BREAKS = Pattern.compile("(?i)<br\\s*/?>|</p>|</div>");
  private static final ObjectMapper JSON = new ObjectMapper();

  private final Assistant assistant;
  private final ChatGateway gateway;
  private final TeamsTurns turns;
  private final BotConnector connector;
  private final OrderedWork work;
  private final OrderedWork presses;
  private final Clock clock;
  private final String localTenant;
  private final boolean localMode;
  private final Duration invokeTimeout;
  private final TeamsDirectory directory;
  private final Duration directoryWait;
  private final AtomicLong dropped = new AtomicLong();
  // Teams redelivers an invoke with the same activity id; the repeat gets the same card back.
  private final Cache<String, CompletableFuture<InvokeResponse>> answeredInvokes =
      Caffeine.newBuilder().maximumSize(10_000).expireAfterWrite(Duration.ofMinutes(10)).build();
  private final Cache<String, String> names =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofDays(7)).build();

  /**
   * @param work where messages are answered, one lane per person
   * @param presses where card presses are answered, one lane per person
   * @param localTenant the tenant of activities that carry none (the Emulator)
   * @param localMode activities are not authenticated: every one is in {@code localTenant}
   * @param invokeTimeout how long an invoke may take before it is answered with 503
   * @param directory what the organisation's directory says of a person's job, team and manager
   * @param directoryWait how long a message may wait for the directory (a card press never waits)
   */
  public TeamsInbound(
      Assistant assistant,
      ChatGateway gateway,
      TeamsTurns turns,
      BotConnector connector,
      OrderedWork work,
      OrderedWork presses,
      Clock clock,
      String localTenant,
      boolean localMode,
      Duration invokeTimeout,
      TeamsDirectory directory,
      Duration directoryWait) {
    this.directory = directory;
    this.directoryWait = directoryWait;
    this.assistant = assistant;
    this.gateway = gateway;
    this.turns = turns;
    this.connector = connector;
    this.work = work;
    this.presses = presses;
    this.clock = clock;
    this.localTenant = localTenant;
    this.localMode = localMode;
    this.invokeTimeout = invokeTimeout;
  }

  /** Activities taken but dropped because the work queue was full. */
  public long dropped() {
    return dropped.get();
  }

  /** A person's display name as Teams last sent it, by their learner key. */
  public Optional<String> nameOf(String learnerKey) {
    return Optional.ofNullable(names.getIfPresent(learnerKey));
  }

  @Override
  public CompletableFuture<Void> onTurn(TurnContext turn) {
    Activity activity = turn.getActivity();
    Optional<Turn> parsed = Turn.of(activity, localTenant, localMode);
    if (parsed.isEmpty()) {
      log.debug("Ignoring a Teams activity of type {} without a person", activity.getType());
      return CompletableFuture.completedFuture(null);
    }
    Turn t = parsed.get();
    turns.heardFrom(t.who.workspace(), t.address);
    if (activity.getFrom().getName() != null && !activity.getFrom().getName().isBlank()) {
      names.put(t.who.key(), activity.getFrom().getName().strip());
    }
    if (activity.isType(ActivityTypes.INVOKE)) {
      if (!CARD_ACTION.equals(activity.getName())) {
        return respond(turn, new InvokeResponse(200, null));
      }
      return invoke(turn, t).thenCompose(response -> respond(turn, response));
    }
    if (activity.isType(ActivityTypes.MESSAGE)) {
      message(activity, t);
    } else if (activity.isType(ActivityTypes.CONVERSATION_UPDATE) && botAdded(activity)) {
      submit(t, activity, false, () -> new Input.CommandInvoked(Command.HELP, ""));
    }
    return CompletableFuture.completedFuture(null);
  }

  private void message(Activity activity, Turn t) {
    Object value = activity.getValue();
    if (value != null) {
      // An Action.Submit from a client without Universal Actions: the card's data.
      JsonNode data = JSON.valueToTree(value);
      Optional<Supplier<Input>> pressed = pressed(data, t, activity.getReplyToId());
      if (pressed.isPresent()) {
        submit(t, activity, false, pressed.get());
      }
      return;
    }
    String text = activity.getText() == null ? "" : activity.getText();
    String question = TAGS.matcher(MENTION.matcher(text).replaceAll(" ")).replaceAll(" ").strip();
    if (question.isEmpty()) {
      return;
    }
    if (t.where.shared() && !mentionsBot(activity)) {
      // With resource-specific consent Teams sends every channel message, not only those that
      // @mention the bot: one in a reply chain may be an expert's reply, which the core relays;
      // the rest are not the bot's business.
      if (t.where.thread().isPresent()) {
        String reply = plainText(text);
        submit(t, activity, false, () -> new Input.ThreadMessage(reply, t.activityId()));
      }
      return;
    }
    submit(t, activity, true, () -> new Input.Typed(question));
  }

  // Teams sends channel messages as HTML: paragraphs and breaks become lines, other tags go.
  private static String plainText(String html) {
    return TAGS.matcher(BREAKS.matcher(html).replaceAll("\n"))
        .replaceAll("")
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
        .strip();
  }

  private static boolean mentionsBot(Activity activity) {
    String bot = activity.getRecipient().getId();
    return activity.getMentions().stream()
        .anyMatch(m -> m.getMentioned() != null && bot.equals(m.getMentioned().getId()));
  }

  private CompletableFuture<InvokeResponse> invoke(TurnContext turn, Turn t) {
    Activity activity = turn.getActivity();
    JsonNode value = JSON.valueToTree(activity.getValue());
    JsonNode action = value == null ? null : value.get("action");
    JsonNode data = action == null ? null : action.get("data");
    if (data == null || !data.isObject()) {
      return CompletableFuture.completedFuture(refused(400, "BadRequest", "no action data"));
    }
    if (!data.has("action") && action.hasNonNull("verb")) {
      ((ObjectNode) data).put("action", action.get("verb").asText());
    }
    String card = activity.getReplyToId();
    Optional<Supplier<Input>> pressed = pressed(data, t, card);
    if (pressed.isEmpty() || card == null || card.isBlank()) {
      return CompletableFuture.completedFuture(
          refused(400, "BadRequest", "not a LearnLoop action"));
    }
    // A redelivery, even one that arrives while the first is still being answered, shares the
    // first one's answer: the core runs a delivery once and would have nothing to say the second
    // time.
    CompletableFuture<InvokeResponse> answered = new CompletableFuture<>();
    CompletableFuture<InvokeResponse> first =
        answeredInvokes.asMap().putIfAbsent(t.deliveryKey(), answered);
    if (first != null) {
      return first
          .copy()
          .completeOnTimeout(busy(), invokeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    // What Teams is answered with: the press's answer, or 503 when it takes too long.
    InvokeResponse busy = busy();
    CompletableFuture<InvokeResponse> reply =
        answered.copy().completeOnTimeout(busy, invokeTimeout.toMillis(), TimeUnit.MILLISECONDS);
    try {
      // Presses have lanes of their own: ordered among themselves (the first click counts), never
      // waiting behind an answer that takes its time, since Teams waits for the invoke.
      presses.execute(
          t.who.key(),
          () -> {
            try {
              TeamsTurns.InvokeResponse captured =
                  turns.answeringInvoke(card, () -> handle(t, activity, pressed.get()));
              answered.complete(invokeResponse(captured, t.language()));
              if (reply.getNow(null) == busy && captured.card().isPresent()) {
                // Teams gave up waiting: the result goes to the card the slow way.
                refreshLate(t, card, captured.card().get());
              }
            } catch (RuntimeException e) {
              log.error("A Teams card action failed", e);
              answered.complete(refused(500, "InternalError", "failed"));
            }
          });
    } catch (RejectedExecutionException e) {
      countDropped();
      answeredInvokes.invalidate(t.deliveryKey());
      return CompletableFuture.completedFuture(busy);
    }
    return reply;
  }

  private void refreshLate(Turn t, String card, ObjectNode refreshed) {
    try {
      connector.update(
          t.address,
          t.where.conversation(),
          card,
          TeamsGateway.activity(new AdaptiveCardRenderer.TeamsMessage("", Optional.of(refreshed))));
    } catch (RuntimeException e) {
      log.warn(
          "Could not refresh card {} in {} after a slow press: {}",
          card,
          t.where.key(),
          e.getMessage());
    }
  }

  // The settings card's inputs arrive beside the action, by the form's field names.
  private static Input settingsSaved(JsonNode data, Optional<MessageRef> message) {
    Map<String, String> values = new HashMap<>();
    for (String field :
        List.of(
            Reply.SettingsForm.TIME,
            Reply.SettingsForm.DAYS,
            Reply.SettingsForm.LANGUAGE,
            Reply.SettingsForm.PAUSED,
            Reply.SettingsForm.NEXT_ROLE)) {
      JsonNode value = data.get(field);
      if (value != null && value.isValueNode()) {
        values.put(field, value.asText());
      }
    }
    return new Input.FormSubmitted(Input.FormSubmitted.SETTINGS, values, message);
  }

  private static InvokeResponse busy() {
    return refused(503, "ServiceUnavailable", "busy");
  }

  private Optional<Supplier<Input>> pressed(JsonNode data, Turn t, String card) {
    JsonNode id = data.get("action");
    Optional<MessageRef> message =
        card == null || card.isBlank()
            ? Optional.empty()
            : Optional.of(new MessageRef(t.where.withoutThread(), card));
    if (id != null && AdaptiveCardRenderer.SAVE_SETTINGS.equals(id.asText())) {
      return Optional.of(() -> settingsSaved(data, message));
    }
    Optional<String> value = AdaptiveCardRenderer.valueOf(data);
    if (id == null || !id.isTextual() || value.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(() -> new Input.ActionInvoked(id.asText(), value.get(), message));
  }

  private static InvokeResponse invokeResponse(
      TeamsTurns.InvokeResponse captured, Language language) {
    ObjectNode body = JSON.createObjectNode();
    body.put("statusCode", 200);
    if (captured.card().isPresent()) {
      body.put("type", AdaptiveCardRenderer.CARD_TYPE);
      body.set("value", captured.card().get());
    } else {
      // Teams takes an empty message as a failed action; what was sent instead is said briefly.
      body.put("type", "application/vnd.microsoft.activity.message");
      body.put("value", captured.message().orElse(Messages.get(language, "render.done")));
    }
    return new InvokeResponse(200, body);
  }

  private static InvokeResponse refused(int status, String code, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("statusCode", status);
    body.put("type", "application/vnd.microsoft.error");
    body.putObject("value").put("code", code).put("message", message);
    return new InvokeResponse(200, body);
  }

  private static CompletableFuture<Void> respond(TurnContext turn, InvokeResponse response) {
    Activity reply = new Activity(ActivityTypes.INVOKE_RESPONSE);
    reply.setValue(response);
    return turn.sendActivity(reply).thenApply(sent -> null);
  }

  private void submit(Turn t, Activity activity, boolean typing, Supplier<Input> what) {
    try {
      work.execute(
          t.who.key(),
          () -> {
            try {
              if (typing && !t.where.shared()) {
                typing(t);
              }
              handle(t, activity, what);
            } catch (RuntimeException e) {
              log.error("A Teams interaction failed", e);
            }
          });
    } catch (RejectedExecutionException e) {
      countDropped();
    }
  }

  private void countDropped() {
    long dropped = this.dropped.incrementAndGet();
    if (dropped % 1000 == 1) {
      log.error("Teams work queue full: {} activities dropped so far", dropped);
    }
  }

  private void typing(Turn t) {
    try {
      String conversation =
          t.where
              .thread()
              .map(th -> t.where.conversation() + ";messageid=" + th)
              .orElse(t.where.conversation());
      connector.sendOnce(t.address, conversation, new Activity(ActivityTypes.TYPING));
    } catch (RuntimeException e) {
      log.debug("Could not show typing in {}: {}", t.where.key(), e.toString());
    }
  }

  private void handle(Turn t, Activity activity, Supplier<Input> what) {
    Input input;
    try {
      input = what.get();
    } catch (InvalidInputException e) {
      Language language = t.locale.flatMap(Language::of).orElse(Language.ENGLISH);
      try {
        gateway.send(
            t.where,
            Outgoing.onlyTo(
                t.who,
                Reply.Notice.of(language, Reply.Notice.Kind.INVALID, e.explanation(language))));
      } catch (RuntimeException failed) {
        log.warn("Could not tell {} about a refused activity: {}", t.who, failed.getMessage());
      }
      return;
    }
    ProfileHints hints = t.hints.withWork(work(t, activity.isType(ActivityTypes.INVOKE)));
    assistant.handle(
        new Interaction(t.deliveryId(), t.who, t.where, clock.instant(), t.locale, hints, input));
  }

  // The directory's word on the person's job, named as Teams names them; never in the way.
  private ProfileHints.Work work(Turn t, boolean invoke) {
    if (t.objectId.isEmpty()) {
      return ProfileHints.Work.none();
    }
    try {
      ProfileHints.Work work =
          directory.workOf(t.who, t.objectId.get(), invoke ? Duration.ZERO : directoryWait);
      if (work.isEmpty() || t.name.isEmpty()) {
        return work;
      }
      return new ProfileHints.Work(
          t.name, work.title(), work.team(), work.managerUser(), work.managerEmail());
    } catch (RuntimeException e) {
      log.warn("No directory profile for {}: {}", t.who, e.getMessage());
      return ProfileHints.Work.none();
    }
  }

  private static boolean botAdded(Activity activity) {
    if (activity.getMembersAdded() == null || activity.getRecipient() == null) {
      return false;
    }
    String bot = activity.getRecipient().getId();
    return activity.getMembersAdded().stream().map(ChannelAccount::getId).anyMatch(bot::equals)
        && "personal".equals(activity.getConversation().getConversationType());
  }

  /** Who acted, where, and how to reach them again, from one activity. */
  private record Turn(
      ChannelUser who,
      ConversationRef where,
      TeamsAddress address,
      Optional<Locale> locale,
      ProfileHints hints,
      String activityId,
      Optional<String> objectId,
      Optional<String> name) {

    Language language() {
      return locale.flatMap(Language::of).orElse(Language.ENGLISH);
    }

    // Activity ids are unique within a conversation only.
    String deliveryId() {
      return ShortDigest.of(where.conversation(), 8) + ":" + activityId;
    }

    String deliveryKey() {
      return who.key() + ":" + deliveryId();
    }

    static Optional<Turn> of(Activity activity, String localTenant, boolean localMode) {
      ChannelAccount from = activity.getFrom();
      if (from == null
          || from.getId() == null
          || activity.getConversation() == null
          || activity.getConversation().getId() == null
          || activity.getServiceUrl() == null
          || activity.getRecipient() == null
          || activity.getRecipient().getId() == null) {
        return Optional.empty();
      }
      if (activity.getId() == null
          || activity.getId().isBlank()
          || activity.getId().length() > 150) {
        return Optional.empty();
      }
      String tenant = activity.getConversation().getTenantId();
      if (localMode || tenant == null || tenant.isBlank()) {
        // Unauthenticated activities cannot name a real tenant's people.
        tenant = localTenant;
      }
      try {
        TeamsAddress address =
            new TeamsAddress(activity.getServiceUrl(), tenant, activity.getRecipient().getId());
        ChannelUser who = new ChannelUser(TeamsGateway.CHANNEL, tenant, from.getId());
        String id = activity.getConversation().getId();
        Optional<String> thread = Optional.empty();
        int chain = id.indexOf(";messageid=");
        if (chain >= 0) {
          thread = Optional.of(id.substring(chain + ";messageid=".length()));
          id = id.substring(0, chain);
        }
        String type = activity.getConversation().getConversationType();
        boolean personal =
            type == null ? !activity.getConversation().isGroup() : type.equals("personal");
        ConversationRef where =
            new ConversationRef(
                TeamsGateway.CHANNEL,
                tenant,
                id,
                thread.filter(th -> !th.isBlank()),
                personal ? ConversationRef.Visibility.PRIVATE : ConversationRef.Visibility.SHARED,
                address.json());
        Optional<Locale> locale =
            Optional.ofNullable(activity.getLocale())
                .filter(l -> !l.isBlank())
                .map(Locale::forLanguageTag);
        return Optional.of(
            new Turn(
                who,
                where,
                address,
                locale,
                new ProfileHints(Optional.empty(), zone(activity.getLocalTimezone())),
                activity.getId(),
                Optional.ofNullable(from.getAadObjectId()).filter(aad -> !aad.isBlank()),
                Optional.ofNullable(from.getName())
                    .map(String::strip)
                    .filter(n -> !n.isEmpty() && n.length() <= 200)
                    .filter(n -> n.codePoints().noneMatch(Character::isISOControl))));
      } catch (IllegalArgumentException e) {
        log.info("Ignoring a Teams activity with ids this bot does not take: {}", e.getMessage());
        return Optional.empty();
      }
    }

    private static Optional<ZoneId> zone(String name) {
      try {
        return name == null || name.isBlank() ? Optional.empty() : Optional.of(ZoneId.of(name));
      } catch (DateTimeException e) {
        return Optional.empty();
      }
    }
  }
}
