package io.learnloop.dialog.conversation;

import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.Audience;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.channel.DeliveriesUnavailableException;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.dialog.channel.InMemoryDeliveries;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.dashboard.ContentGap;
import io.learnloop.dialog.dashboard.ContentGaps;
import io.learnloop.dialog.escalation.AskPerson;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.identity.LinkAccounts;
import io.learnloop.dialog.identity.Privacy;
import io.learnloop.dialog.identity.Settings;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.quiz.DocumentLinks;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The conversation core: takes one verified {@link Interaction} from any channel, runs it once
 * (retried deliveries are dropped), decides the reply language once, and sends channel-neutral
 * {@link Reply replies} through that channel's {@link ChatGateway}. Slack, Teams and the web chat
 * are thin adapters around it.
 */
public final class Assistant {

  /** How long a delivery id is remembered: longer than any channel retries. */
  static final Duration REMEMBER_DELIVERIES = Duration.ofHours(24);

  private static final Logger log = Logger.getLogger(Assistant.class.getName());
  private static final Set<String> HELP_WORDS =
      Set.of("help", "/help", "bantuan", "/bantuan", "?", "hi", "hello", "halo", "hai");
  private static final Set<String> QUIZ_WORDS =
      Set.of("quiz", "quiz me", "/quiz", "kuis", "kuis saya", "/kuis");
  private static final Set<String> PROGRESS_WORDS =
      Set.of("progress", "my progress", "kemajuan", "kemajuan saya");
  private static final Set<String> SKIP_WORDS = Set.of("skip", "/skip", "lewati", "/lewati");
  private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");
  private static final Set<Command> OWN_COMMANDS =
      Set.of(Command.SETTINGS, Command.EXPORT, Command.FORGET_ME, Command.ROUND, Command.LINK);

  private final Map<String, ChatGateway> gateways;
  private final Deliveries deliveries;
  private final Deliveries deliveriesInOutage;
  private final Enrollment enrollment;
  private final ConversationReferences references;
  private final DirectConversations direct;
  private final AccessGroups access;
  private final KnowledgeBase knowledge;
  private final Optional<Quizzing> quiz;
  private final InteractionListener listener;
  private final Optional<Privacy> privacy;
  private final Optional<Settings> settings;
  private final Optional<LinkAccounts> linking;
  private final ContentGaps gaps;
  private final Optional<AskPerson> askPerson;
  private final Optional<FollowUps> followUps;
  private final Clock clock;

  public Assistant(
      List<ChatGateway> gateways,
      Deliveries deliveries,
      Enrollment enrollment,
      ConversationReferences references,
      AccessGroups access,
      KnowledgeBase knowledge,
      Optional<Quizzing> quiz,
      InteractionListener listener,
      Clock clock) {
    this(
        gateways,
        deliveries,
        enrollment,
        references,
        access,
        knowledge,
        quiz,
        listener,
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        ContentGaps.none(),
        clock);
  }

  /**
   * @param privacy export and deletion of a person's data, for {@code export} and {@code forget-me}
   * @param settings a learner's own settings, for {@code settings}
   * @param linking one learner across channels by a one-time code, for {@code link}
   * @param askPerson "Ask a person": an answer's question passed to the experts of its topic
   * @param followUps a thread's earlier question for its elliptical follow-ups
   * @param gaps where unanswered questions and "Not helpful" answers are counted for the dashboard
   */
  public Assistant(
      List<ChatGateway> gateways,
      Deliveries deliveries,
      Enrollment enrollment,
      ConversationReferences references,
      AccessGroups access,
      KnowledgeBase knowledge,
      Optional<Quizzing> quiz,
      InteractionListener listener,
      Optional<Privacy> privacy,
      Optional<Settings> settings,
      Optional<LinkAccounts> linking,
      Optional<AskPerson> askPerson,
      Optional<FollowUps> followUps,
      ContentGaps gaps,
      Clock clock) {
    this.askPerson = Objects.requireNonNull(askPerson, "askPerson");
    this.followUps = Objects.requireNonNull(followUps, "followUps");
    this.gaps = Objects.requireNonNull(gaps, "gaps");
    this.privacy = Objects.requireNonNull(privacy, "privacy");
    this.settings = Objects.requireNonNull(settings, "settings");
    this.linking = Objects.requireNonNull(linking, "linking");
    this.gateways =
        gateways.stream().collect(Collectors.toUnmodifiableMap(ChatGateway::channel, g -> g));
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.enrollment = Objects.requireNonNull(enrollment, "enrollment");
    this.references = Objects.requireNonNull(references, "references");
    this.direct = new DirectConversations(references);
    this.access = Objects.requireNonNull(access, "access");
    this.knowledge = Objects.requireNonNull(knowledge, "knowledge");
    this.quiz = Objects.requireNonNull(quiz, "quiz");
    this.listener = Objects.requireNonNull(listener, "listener");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.deliveriesInOutage = new InMemoryDeliveries(clock);
  }

