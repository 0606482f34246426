package io.learnloop.dialog.escalation;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.DeliveryFailedException;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Placement;
import io.learnloop.dialog.channel.RandomTokens;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.quiz.DocumentLinks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * "Ask a person": an answer offers to pass its question and sources to the experts of its topic on
 * the asker's own channel; a press by the asker posts it there once, as a thread of its own; an
 * expert's reply in that thread is told to the asker where they asked.
 *
 * <p>What is posted to the experts is read by all of them: it goes out only when every source of
 * the answer is one a search of public documents finds too, so neither the text nor the title of a
 * restricted document reaches the experts' conversation.
 */
public final class AskPerson {

  /** How long an answer's button works. */
  static final Duration KEEP_OFFER = Duration.ofDays(7);

  /** How long an expert's reply in the thread still reaches the asker. */
  static final Duration KEEP_THREAD = Duration.ofDays(30);

  private static final Logger log = Logger.getLogger(AskPerson.class.getName());

  /** The sources a search of public documents alone finds for a question: what anyone may read. */
  @FunctionalInterface
  public interface PublicSources {
    /**
     * @return empty while nothing can be searched
     */
    Optional<List<Citation>> of(String question, Language language);
  }

  /** A reply for the asker, and where it goes. */
  public record ToAsker(ConversationRef where, Outgoing outgoing) {}

  private final ExpertChannels experts;
  private final Escalations escalations;
  private final PublicSources publicSources;

  public AskPerson(ExpertChannels experts, Escalations escalations, PublicSources publicSources) {
    this.experts = Objects.requireNonNull(experts, "experts");
    this.escalations = Objects.requireNonNull(escalations, "escalations");
    this.publicSources = Objects.requireNonNull(publicSources, "publicSources");
  }

  /**
   * The topics of an answer's sources, most relevant first: for each source in order the skills its
   * document's quiz items test, then the document's top folder.
   *
   * @param skillsOf the skill ids of a source's document
   */
  public static List<String> topics(
      List<Citation> sources, Function<Citation, Set<String>> skillsOf) {
    Set<String> topics = new LinkedHashSet<>();
    for (Citation source : sources) {
      skillsOf.apply(source).stream().sorted().forEach(topics::add);
      String document = DocumentLinks.document(source.source());
      int slash = document.indexOf('/');
      if (slash > 0) {
        topics.add(document.substring(0, slash));
      }
    }
    return List.copyOf(topics);
  }

