package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.AnswersNotKeptException;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Recorded;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Answers a quiz card: records the first answer (idempotent by the card's id) and replaces the card
 * with feedback on what was recorded. A second answer, on any choice, is told which one counted. A
 * card that was never sent to this learner, or that no store knows, records nothing.
 */
public final class AnswerQuestion {

  private static final Logger log = Logger.getLogger(AnswerQuestion.class.getName());

  private final Catalog catalog;
  private final Snapshots snapshots;
  private final AnswerRecorder recorder;
  private final AnswerLog answers;
  private final OpenQuestions open;
  private final Clock clock;
  private final SectionTitles titles;
  // The first choice per card while the answer store is down and cannot say which one counted.
  private final Map<String, Integer> firstChoices = LatestEntries.map();
  private final PlacementPreTest placement;

  public AnswerQuestion(
      Catalog catalog,
      Snapshots snapshots,
      AnswerRecorder recorder,
      AnswerLog answers,
      OpenQuestions open,
      Clock clock,
      SectionTitles titles) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.open = Objects.requireNonNull(open, "open");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.titles = Objects.requireNonNull(titles, "titles");
    this.placement = new PlacementPreTest(catalog, snapshots, answers);
  }

  /** The card a typed number answers in this conversation, if one waits there. */
  public Optional<String> waitingIn(ConversationRef where) {
    return open.waitingFor(where.key());
  }

  /**
   * @param choiceNumber the chosen option, 1 for the first
   * @param card the card's message when the channel said which it was
   * @throws OpenQuestionsUnavailableException when no store can tell what the card asked
   */
  public Outgoing answer(
      Learner learner,
      ChannelUser who,
      ConversationRef where,
      String cardId,
      int choiceNumber,
      Optional<MessageRef> card,
      Language fallback) {
    if (!QuizCards.CARD_ID.matcher(cardId).matches()) {
      return Outgoing.onlyTo(who, notice(fallback, Reply.Notice.Kind.INVALID, "quiz.expired"));
    }
    Optional<OpenQuestion> found = open.find(cardId);
    if (found.isEmpty()) {
      return Outgoing.onlyTo(who, notice(fallback, Reply.Notice.Kind.INFO, "quiz.expired"));
    }
    OpenQuestion question = found.get();
    Language language = question.language();
    if (!question.learner().equals(learner.id()) || !question.conversation().equals(where.key())) {
      log.warning(
          "Refused an answer by " + who + " to card " + cardId + " sent to " + question.learner());
      return Outgoing.onlyTo(
          who, notice(language, Reply.Notice.Kind.NOT_ALLOWED, "quiz.not-yours"));
    }
    Optional<Item> asked = catalog.item(question.item());
    if (asked.isEmpty()) {
      return Outgoing.onlyTo(who, notice(language, Reply.Notice.Kind.INFO, "quiz.expired"));
    }
    Item item = asked.get();
    if (choiceNumber < 1 || choiceNumber > item.choices().size()) {
      return Outgoing.onlyTo(
          who,
          Reply.Notice.of(
              language,
              Reply.Notice.Kind.INVALID,
              Messages.get(language, "quiz.choose", item.choices().size())));
    }
    int choice = choiceNumber - 1;
    Instant now = clock.instant();
    AnswerEvent event =
        new AnswerEvent(
            new AnswerId(cardId),
            question.learner(),
            item.id(),
            choice,
            choice == item.answer(),
            max(Duration.between(question.askedAt(), now), Duration.ZERO),
            now,
            question.context());
    Optional<Recorded> recorded;
    try {
      recorded =
          recorder.record(new RecordAnswer(event, item.skills(), question.team(), question.zone()));
    } catch (AnswersNotKeptException full) {
      // Too many answers wait for the store already: this one is refused, never silently lost.
      return Outgoing.onlyTo(who, notice(language, Reply.Notice.Kind.UNAVAILABLE, "quiz.not-kept"));
    }
    open.answered(where.key(), cardId);
    int counted = countedChoice(cardId, event, recorded);
    if (counted == item.answer() && counted == choice) {
      item.skills().forEach(skill -> snapshots.lessonDone(question.learner(), skill));
    }
    String note = "";
    if (recorded.isPresent() && recorded.get().duplicate()) {
      note =
          counted == choice
              ? Messages.get(language, "quiz.already-counted")
              : Messages.get(language, "quiz.counted-choice", item.choices().get(counted));
    } else if (recorded.isEmpty()) {
      note = Messages.get(language, "quiz.saved-later");
    }
    Reply.QuizFeedback feedback =
        new Reply.QuizFeedback(
            language,
            cardId,
            item.question(),
            item.choices(),
            counted,
            item.answer(),
            counted == item.answer()
                ? Messages.get(language, "quiz.right")
                : Messages.get(language, "quiz.wrong", item.correctChoice()),
            item.explanation(),
            note,
            titles.cite(item.source()),
            actionsAfter(question, language));
    // The message the bot posted the card as, when it knows it, over the one the press names: a
    // crafted press must not make the feedback replace some other message.
    Optional<MessageRef> cardMessage =
        question
            .messageId()
            .map(id -> new MessageRef(card.map(MessageRef::conversation).orElse(where), id))
            .or(() -> card);
    return cardMessage
        .map(message -> Outgoing.replacing(message, feedback))
        .orElseGet(() -> Outgoing.toEveryone(feedback));
  }

  // "Skip the placement test" while the pre-test goes on; "Next question" always.
  private List<Action> actionsAfter(OpenQuestion question, Language language) {
    if (question.context() == AnswerContext.PRE_TEST
        && placement.continues(question.learner(), question.role(), language)) {
      return List.of(
          AskNextQuestion.nextQuestion(language), AskNextQuestion.skipPlacement(language));
    }
    return List.of(AskNextQuestion.nextQuestion(language));
  }

  // The first answer counts: the store says which it was; while it cannot, this instance does.
  private int countedChoice(String cardId, AnswerEvent event, Optional<Recorded> recorded) {
    if (recorded.isPresent() && !recorded.get().duplicate()) {
      firstChoices.put(cardId, event.choice());
      return event.choice();
    }
    if (recorded.isPresent()) {
      try {
        Optional<Integer> stored =
            answers.answers(event.learner()).stream()
                .filter(earlier -> earlier.id().equals(event.id()))
                .map(AnswerEvent::choice)
                .findFirst();
        if (stored.isPresent()) {
          firstChoices.put(cardId, stored.get());
          return stored.get();
        }
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "Cannot read which answer counted for " + cardId, e);
      }
    }
    Integer remembered = firstChoices.putIfAbsent(cardId, event.choice());
    return remembered != null ? remembered : event.choice();
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  private static Reply notice(Language language, Reply.Notice.Kind kind, String key) {
    return Reply.Notice.of(language, kind, Messages.get(language, key));
  }
}