  /**
   * Runs one interaction and sends its replies.
   *
   * @return what was sent; empty for a delivery seen before
   * @throws IllegalArgumentException when no gateway serves the interaction's channel
   */
  public List<Sent> handle(Interaction interaction) {
    Instant started = clock.instant();
    ChatGateway gateway = gateway(interaction.where().channel());
    Deliveries.Claim claim = deliveries.claimAhead(interaction.deliveryKey(), REMEMBER_DELIVERIES);
    // Who is asking is read while the claim travels: one wait for both. Only a read: enrolling
    // and remembering the conversation wait for the claim.
    Turn turn = new Turn(interaction);
    turn.lookUpKnownLearner();
    if (!firstDelivery(interaction, claim)) {
      return List.of();
    }
    Optional<List<Sent>> relayed = relayFromExperts(gateway, interaction);
    if (relayed.isPresent()) {
      Duration took = Duration.between(started, clock.instant());
      relayed.get().forEach(s -> listener.replied(s.outgoing().reply(), took));
      return relayed.get();
    }
    List<Outgoing> replies;
    try {
      replies = route(turn);
    } catch (RuntimeException e) {
      log.log(Level.SEVERE, "Could not handle " + interaction.deliveryKey(), e);
      replies = List.of(Outgoing.onlyTo(interaction.who(), unavailable(turn.language())));
    }
    List<Sent> sent = send(gateway, interaction.where(), replies);
    rememberQuestion(turn, sent);
    Duration took = Duration.between(started, clock.instant());
    sent.forEach(s -> listener.replied(s.outgoing().reply(), took));
    return sent;
  }

  // After the answer went out: a reply to it in its thread follows this question.
  private void rememberQuestion(Turn turn, List<Sent> sent) {
    if (followUps.isEmpty() || turn.question == null) {
      return;
    }
    Optional<MessageRef> answer =
        sent.stream()
            .filter(s -> s.outgoing().reply() instanceof Reply.Answer)
            .map(Sent::message)
            .findFirst();
    followUps.get().answered(turn.interaction.where(), turn.question, answer);
  }

  /**
   * Starts a conversation: the learner's next quiz question in their direct conversation on {@code
   * channel}, opened when the learner has none yet. For the daily quiz and nudges.
   *
   * @return what was sent; empty when there is no quiz or the learner cannot be reached there
   */
  public List<Sent> sendNextQuestion(Learner learner, String channel) {
    if (quiz.isEmpty()) {
      return List.of();
    }
    ChatGateway gateway = gateway(channel);
    Optional<ConversationRef> where = direct.with(learner, gateway);
    if (where.isEmpty()) {
      return List.of();
    }
    Reply question = quiz.get().ask().next(learner, where.get(), learner.language());
    return writeFirst(learner, gateway, where.get(), Outgoing.toEveryone(question));
  }

  /**
   * Sends a reply the core writes first (a manager's nudge) to the learner's direct conversation on
   * {@code channel}, opened when the learner has none yet.
   *
   * @return what was sent; empty when the learner cannot be reached there or the channel refused it
   * @throws IllegalArgumentException when no gateway serves {@code channel}
   */
  public List<Sent> sendDirect(Learner learner, String channel, Reply reply) {
    ChatGateway gateway = gateway(channel);
    return direct
        .with(learner, gateway)
        .map(where -> writeFirst(learner, gateway, where, Outgoing.toEveryone(reply)))
        .orElse(List.of());
  }

  private List<Sent> writeFirst(
      Learner learner, ChatGateway gateway, ConversationRef where, Outgoing message) {
    try {
      return List.of(sendOne(gateway, where, message));
    } catch (DeliveryFailedException e) {
      if (e.unreachable()) {
        // The conversation is gone (the app removed, the person left): forget it rather than
        // try it every day; the next attempt opens a new one if the person can be reached.
        log.log(Level.WARNING, learner.id() + " is unreachable at " + where.key(), e);
        references.forget(learner.id(), gateway.channel());
      } else {
        log.log(Level.WARNING, "Could not send to " + where.key(), e);
      }
      return List.of();
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not send to " + where.key(), e);
      return List.of();
    }
  }

  private boolean firstDelivery(Interaction interaction, Deliveries.Claim claim) {
    try {
      return claim.first();
    } catch (DeliveriesUnavailableException e) {
      log.log(Level.WARNING, "Delivery store down; de-duplicating in memory: " + e.getMessage());
      return deliveriesInOutage.claim(interaction.deliveryKey(), REMEMBER_DELIVERIES);
    }
  }

