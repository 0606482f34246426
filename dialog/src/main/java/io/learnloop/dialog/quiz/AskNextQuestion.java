package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearningRecords;
import io.learnloop.dialog.learning.LessonViewed;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.learning.policy.NextBestAction;
import io.learnloop.dialog.learning.policy.PlacementTest;
import io.learnloop.dialog.learning.policy.Reason;
import io.learnloop.dialog.learning.policy.Recommendation;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Asks a learner the policy's next best question, or gives the micro-lesson it recommends, or says
 * they are done; and "quiz me on this": a question on the documents an answer cited.
 */
public final class AskNextQuestion {

  private final Catalog catalog;
  private final Snapshots snapshots;
  private final AnswerLog answers;
  private final OpenQuestions open;
  private final RoleId defaultRole;
  private final Clock clock;
  private final SectionTitles titles;
  private final NextBestAction policy;
  private final PlacementPreTest placement;
  private final LearningRecords records;

  public AskNextQuestion(
      Catalog catalog,
      Snapshots snapshots,
      AnswerLog answers,
      OpenQuestions open,
      RoleId defaultRole,
      Clock clock,
      SectionTitles titles) {
    this(catalog, snapshots, answers, open, defaultRole, clock, titles, LearningRecords.none());
  }

  /**
   * @param records told of every lesson given
   */
  public AskNextQuestion(
      Catalog catalog,
      Snapshots snapshots,
      AnswerLog answers,
      OpenQuestions open,
      RoleId defaultRole,
      Clock clock,
      SectionTitles titles,
      LearningRecords records) {
    this.records = Objects.requireNonNull(records, "records");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.open = Objects.requireNonNull(open, "open");
    this.defaultRole = Objects.requireNonNull(defaultRole, "defaultRole");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.titles = Objects.requireNonNull(titles, "titles");
    if (catalog.role(defaultRole).isEmpty()) {
      throw new IllegalArgumentException(
          "default role '" + defaultRole + "' is not in the catalog");
    }
    this.policy = new NextBestAction(catalog);
    this.placement = new PlacementPreTest(catalog, snapshots, answers);
  }

  /** The learner's role, or the default one when the content no longer has it. */
  RoleId roleOf(Learner learner) {
    return catalog.role(learner.role()).isPresent() ? learner.role() : defaultRole;
  }

  /**
   * The next best thing for the learner: a question, a lesson or "all caught up". A new learner's
   * first questions are the placement pre-test ({@link PlacementPreTest}).
   */
  public Reply next(Learner learner, ConversationRef where, Language language) {
    Instant now = clock.instant();
    RoleId role = roleOf(learner);
    List<AnswerEvent> events = answers.answers(learner.id());
    Optional<PlacementPreTest.Step> pretest = placement.step(learner.id(), role, events, language);
    if (pretest.isPresent() && pretest.get() instanceof PlacementPreTest.Ask ask) {
      String reason =
          Messages.get(language, "pretest.question", ask.number(), PlacementTest.MAX_QUESTIONS);
      return open(learner, where, ask.item(), reason, language, AnswerContext.PRE_TEST);
    }
    LearnerSnapshot snapshot = snapshots.of(learner, role, now, events);
    Recommendation next = policy.next(snapshot);
    String reason =
        pretest
                .map(PlacementPreTest.Done.class::cast)
                .map(
                    done ->
                        Messages.get(language, "pretest.done", done.right(), done.asked()) + " ")
                .orElse("")
            + next.reason().text(language);
    if (next instanceof Recommendation.Ask ask) {
      AnswerContext context =
          next.reason().kind() == Reason.Kind.JUST_IN_TIME
              ? AnswerContext.JUST_IN_TIME
              : next.reason().kind() == Reason.Kind.PLACEMENT
                  ? AnswerContext.PRE_TEST
                  : AnswerContext.DAILY;
      Item item = catalog.item(ask.item()).orElseThrow();
      boolean specificItem =
          next.reason().kind() == Reason.Kind.DUE_REVIEW
              || next.reason().kind() == Reason.Kind.MISSED_BEFORE;
      if (!specificItem && item.language() != language) {
        item = inLanguage(snapshot.seen(), item, language).orElse(item);
      }
      Reply question = open(learner, where, item, reason, language, context);
      // Work beyond the role's targets: the course goes further than a question can.
      boolean beyond =
          next.reason().kind() == Reason.Kind.ADVANCED
              || next.reason().kind() == Reason.Kind.NEXT_ROLE;
      if (beyond && question instanceof Reply.QuizQuestion quiz) {
        Optional<Reply.Lesson.Course> course = courseFor(item, language);
        if (course.isPresent()) {
          return quiz.offering(course.get());
        }
      }
      return question;
    }
    if (next instanceof Recommendation.Lesson lesson) {
      snapshots.lessonGiven(learner.id(), lesson.skill());
      Citation section = titles.cite(lesson.source());
      String title =
          section.section().isEmpty()
              ? section.title()
              : section.title() + " › " + section.section();
      records.lessonViewed(
          new LessonViewed(learner.id(), lesson.skill(), lesson.source(), title, language, now));
      return new Reply.Lesson(
          language,
          reason,
          section,
          List.of(nextQuestion(language)),
          courseFor(lesson.skill(), language));
    }
    return Reply.Notice.of(language, Reply.Notice.Kind.INFO, reason);
  }

