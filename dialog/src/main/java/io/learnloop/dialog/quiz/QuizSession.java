package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.conversation.BotReply;
import io.learnloop.dialog.conversation.Citation;
import io.learnloop.dialog.conversation.IncomingMessage;
import io.learnloop.dialog.conversation.Quiz;
import io.learnloop.dialog.conversation.QuizCard;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.QuestionAsked;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Recorded;
import io.learnloop.dialog.learning.policy.NextBestAction;
import io.learnloop.dialog.learning.policy.Recommendation;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The quiz use case of a conversation: asks the learner the policy's next best question, then
 * records the answer through the {@link AnswerRecorder} (idempotent by the card's id) and replies
 * with right or wrong, the explanation and the handbook link.
 *
 * <p>Recording an answer needs neither the learner store nor Redis to be up: the recorder keeps it
 * until the store is back. Questions waiting for an answer are kept in {@link OpenQuestions}: with
 * a shared store a card can be answered after a restart; one the store no longer has says it has
 * expired. A sender without a profile gets one: learner {@code channel:sender} of {@code
 * defaultRole}, in UTC, with no team.
 */
public final class QuizSession implements Quiz {

  private static final Logger log = Logger.getLogger(QuizSession.class.getName());
  private static final Pattern NUMBER = Pattern.compile("\\d{1,2}");

  private final Catalog catalog;
  private final Snapshots snapshots;
  private final AnswerRecorder recorder;
  private final Learners learners;
  private final RoleId defaultRole;
  private final Clock clock;
  private final NextBestAction policy;
  private final OpenQuestions open;

  /** Open questions are kept in this process's memory only. */
  public QuizSession(
      Catalog catalog,
      Snapshots snapshots,
      AnswerRecorder recorder,
      Learners learners,
      RoleId defaultRole,
      Clock clock) {
    this(catalog, snapshots, recorder, learners, defaultRole, clock, new InMemoryOpenQuestions());
  }

  public QuizSession(
      Catalog catalog,
      Snapshots snapshots,
      AnswerRecorder recorder,
      Learners learners,
      RoleId defaultRole,
      Clock clock,
      OpenQuestions open) {
    this.open = Objects.requireNonNull(open, "open");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.defaultRole = Objects.requireNonNull(defaultRole, "defaultRole");
    this.clock = Objects.requireNonNull(clock, "clock");
    if (catalog.role(defaultRole).isEmpty()) {
      throw new IllegalArgumentException(
          "default role '" + defaultRole + "' is not in the catalog");
    }
    this.policy = new NextBestAction(catalog);
  }

  @Override
  public BotReply next(IncomingMessage message, Language language) {
    Profile profile = profile(message);
    Instant now = clock.instant();
    Recommendation next = policy.next(snapshots.of(profile.id, profile.role, now));
    String reason = next.reason().text(language);
    if (next instanceof Recommendation.Ask ask) {
      Item item = catalog.item(ask.item()).orElseThrow();
      String quizId = "quiz-" + UUID.randomUUID();
      open.opened(
          quizId,
          new OpenQuestion(
              sender(message),
              profile.id,
              profile.role,
              profile.team,
              profile.zone,
              item.id(),
              now,
              language));
      QuizCard card = new QuizCard(quizId, item.id(), item.question(), item.choices(), reason);
      String text = reason + "\n\n" + item.question() + "\n" + numbered(item.choices());
      text += "\n" + Messages.get(language, "quiz.choose", item.choices().size());
      return new BotReply(text, language, List.of(), false, true, Optional.of(card));
    }
    if (next instanceof Recommendation.Lesson lesson) {
      snapshots.lessonGiven(profile.id, lesson.skill());
      return new BotReply(
          reason, language, List.of(link(lesson.source())), false, true, Optional.empty());
    }
    return text(reason, language);
  }

  @Override
  public Optional<BotReply> answerTyped(IncomingMessage message) {
    if (!NUMBER.matcher(message.text()).matches()) {
      return Optional.empty();
    }
    Optional<String> waiting;
    try {
      waiting = open.waitingFor(sender(message));
    } catch (OpenQuestionsUnavailableException e) {
      log.log(Level.WARNING, "Cannot tell which quiz a typed number answers: " + e.getMessage());
      return Optional.of(
          text(Messages.get(Language.ENGLISH, "quiz.unavailable"), Language.ENGLISH));
    }
    return waiting.map(quizId -> answer(message, quizId));
  }

  @Override
  public BotReply answer(IncomingMessage message, String quizId) {
    AnswerId answerId = new AnswerId(quizId); // a malformed id is a bad request, not expired
    Optional<OpenQuestion> found;
    try {
      found = open.find(quizId);
    } catch (OpenQuestionsUnavailableException e) {
      log.log(Level.WARNING, "Cannot look up quiz " + quizId + ": " + e.getMessage());
      Language language = Language.detect(message.text());
      return text(Messages.get(language, "quiz.unavailable"), language);
    }
    if (found.isEmpty()) {
      Language language = Language.detect(message.text());
      return text(Messages.get(language, "quiz.expired"), language);
    }
    OpenQuestion question = found.get();
    Language language = question.language();
    if (!question.sender().equals(sender(message))) {
      throw new IllegalArgumentException("quiz '" + quizId + "' was asked to another learner");
    }
    Optional<Item> asked = catalog.item(question.item());
    if (asked.isEmpty()) {
      return text(Messages.get(language, "quiz.expired"), language); // the content dropped it
    }
    Item item = asked.get();
    int choices = item.choices().size();
    if (!NUMBER.matcher(message.text()).matches()
        || Integer.parseInt(message.text()) < 1
        || Integer.parseInt(message.text()) > choices) {
      return text(Messages.get(language, "quiz.choose", choices), language);
    }
    int choice = Integer.parseInt(message.text()) - 1;
    boolean correct = choice == item.answer();
    Instant now = clock.instant();
    AnswerEvent event =
        new AnswerEvent(
            answerId,
            question.learner(),
            item.id(),
            choice,
            correct,
            max(Duration.between(question.askedAt(), now), Duration.ZERO),
            now,
            AnswerContext.DAILY);
    Optional<Recorded> recorded =
        recorder.record(new RecordAnswer(event, item.skills(), question.team(), question.zone()));
    open.answered(sender(message), quizId);
    if (correct) {
      item.skills().forEach(skill -> snapshots.lessonDone(question.learner(), skill));
    }
    StringBuilder text = new StringBuilder();
    text.append(
        correct
            ? Messages.get(language, "quiz.right")
            : Messages.get(language, "quiz.wrong", item.correctChoice()));
    text.append(' ').append(item.explanation());
    if (recorded.isPresent() && recorded.get().duplicate()) {
      text.append("\n").append(Messages.get(language, "quiz.already-counted"));
    } else if (recorded.isEmpty()) {
      text.append("\n").append(Messages.get(language, "quiz.saved-later"));
    }
    Citation link = link(item.source());
    text.append("\n").append(Messages.get(language, "quiz.read-more", link.url()));
    return new BotReply(text.toString(), language, List.of(link), false, true, Optional.empty());
  }

  @Override
  public void asked(IncomingMessage message, List<Citation> sources) {
    Set<String> documents =
        sources.stream().map(c -> document(c.source())).collect(Collectors.toSet());
    Set<SkillId> skills =
        catalog.items().stream()
            .filter(item -> documents.contains(document(item.source())))
            .flatMap(item -> item.skills().stream())
            .collect(Collectors.toSet());
    if (skills.isEmpty()) {
      return;
    }
    try {
      learners.questionAsked(new QuestionAsked(profile(message).id, skills, clock.instant()));
    } catch (RuntimeException e) {
      // A store that is down, or a sender that cannot be a learner id: the answer still goes out.
      log.log(Level.WARNING, "Could not remember the skills of a question: " + e.getMessage());
    }
  }

  // "handbook/annual-leave.md#carrying-days-over" and "annual-leave.md" name the same document.
  private static String document(String source) {
    String path = relative(source);
    int hash = path.indexOf('#');
    return hash < 0 ? path : path.substring(0, hash);
  }

  // The handbook folder is the root of the docs the app serves.
  private static String relative(String source) {
    return source.startsWith("handbook/") ? source.substring("handbook/".length()) : source;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }

  /**
   * Where the app serves a handbook section: {@code /docs/} and the part after {@code handbook/}.
   */
  static Citation link(String source) {
    String path = relative(source);
    String document = document(source);
    String section = path.length() > document.length() ? path.substring(document.length() + 1) : "";
    return new Citation(source, document, section, "/docs/" + path, 1);
  }

  private static String numbered(List<String> choices) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < choices.size(); i++) {
      out.append(i + 1).append(". ").append(choices.get(i)).append('\n');
    }
    return out.toString();
  }

  private static BotReply text(String text, Language language) {
    return new BotReply(text, language, List.of(), false, true);
  }

  private record Profile(LearnerId id, RoleId role, String team, ZoneId zone) {}

  // The sender in their channel: "slack:U024BE7LH", "web:3f2a...".
  private static String sender(IncomingMessage message) {
    return channel(message) + ":" + message.sender();
  }

  private static String channel(IncomingMessage message) {
    return message.conversation().value().split(":", 2)[0];
  }

  // A sender seen for the first time gets a profile, so that what they ask can be remembered.
  private Profile profile(IncomingMessage message) {
    String channel = channel(message);
    Learner learner =
        learners
            .findByIdentity(channel, message.sender())
            .orElseGet(() -> newLearner(channel, message.sender()));
    RoleId role = catalog.role(learner.role()).isPresent() ? learner.role() : defaultRole;
    return new Profile(learner.id(), role, learner.team(), learner.timezone());
  }

  private Learner newLearner(String channel, String sender) {
    Learner learner =
        new Learner(
            new LearnerId(channel + ":" + sender),
            Map.of(channel, sender),
            defaultRole,
            "",
            Optional.empty(),
            ZoneOffset.UTC,
            Language.ENGLISH,
            Learner.Preferences.defaults());
    learners.save(learner);
    return learner;
  }
}