  // A message in a thread the bot started for the experts is an expert's reply, never a question.
  private Optional<List<Sent>> relayFromExperts(ChatGateway gateway, Interaction interaction) {
    if (askPerson.isEmpty()) {
      return Optional.empty();
    }
    try {
      return askPerson
          .get()
          .relay(gateway, interaction)
          .map(
              told -> {
                List<Sent> sent = new ArrayList<>();
                for (AskPerson.ToAsker reply : told) {
                  sent.addAll(
                      send(
                          gateway(reply.where().channel()),
                          reply.where(),
                          List.of(reply.outgoing())));
                }
                return sent;
              });
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not look up the thread of " + interaction.deliveryKey(), e);
      return Optional.empty();
    }
  }

  private List<Outgoing> route(Turn turn) {
    Input what = turn.interaction.what();
    if (what instanceof Input.ThreadMessage) {
      // Talk in a channel's thread that did not address the bot is not the bot's business.
      return List.of();
    }
    if (what instanceof Input.Typed typed) {
      return typed(turn, typed.text());
    }
    if (what instanceof Input.CommandInvoked command) {
      return command(turn, command.command(), command.argument());
    }
    if (what instanceof Input.ActionInvoked action) {
      return action(turn, action);
    }
    if (what instanceof Input.FormSubmitted form) {
      return submitted(turn, form);
    }
    return home(turn);
  }

  private List<Outgoing> home(Turn turn) {
    if (quiz.isEmpty() || turn.learner().isEmpty()) {
      return List.of();
    }
    return List.of(
        new Outgoing(
            quiz.get().progress().of(turn.learner().get(), turn.language()),
            Audience.only(turn.interaction.who()),
            new Placement.Home()));
  }

  private List<Outgoing> typed(Turn turn, String text) {
    String lower = text.toLowerCase(Locale.ROOT);
    if (HELP_WORDS.contains(lower)) {
      return List.of(Outgoing.toEveryone(help(turn.language())));
    }
    if (QUIZ_WORDS.contains(lower)) {
      return quiz(turn);
    }
    // "settings", "export", "forget-me", "round" typed as a message (or as /settings) are the
    // commands, in either language; a channel without slash commands needs no other way.
    Optional<Command> named =
        lower.length() <= 20
            ? Command.named(lower.startsWith("/") ? lower.substring(1) : lower)
            : Optional.empty();
    if (named.isPresent() && OWN_COMMANDS.contains(named.get())) {
      return command(turn, named.get(), "");
    }
    String[] words = lower.split("\\s+", 2);
    if (words.length == 2
        && Command.named(words[0].startsWith("/") ? words[0].substring(1) : words[0])
            .filter(Command.LINK::equals)
            .isPresent()
        && LinkAccounts.looksLikeCode(words[1])) {
      return link(turn, words[1]);
    }
    if (PROGRESS_WORDS.contains(lower)) {
      return progress(turn);
    }
    if (SKIP_WORDS.contains(lower) && quiz.isPresent() && turn.learner().isPresent()) {
      Optional<Reply> skipped =
          quiz.get().ask().skipPlacement(turn.learner().get(), turn.language());
      if (skipped.isPresent()) {
        return List.of(Outgoing.toEveryone(skipped.get()));
      }
    }
    if (NUMBER.matcher(text).matches() && quiz.isPresent()) {
      Optional<String> waiting = quiz.get().answer().waitingIn(turn.interaction.where());
      if (waiting.isPresent()) {
        return answerCard(turn, waiting.get(), Integer.parseInt(text), Optional.empty());
      }
    }
    return ask(turn, text, Outgoing::toEveryone);
  }

  private List<Outgoing> command(Turn turn, Command command, String argument) {
    Interaction in = turn.interaction;
    return switch (command) {
      case ASK ->
          argument.isEmpty()
              ? List.of(Outgoing.onlyTo(in.who(), help(turn.language())))
              : ask(
                  turn,
                  argument,
                  reply ->
                      in.where().shared()
                          ? Outgoing.onlyTo(in.who(), reply)
                          : Outgoing.toEveryone(reply));
      case QUIZ -> quiz(turn);
      case PROGRESS -> progress(turn);
      case HELP -> List.of(Outgoing.onlyTo(in.who(), help(turn.language())));
      case ROUND -> round(turn);
      case FORGET_ME -> forgetMe(turn);
      case EXPORT -> export(turn);
      case SETTINGS -> settings(turn);
      case LINK -> link(turn, argument);
    };
  }