  private Optional<Reply.Lesson.Course> courseFor(SkillId skill, Language language) {
    return catalog
        .skill(skill)
        .flatMap(s -> s.courseFor(language))
        .map(c -> new Reply.Lesson.Course(c.title(), c.url(), c.minutes(), c.language()));
  }

  // The first of the item's skills, by id, with a course.
  private Optional<Reply.Lesson.Course> courseFor(Item item, Language language) {
    return item.skills().stream()
        .sorted(Comparator.comparing(SkillId::value))
        .map(skill -> courseFor(skill, language))
        .flatMap(Optional::stream)
        .findFirst();
  }

  private boolean readable(String document, Set<String> readerGroups) {
    Set<String> restricted = titles.groupsOf(document);
    return restricted.isEmpty() || restricted.stream().anyMatch(readerGroups::contains);
  }

  // A new question on the same skills in the reader's language, when the content has one they
  // have not answered: an Indonesian reader is not quizzed in English where an Indonesian item
  // tests the same thing.
  private Optional<Item> inLanguage(
      Set<io.learnloop.dialog.catalog.ItemId> answered, Item chosen, Language language) {
    return catalog.items().stream()
        .filter(i -> i.language() == language)
        .filter(i -> i.skills().equals(chosen.skills()))
        .filter(i -> !answered.contains(i.id()))
        .min(Comparator.comparing((Item i) -> i.id().value()));
  }

  /**
   * A question on one of {@code documents} (as {@link DocumentLinks#document} names them), the ones
   * the learner has not answered first, in the learner's language when there is one.
   */
  public Reply on(
      Learner learner,
      ConversationRef where,
      Language language,
      Set<String> documents,
      Set<String> readerGroups) {
    // The documents come back from a button: only those this reader may read are quizzed on.
    Set<String> wanted =
        documents.stream()
            .map(DocumentLinks::document)
            .filter(d -> readable(d, readerGroups))
            .collect(Collectors.toSet());
    Set<io.learnloop.dialog.catalog.ItemId> answered =
        answers.answers(learner.id()).stream().map(AnswerEvent::item).collect(Collectors.toSet());
    Optional<Item> item =
        catalog.items().stream()
            .filter(i -> wanted.contains(DocumentLinks.document(i.source())))
            .min(
                Comparator.comparing((Item i) -> answered.contains(i.id()))
                    .thenComparing(i -> i.language() != language)
                    .thenComparing(i -> i.id().value()));
    if (item.isEmpty()) {
      return Reply.Notice.of(
          language, Reply.Notice.Kind.INFO, Messages.get(language, "quiz.nothing-on-this"));
    }
    String reason = Messages.get(language, "quiz.on-this");
    return open(learner, where, item.get(), reason, language, AnswerContext.JUST_IN_TIME);
  }

  private Reply open(
      Learner learner,
      ConversationRef where,
      Item item,
      String reason,
      Language language,
      AnswerContext context) {
    String cardId = QuizCards.newCardId();
    open.opened(
        cardId,
        new OpenQuestion(
            where.key(),
            learner.id(),
            roleOf(learner),
            learner.team(),
            learner.timezone(),
            item.id(),
            clock.instant(),
            language,
            context,
            Optional.empty()));
    return QuizCards.question(cardId, item, reason, language);
  }

  /**
   * Declines the placement pre-test for a learner taking it.
   *
   * @return what to tell them; empty when they were not taking it
   */
  public Optional<Reply> skipPlacement(Learner learner, Language language) {
    if (!placement.skip(learner.id(), answers.answers(learner.id()))) {
      return Optional.empty();
    }
    return Optional.of(
        new Reply.Notice(
            language,
            Reply.Notice.Kind.INFO,
            Messages.get(language, "pretest.skipped"),
            List.of(nextQuestion(language))));
  }

  static Action skipPlacement(Language language) {
    return Action.of(ActionIds.PRETEST_SKIP, "", Messages.get(language, "action.skip-placement"));
  }

  /** Remembers the message a card was posted as, so that its feedback replaces it. */
  public void posted(String cardId, String messageId) {
    open.posted(cardId, messageId);
  }

  static Action nextQuestion(Language language) {
    return new Action(
        ActionIds.QUIZ_NEXT,
        "",
        Messages.get(language, "action.next-question"),
        Action.Style.PRIMARY);
  }
}