  /**
   * The "Ask a person" button for an answer, its offer kept for the asker to press.
   *
   * @param publicSourcesOnly the answer was searched among public documents only
   * @return empty when no experts read questions on these topics on the asker's channel, or the
   *     offer could not be kept
   */
  public Optional<Action> offer(
      Interaction asked,
      Language language,
      String question,
      List<Citation> sources,
      boolean publicSourcesOnly,
      List<String> topics) {
    Optional<String> conversation = experts.conversationFor(asked.who().channel(), topics);
    if (conversation.isEmpty()) {
      return Optional.empty();
    }
    String offerId = RandomTokens.of(16);
    try {
      escalations.offer(
          offerId,
          new Escalation(
              asked.who(),
              asked.where(),
              language,
              question,
              sources,
              publicSourcesOnly,
              conversation.get()),
          KEEP_OFFER);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "No \"Ask a person\" on an answer: " + e.getMessage());
      return Optional.empty();
    }
    return Optional.of(
        Action.of(ActionIds.ASK_PERSON, offerId, Messages.get(language, "action.ask-person")));
  }

  /**
   * Passes an offer's question to the experts, once, when {@code who} asked it. Who pressed comes
   * from the verified interaction; the button's value only names the offer.
   *
   * @param answer the message the button is on, when the channel says
   * @param language the presser's language, for an offer that cannot be found
   * @return what to tell the person who pressed
   */
  public Reply.Notice press(
      ChatGateway gateway,
      ChannelUser who,
      String offerId,
      Optional<MessageRef> answer,
      Language language) {
    Optional<Escalation> offered =
        Escalations.wellFormed(offerId) ? escalations.offered(offerId) : Optional.empty();
    if (offered.isEmpty()) {
      return notice(language, Reply.Notice.Kind.INVALID, "experts.unknown");
    }
    Escalation escalation = offered.get();
    Language spoken = escalation.language();
    if (!escalation.asker().equals(who)) {
      return notice(language, Reply.Notice.Kind.NOT_ALLOWED, "experts.not-yours");
    }
    if (!escalations.claim(offerId)) {
      return notice(spoken, Reply.Notice.Kind.INFO, "experts.already");
    }
    try {
      Optional<List<Citation>> shareable = shareableSources(escalation);
      if (shareable.isEmpty()) {
        escalations.release(offerId);
        return notice(spoken, Reply.Notice.Kind.NOT_ALLOWED, "experts.restricted");
      }
      ConversationRef experts = escalation.expertConversation();
      MessageRef posted =
          gateway.send(
              experts,
              new Outgoing(
                  new Reply.QuestionForExperts(
                      spoken,
                      who,
                      escalation.question(),
                      shareable.get(),
                      linkBack(gateway, escalation, answer)),
                  io.learnloop.dialog.channel.Audience.everyone(),
                  new Placement.NewThread()));
      escalations.posted(
          Escalation.threadKey(experts, posted.messageId()), escalation, KEEP_THREAD);
      return notice(spoken, Reply.Notice.Kind.INFO, "experts.posted");
    } catch (DeliveryFailedException | EscalationsUnavailableException e) {
      log.log(Level.WARNING, "Could not pass a question to " + escalation.experts(), e);
      escalations.release(offerId);
      return notice(spoken, Reply.Notice.Kind.UNAVAILABLE, "experts.failed");
    }
  }

  /**
   * What an expert wrote in a thread the bot started for the experts, for its asker.
   *
   * @return empty when the interaction is not a message in such a thread; no reply when it is the
   *     asker's own message there
   */
  public Optional<List<ToAsker>> relay(ChatGateway gateway, Interaction interaction) {
    ConversationRef where = interaction.where();
    Optional<String> text = textOf(interaction.what());
    if (!where.shared() || where.thread().isEmpty() || text.isEmpty()) {
      return Optional.empty();
    }
    Optional<Escalation> found =
        escalations.inThread(Escalation.threadKey(where.withoutThread(), where.thread().get()));
    if (found.isEmpty()) {
      return Optional.empty();
    }
    if (found.get().asker().equals(interaction.who())) {
      // The asker writing in the experts' thread talks to them; nobody is to be told.
      return Optional.of(List.of());
    }
    Escalation escalation = found.get();
    String link =
        interaction.what() instanceof Input.ThreadMessage message
            ? gateway.linkTo(new MessageRef(where.withoutThread(), message.messageId())).orElse("")
            : "";
    Reply.ExpertReplied replied =
        new Reply.ExpertReplied(
            escalation.language(), interaction.who(), escalation.question(), text.get(), link);
    ConversationRef askedIn = escalation.askedIn();
    // Where others read, the reply is for the asker alone: the experts answered them.
    Outgoing outgoing =
        askedIn.shared()
            ? Outgoing.onlyTo(escalation.asker(), replied)
            : Outgoing.toEveryone(replied);
    return Optional.of(List.of(new ToAsker(askedIn, outgoing)));
  }

  private static Optional<String> textOf(Input what) {
    if (what instanceof Input.ThreadMessage message) {
      return Optional.of(message.text()).filter(t -> !t.isBlank());
    }
    if (what instanceof Input.Typed typed) {
      return Optional.of(typed.text());
    }
    return Optional.empty();
  }

  // Every source must be one anyone may open: confirmed by a search of public documents alone.
  private Optional<List<Citation>> shareableSources(Escalation escalation) {
    if (escalation.publicSourcesOnly() || escalation.sources().isEmpty()) {
      return Optional.of(escalation.sources());
    }
    Set<String> publicDocuments =
        publicSources.of(escalation.question(), escalation.language()).orElse(List.of()).stream()
            .map(c -> DocumentLinks.document(c.source()))
            .collect(Collectors.toSet());
    List<Citation> shareable = new ArrayList<>();
    for (Citation source : escalation.sources()) {
      if (!publicDocuments.contains(DocumentLinks.document(source.source()))) {
        return Optional.empty();
      }
      shareable.add(source);
    }
    return Optional.of(shareable);
  }

  // Experts can follow a link only to where they may read: not into the asker's direct chat.
  private static String linkBack(
      ChatGateway gateway, Escalation escalation, Optional<MessageRef> answer) {
    if (!escalation.askedIn().shared() || answer.isEmpty()) {
      return "";
    }
    return gateway.linkTo(answer.get()).orElse("");
  }

  private static Reply.Notice notice(Language language, Reply.Notice.Kind kind, String key) {
    return Reply.Notice.of(language, kind, Messages.get(language, key));
  }
}