  private List<Outgoing> action(Turn turn, Input.ActionInvoked action) {
    Interaction in = turn.interaction;
    switch (action.actionId()) {
      case ActionIds.QUIZ_CHOICE -> {
        int dot = action.value().lastIndexOf('.');
        if (dot < 0 || !NUMBER.matcher(action.value().substring(dot + 1)).matches()) {
          return List.of(Outgoing.onlyTo(in.who(), invalid(turn.language())));
        }
        return answerCard(
            turn,
            action.value().substring(0, dot),
            Integer.parseInt(action.value().substring(dot + 1)),
            action.message());
      }
      case ActionIds.ROUND_CHOICE -> {
        int dot = action.value().lastIndexOf('.');
        if (quiz.isEmpty()
            || turn.learner().isEmpty()
            || dot < 0
            || !NUMBER.matcher(action.value().substring(dot + 1)).matches()) {
          return List.of(Outgoing.onlyTo(in.who(), invalid(turn.language())));
        }
        return List.of(
            quiz.get()
                .rounds()
                .answer(
                    turn.learner().get(),
                    in.who(),
                    in.where(),
                    action.value().substring(0, dot),
                    Integer.parseInt(action.value().substring(dot + 1))));
      }
      case ActionIds.FORGET_CONFIRMED -> {
        return forget(turn);
      }
      case ActionIds.FORGET_CANCELLED -> {
        return toAsker(turn, Reply.Notice.Kind.INFO, "privacy.kept");
      }
      case ActionIds.QUIZ_NEXT -> {
        return quiz(turn);
      }
      case ActionIds.PRETEST_SKIP -> {
        if (quiz.isEmpty() || turn.learner().isEmpty()) {
          return quiz(turn);
        }
        return quiz.get()
            .ask()
            .skipPlacement(turn.learner().get(), turn.language())
            .map(skipped -> List.of(Outgoing.toEveryone(skipped)))
            .orElseGet(() -> quiz(turn));
      }
      case ActionIds.QUIZ_ME_ON_THIS -> {
        if (quiz.isEmpty() || turn.learner().isEmpty()) {
          return quiz(turn);
        }
        Set<String> documents = new LinkedHashSet<>(Arrays.asList(action.value().split(",")));
        Reply question =
            quiz.get()
                .ask()
                .on(turn.learner().get(), in.where(), turn.language(), documents, readerGroups(in));
        return List.of(Outgoing.toEveryone(question));
      }
      case ActionIds.HELPFUL, ActionIds.NOT_HELPFUL -> {
        boolean helpful = action.actionId().equals(ActionIds.HELPFUL);
        log.info(
            "Answer feedback from "
                + in.who()
                + ": "
                + (helpful ? "helpful" : "not helpful")
                + " on "
                + action.value());
        if (!helpful && !action.value().isBlank()) {
          gap(turn, ContentGap.Kind.NOT_HELPFUL, action.value());
        }
        String key = helpful ? "feedback.thanks" : "feedback.sorry";
        return toAsker(turn, Reply.Notice.Kind.INFO, key);
      }
      case ActionIds.ASK_PERSON -> {
        if (askPerson.isEmpty()) {
          return List.of(Outgoing.onlyTo(in.who(), invalid(turn.language())));
        }
        Reply.Notice told =
            askPerson
                .get()
                .press(
                    gateway(in.where().channel()),
                    in.who(),
                    action.value(),
                    action.message(),
                    turn.language());
        return List.of(Outgoing.onlyTo(in.who(), told));
      }
      case Settings.LANGUAGE, Settings.TIME, Settings.PAUSE -> {
        return changeSetting(turn, action);
      }
      case Settings.NEXT_ROLE -> {
        if (!action.value().isEmpty() || settings.isEmpty() || turn.learner().isEmpty()) {
          return changeSetting(turn, action);
        }
        return List.of(
            Outgoing.onlyTo(
                in.who(), settings.get().nextRoleChoices(turn.learner().get(), turn.language())));
      }
      case Settings.OPEN -> {
        return settings(turn);
      }
      default -> {
        log.warning("Unknown action '" + action.actionId() + "' from " + in.who());
        return List.of(Outgoing.onlyTo(in.who(), invalid(turn.language())));
      }
    }
  }

  private List<Outgoing> forgetMe(Turn turn) {
    Language language = turn.language();
    if (privacy.isEmpty()) {
      return notYet(turn, Command.FORGET_ME);
    }
    return List.of(
        Outgoing.onlyTo(
            turn.interaction.who(),
            new Reply.Notice(
                language,
                Reply.Notice.Kind.INFO,
                Messages.get(language, "privacy.forget-confirm"),
                List.of(
                    new Action(
                        ActionIds.FORGET_CONFIRMED,
                        "",
                        Messages.get(language, "privacy.forget-button"),
                        Action.Style.DANGER),
                    Action.of(
                        ActionIds.FORGET_CANCELLED,
                        "",
                        Messages.get(language, "privacy.keep-button"))))));
  }

  // Only the person who clicks is forgotten: who that is comes from the verified interaction.
  private List<Outgoing> forget(Turn turn) {
    ChannelUser who = turn.interaction.who();
    if (privacy.isEmpty()) {
      return notYet(turn, Command.FORGET_ME);
    }
    Optional<Learner> learner = turn.learner();
    try {
      learner.ifPresent(l -> privacy.get().forget(l.id()));
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not forget " + who, e);
      learner = Optional.empty();
    }
    String key = learner.isPresent() ? "privacy.forgotten" : "privacy.unavailable";
    Reply.Notice.Kind kind =
        learner.isPresent() ? Reply.Notice.Kind.INFO : Reply.Notice.Kind.UNAVAILABLE;
    return toAsker(turn, kind, key);
  }

  private List<Outgoing> export(Turn turn) {
    Language language = turn.language();
    ChannelUser who = turn.interaction.who();
    if (privacy.isEmpty()) {
      return notYet(turn, Command.EXPORT);
    }
    Optional<Learner> learner = turn.learner();
    try {
      if (learner.isPresent()) {
        return List.of(
            Outgoing.onlyTo(
                who,
                new Reply.Export(
                    language,
                    Messages.get(language, "privacy.export-ready"),
                    "learnloop-export.json",
                    privacy.get().export(learner.get()))));
      }
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not export the data of " + who, e);
    }
    return toAsker(turn, Reply.Notice.Kind.UNAVAILABLE, "privacy.unavailable");
  }

  private List<Outgoing> settings(Turn turn) {
    if (settings.isEmpty() || turn.learner().isEmpty()) {
      return notYet(turn, Command.SETTINGS);
    }
    return List.of(
        Outgoing.onlyTo(
            turn.interaction.who(),
            settings.get().form(turn.learner().get(), turn.language(), "")));
  }

  private List<Outgoing> submitted(Turn turn, Input.FormSubmitted form) {
    ChannelUser who = turn.interaction.who();
    if (!form.formId().equals(Input.FormSubmitted.SETTINGS)) {
      return List.of(Outgoing.onlyTo(who, invalid(turn.language())));
    }
    if (settings.isEmpty() || turn.learner().isEmpty()) {
      return List.of(Outgoing.onlyTo(who, unavailable(turn.language())));
    }
    Settings.Submitted result;
    try {
      result = settings.get().submit(turn.learner().get(), form.values());
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not save the settings of " + who, e);
      return List.of(Outgoing.onlyTo(who, unavailable(turn.language())));
    }
    if (result instanceof Settings.Submitted.Refused refused) {
      Language language = turn.language();
      return toAsker(
          turn,
          Reply.Notice.Kind.INVALID,
          "settings.bad-form",
          Messages.get(language, refused.problem()));
    }
    Learner changed = ((Settings.Submitted.Saved) result).learner();
    Language language =
        changed.preferences().languageChosen() ? changed.language() : turn.language();
    Reply saved = settings.get().form(changed, language, Messages.get(language, "settings.saved"));
    // A form on a card (Teams) becomes the saved settings; a modal (Slack) is gone: say it anew.
    return List.of(
        form.message()
            .filter(m -> !turn.interaction.where().shared())
            .map(message -> Outgoing.replacing(message, saved))
            .orElseGet(() -> Outgoing.onlyTo(who, saved)));
  }

  private List<Outgoing> changeSetting(Turn turn, Input.ActionInvoked action) {
    ChannelUser who = turn.interaction.who();
    if (settings.isEmpty() || turn.learner().isEmpty()) {
      return List.of(Outgoing.onlyTo(who, unavailable(turn.language())));
    }
    Optional<Learner> changed;
    try {
      changed = settings.get().apply(turn.learner().get(), action.actionId(), action.value());
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not save the settings of " + who, e);
      return List.of(Outgoing.onlyTo(who, unavailable(turn.language())));
    }
    if (changed.isEmpty()) {
      return List.of(Outgoing.onlyTo(who, invalid(turn.language())));
    }
    // A new language speaks from this reply on.
    Language language =
        changed.get().preferences().languageChosen() ? changed.get().language() : turn.language();
    return List.of(
        Outgoing.onlyTo(
            who,
            settings
                .get()
                .form(changed.get(), language, Messages.get(language, "settings.saved"))));
  }

  // Both halves act only for the verified sender: the code names the learner who asked for it,
  // and the identity that joins that learner is the one typing it, never one named in the text.
  private List<Outgoing> link(Turn turn, String argument) {
    if (linking.isEmpty()) {
      return notYet(turn, Command.LINK);
    }
    ChannelUser who = turn.interaction.who();
    long minutes = LinkAccounts.VALID.toMinutes();
    if (argument.isBlank()) {
      Optional<Learner> learner = turn.learner();
      if (learner.isEmpty()) {
        return List.of(Outgoing.onlyTo(who, unavailable(turn.language())));
      }
      String code = linking.get().issue(learner.get(), who.channel());
      return toAsker(turn, Reply.Notice.Kind.INFO, "link.code", code, minutes);
    }
    Language language = turn.language();
    LinkAccounts.Result result = linking.get().redeem(argument, who, turn.interaction.where());
    String made = result.codeChannel().map(c -> channelName(language, c)).orElse("");
    return switch (result.outcome()) {
      case LINKED -> toAsker(turn, Reply.Notice.Kind.INFO, "link.linked", made);
      case ALREADY_LINKED -> toAsker(turn, Reply.Notice.Kind.INFO, "link.already", made);
      case UNKNOWN_CODE -> toAsker(turn, Reply.Notice.Kind.INVALID, "link.unknown", minutes);
      case SAME_CHANNEL -> toAsker(turn, Reply.Notice.Kind.INVALID, "link.same-channel", made);
      case CHANNEL_TAKEN ->
          toAsker(
              turn,
              Reply.Notice.Kind.INVALID,
              "link.channel-taken",
              channelName(language, who.channel()));
      case HAS_ANSWERS ->
          toAsker(turn, Reply.Notice.Kind.INVALID, "link.has-answers", result.answers(), made);
    };
  }

  private static String channelName(Language language, String channel) {
    return switch (channel) {
      case "web" -> Messages.get(language, "channel.web");
      case "slack" -> "Slack";
      case "teams" -> "Teams";
      default -> channel;
    };
  }

  private static List<Outgoing> notYet(Turn turn, Command command) {
    return toAsker(turn, Reply.Notice.Kind.INFO, "command.not-yet", command.word());
  }

  private List<Outgoing> answerCard(
      Turn turn, String cardId, int choice, Optional<MessageRef> card) {
    Interaction in = turn.interaction;
    if (quiz.isEmpty()) {
      return List.of(Outgoing.onlyTo(in.who(), invalid(turn.language())));
    }
    Optional<Learner> learner = turn.learner();
    if (learner.isEmpty()) {
      return List.of(Outgoing.onlyTo(in.who(), unavailable(turn.language())));
    }
    try {
      return List.of(
          quiz.get()
              .answer()
              .answer(learner.get(), in.who(), in.where(), cardId, choice, card, turn.language()));
    } catch (io.learnloop.dialog.quiz.OpenQuestionsUnavailableException e) {
      log.log(Level.WARNING, "Cannot look up quiz card " + cardId + ": " + e.getMessage());
      return toAsker(turn, Reply.Notice.Kind.UNAVAILABLE, "quiz.unavailable");
    }
  }

  private List<Outgoing> quiz(Turn turn) {
    if (quiz.isEmpty()) {
      return toAsker(turn, Reply.Notice.Kind.UNAVAILABLE, "quiz.none");
    }
    if (turn.learner().isEmpty()) {
      return List.of(Outgoing.onlyTo(turn.interaction.who(), unavailable(turn.language())));
    }
    return List.of(
        Outgoing.toEveryone(
            quiz.get()
                .ask()
                .next(turn.learner().get(), turn.interaction.where(), turn.language())));
  }

  private List<Outgoing> round(Turn turn) {
    if (quiz.isEmpty()) {
      return quiz(turn);
    }
    if (!turn.interaction.where().shared()) {
      return toAsker(turn, Reply.Notice.Kind.INFO, "round.only-in-channels");
    }
    ConversationRef main = turn.interaction.where().withoutThread();
    return List.of(Outgoing.toEveryone(quiz.get().rounds().start(main, turn.language())));
  }

  /**
   * Starts a team round in a shared conversation that nobody asked in: for a channel's scheduled
   * rounds.
   *
   * @return what was sent; empty when there is no quiz or the channel refused the card
   * @throws IllegalArgumentException when {@code where} is not shared or no gateway serves it
   */
  public List<Sent> startRound(ConversationRef where, Language language) {
    if (!where.shared()) {
      throw new IllegalArgumentException(
          "a team round needs a shared conversation: " + where.key());
    }
    ChatGateway gateway = gateway(where.channel());
    if (quiz.isEmpty()) {
      return List.of();
    }
    Reply card = quiz.get().rounds().start(where.withoutThread(), language);
    return send(gateway, where.withoutThread(), List.of(Outgoing.toEveryone(card)));
  }

  /**
   * Closes a team round and reveals it in place of its card: for the round's timer or a scheduler.
   *
   * @return what was sent; empty when the round is unknown or already revealed
   */
  public List<Sent> closeRound(String roundId, ConversationRef where) {
    if (quiz.isEmpty()) {
      return List.of();
    }
    return quiz.get()
        .rounds()
        .reveal(roundId, where)
        .map(reveal -> send(gateway(where.channel()), where, List.of(reveal)))
        .orElse(List.of());
  }

  /**
   * Closes and reveals every team round whose time box has ended: for a scheduled job.
   *
   * @return how many rounds were revealed
   */
  public int closeRoundsDue(Instant now) {
    if (quiz.isEmpty()) {
      return 0;
    }
    int revealed = 0;
    for (Map.Entry<String, ConversationRef> round : quiz.get().rounds().due(now)) {
      try {
        if (!closeRound(round.getKey(), round.getValue()).isEmpty()) {
          revealed++;
        }
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "Could not close round " + round.getKey(), e);
      }
    }
    return revealed;
  }

  private List<Outgoing> progress(Turn turn) {
    if (quiz.isEmpty() || turn.learner().isEmpty()) {
      return quiz(turn);
    }
    return List.of(
        Outgoing.onlyTo(
            turn.interaction.who(),
            quiz.get().progress().of(turn.learner().get(), turn.language())));
  }

  private List<Outgoing> ask(
      Turn turn, String question, java.util.function.Function<Reply, Outgoing> audience) {
    Interaction in = turn.interaction;
    Language language = turn.language();
    Set<String> groups = readerGroups(in);
    turn.question =
        followUps
            .map(f -> f.question(in.where(), question))
            .orElseGet(() -> new FollowUps.Question(question, Optional.empty()));
    String searched = turn.question.searched();
    Optional<KnowledgeAnswer> found = knowledge.answer(searched, groups, language);
    if (found.isEmpty()) {
      return List.of(
          audience.apply(
              Reply.Notice.of(
                  language,
                  Reply.Notice.Kind.UNAVAILABLE,
                  Messages.get(language, "answering.not-ready"))));
    }
    KnowledgeAnswer answer = found.get();
    if (answer.abstained()) {
      gap(turn, ContentGap.Kind.UNANSWERED, searched);
    }
    List<Action> actions = new ArrayList<>();
    if (!answer.abstained() && !answer.citations().isEmpty()) {
      String documents = documentsValue(answer);
      actions.add(
          Action.of(ActionIds.HELPFUL, documents, Messages.get(language, "action.helpful")));
      actions.add(
          Action.of(
              ActionIds.NOT_HELPFUL, documents, Messages.get(language, "action.not-helpful")));
      Set<SkillId> skills =
          quiz.map(q -> q.justInTime().skillsOn(answer.citations())).orElse(Set.of());
      if (!skills.isEmpty()) {
        actions.add(
            Action.of(
                ActionIds.QUIZ_ME_ON_THIS, documents, Messages.get(language, "action.quiz-me")));
        turn.learner().ifPresent(l -> quiz.get().justInTime().asked(l.id(), skills));
      }
    }
    askPerson
        .flatMap(
            a ->
                a.offer(
                    in,
                    language,
                    searched,
                    answer.citations(),
                    groups.isEmpty(),
                    AskPerson.topics(answer.citations(), this::skillsOf)))
        .ifPresent(actions::add);
    return List.of(
        audience.apply(
            new Reply.Answer(
                language,
                question,
                answer.text(),
                answer.citations(),
                answer.abstained(),
                groups.isEmpty(),
                actions)));
  }

  // A gap the dashboard misses while its store is down is worth less than the reply.
  private void gap(Turn turn, ContentGap.Kind kind, String subject) {
    String team = turn.learner().map(Learner::team).orElse("");
    try {
      gaps.record(new ContentGap(kind, team, subject, clock.instant()));
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Content gap not counted: " + e.getMessage());
    }
  }

  private Set<String> skillsOf(io.learnloop.dialog.channel.Citation source) {
    return quiz.map(q -> q.justInTime().skillsOn(List.of(source))).orElse(Set.of()).stream()
        .map(SkillId::value)
        .collect(Collectors.toSet());
  }

  // Whatever others can read is answered from public documents only.
  private Set<String> readerGroups(Interaction in) {
    boolean othersRead = in.where().shared() && !(in.what() instanceof Input.CommandInvoked);
    return othersRead ? Set.of() : access.groupsOf(in.who(), in.hints().verifiedEmail());
  }

  // The cited documents, as short as an action value must be.
  private static String documentsValue(KnowledgeAnswer answer) {
    StringBuilder value = new StringBuilder();
    for (String document :
        answer.citations().stream()
            .map(c -> DocumentLinks.document(c.source()))
            .distinct()
            .filter(d -> d.matches("[A-Za-z0-9._/-]{1,120}"))
            .toList()) {
      if (value.length() + document.length() + 1 > 250) {
        break;
      }
      value.append(value.length() == 0 ? "" : ",").append(document);
    }
    return value.toString();
  }

  private List<Sent> send(ChatGateway gateway, ConversationRef where, List<Outgoing> replies) {
    List<Sent> sent = new ArrayList<>();
    for (Outgoing reply : replies) {
      try {
        sent.add(sendOne(gateway, where, reply));
      } catch (DeliveryFailedException e) {
        log.log(Level.WARNING, "Could not send a reply to " + where.key(), e);
      } catch (RuntimeException e) {
        log.log(
            Level.WARNING,
            "Could not send a reply to, or remember a card posted in, " + where.key(),
            e);
      }
    }
    return sent;
  }

  private Sent sendOne(ChatGateway gateway, ConversationRef where, Outgoing reply) {
    MessageRef message = gateway.send(where, reply);
    if (reply.reply() instanceof Reply.QuizQuestion card && quiz.isPresent()) {
      if (card.choices().get(0).id().equals(ActionIds.ROUND_CHOICE)) {
        quiz.get().rounds().posted(card.cardId(), message.messageId());
      } else {
        quiz.get().ask().posted(card.cardId(), message.messageId());
      }
    }
    return new Sent(message, reply);
  }

  private ChatGateway gateway(String channel) {
    ChatGateway gateway = gateways.get(channel);
    if (gateway == null) {
      throw new IllegalArgumentException("no gateway serves channel '" + channel + "'");
    }
    return gateway;
  }

  /** A notice in the turn's language for the person who acted, and no one else. */
  private static List<Outgoing> toAsker(
      Turn turn, Reply.Notice.Kind kind, String key, Object... arguments) {
    Language language = turn.language();
    return List.of(
        Outgoing.onlyTo(
            turn.interaction.who(),
            Reply.Notice.of(language, kind, Messages.get(language, key, arguments))));
  }

  private static Reply help(Language language) {
    return Reply.Notice.of(language, Reply.Notice.Kind.HELP, Messages.get(language, "help.text"));
  }

  private static Reply invalid(Language language) {
    return Reply.Notice.of(
        language, Reply.Notice.Kind.INVALID, Messages.get(language, "chat.unknown-action"));
  }

  private static Reply unavailable(Language language) {
    return Reply.Notice.of(
        language, Reply.Notice.Kind.UNAVAILABLE, Messages.get(language, "chat.unavailable"));
  }

  /**
   * One interaction while it runs: the learner, looked up once and only when needed, and the
   * language, decided once: the learner's own, else the channel's locale, else the text's.
   */
  private final class Turn {
    private final Interaction interaction;
    private FollowUps.Question question;
    private Optional<Learner> known;
    private Optional<Learner> learner;
    private Language language;

    Turn(Interaction interaction) {
      this.interaction = interaction;
    }

    void lookUpKnownLearner() {
      try {
        known = enrollment.known(interaction.who());
      } catch (RuntimeException e) {
        // learner() tries again and says so in the log
      }
    }

    Optional<Learner> learner() {
      if (learner == null) {
        try {
          learner =
              Optional.of(
                  known == null
                      ? enrollment.learnerFor(
                          interaction.who(), interaction.hints(), edgeLanguage())
                      : enrollment.learnerFor(
                          interaction.who(), interaction.hints(), edgeLanguage(), known));
          if (!interaction.where().shared()) {
            rememberConversation(learner.get());
          }
        } catch (RuntimeException e) {
          log.log(Level.WARNING, "Learner store unavailable for " + interaction.who(), e);
          learner = Optional.empty();
        }
      }
      return learner;
    }

    private void rememberConversation(Learner known) {
      try {
        references.remember(known.id(), interaction.where().withoutThread());
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "Could not remember the conversation of " + known.id(), e);
      }
    }

    Language language() {
      if (language == null) {
        language =
            learner()
                .filter(l -> l.preferences().languageChosen())
                .map(Learner::language)
                .orElseGet(this::edgeLanguage);
      }
      return language;
    }

    private Language edgeLanguage() {
      // A locale LearnLoop does not speak says nothing about English or Indonesian.
      Optional<Language> spoken = interaction.locale().flatMap(Language::of);
      if (spoken.isPresent()) {
        return spoken.get();
      }
      String text =
          interaction.what() instanceof Input.Typed typed
              ? typed.text()
              : interaction.what() instanceof Input.CommandInvoked c ? c.argument() : "";
      return Language.detect(text);
    }
  }
}
