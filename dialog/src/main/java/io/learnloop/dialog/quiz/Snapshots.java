package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.LearnerState;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.QuizHistory;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.memory.Card;
import io.learnloop.dialog.learning.memory.Scheduler;
import io.learnloop.dialog.learning.model.LearnerTrace;
import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.model.ResponseModelFile;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.learning.policy.ModelMastery;
import io.learnloop.dialog.learning.policy.SkillMastery;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.logging.Level;

/**
 * What the policy knows about a learner, read from the stores: answers and due items from the
 * {@link AnswerLog}, recent questions from {@link Learners}. Mastery and P(correct) come from the
 * fitted response model with the learner's online ability (the model {@code eval-learner} scores,
 * {@link ModelMastery}): the learner's answers are replayed through it. Mastery per skill is the
 * forecast a month ahead ({@link ModelMastery#durable}), with its uncertainty; P(correct) on an
 * item is the model's prediction times the item's FSRS retrievability. Which micro-lessons were
 * given is kept with the learner ({@link Learners#lessonsGiven}), so every instance sees it.
 */
public final class Snapshots {

  private static final java.util.logging.Logger log =
      java.util.logging.Logger.getLogger(Snapshots.class.getName());

  /** How far back a question to the assistant makes its skills "recently asked". */
  static final Duration RECENT = Duration.ofDays(7);

  private static final int DUE_LIMIT = 100;

  private final Catalog catalog;
  private final AnswerLog answers;
  private final Learners learners;
  private final Scheduler scheduler;

  private final Supplier<ResponseModel> model;
  private final Function<LearnerId, Optional<RoleId>> nextRoles;
  private volatile ModelMastery latest;

  /** With the shipped default parameters of the response model. */
  public Snapshots(Catalog catalog, AnswerLog answers, Learners learners, Spacing spacing) {
    this(catalog, answers, learners, spacing, ResponseModelFile.shipped());
  }

  /**
   * @param model the response model
   */
  public Snapshots(
      Catalog catalog, AnswerLog answers, Learners learners, Spacing spacing, ResponseModel model) {
    this(catalog, answers, learners, spacing, () -> model);
  }

  /**
   * @param model the response model to use for each snapshot, e.g. the one the organisation's refit
   *     adopted last ({@link io.learnloop.dialog.learning.CurrentResponseModel})
   */
  public Snapshots(
      Catalog catalog,
      AnswerLog answers,
      Learners learners,
      Spacing spacing,
      Supplier<ResponseModel> model) {
    this(catalog, answers, learners, spacing, model, learner -> Optional.empty());
  }

  /**
   * @param nextRoles the role each learner works toward, e.g. the roster's {@code next_role}; its
   *     targets come after their own role's. The next role a learner chose themselves ({@link
   *     Learner.Preferences#nextRole()}) wins over it. A lookup that fails counts as none: the quiz
   *     goes on.
   */
  public Snapshots(
      Catalog catalog,
      AnswerLog answers,
      Learners learners,
      Spacing spacing,
      Supplier<ResponseModel> model,
      Function<LearnerId, Optional<RoleId>> nextRoles) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.scheduler = spacing.scheduler();
    this.model = Objects.requireNonNull(model, "model");
    this.nextRoles = Objects.requireNonNull(nextRoles, "nextRoles");
  }

  // One ModelMastery per model: it caches each skill's typical item under that model's weights.
  private ModelMastery mastery() {
    ResponseModel now = model.get();
    ModelMastery known = latest;
    if (known == null || known.model() != now) {
      known = new ModelMastery(now, catalog);
      latest = known;
    }
    return known;
  }

  public LearnerSnapshot of(LearnerId learner, RoleId role, Instant now) {
    // Sent first, so that they arrive with the answers: one wait for all of them.
    Reads reads = readAhead(learner, now);
    return of(learner, role, now, answers.answers(learner), reads, nextRoleOf(learner));
  }

  /**
   * @param events the learner's answers, in the order recorded, when the caller has read them
   */
  public LearnerSnapshot of(LearnerId learner, RoleId role, Instant now, List<AnswerEvent> events) {
    Reads reads = readAhead(learner, now);
    return of(learner, role, now, events, reads, nextRoleOf(learner));
  }

  /**
   * The snapshot of a learner whose planned next role the caller knows, e.g. from the roster entry
   * it reads; the learner's own choice still wins over it.
   */
  public LearnerSnapshot of(
      LearnerId learner,
      RoleId role,
      Optional<RoleId> plannedNextRole,
      Instant now,
      List<AnswerEvent> events) {
    Reads reads = readAhead(learner, now);
    return of(learner, role, now, events, reads, chosenNextRole(learner).or(() -> plannedNextRole));
  }

  /**
   * The snapshot of a learner whose profile the caller has read: their own choice of next role
   * needs no second read.
   */
  public LearnerSnapshot of(Learner learner, RoleId role, Instant now, List<AnswerEvent> events) {
    Reads reads = readAhead(learner.id(), now);
    return of(learner.id(), role, now, events, reads, nextRoleOf(learner));
  }

  public LearnerSnapshot of(Learner learner, RoleId role, Instant now) {
    Reads reads = readAhead(learner.id(), now);
    return of(learner.id(), role, now, answers.answers(learner.id()), reads, nextRoleOf(learner));
  }

  private Optional<RoleId> nextRoleOf(LearnerId learner) {
    return chosenNextRole(learner).or(() -> nextRole(learner));
  }

  private Optional<RoleId> nextRoleOf(Learner learner) {
    return learner.preferences().nextRole().or(() -> nextRole(learner.id()));
  }

  private Optional<RoleId> chosenNextRole(LearnerId learner) {
    try {
      return learners.find(learner).flatMap(l -> l.preferences().nextRole());
    } catch (RuntimeException e) {
      log.log(
          Level.INFO, "No chosen next role for " + learner + " while profiles are unavailable", e);
      return Optional.empty();
    }
  }

  /** What a snapshot reads beside the answers, sent before it is needed. */
  private record Reads(LearnerState state, QuizHistory history) {}

  /** Sends the reads a snapshot needs beside the answers, to travel while the answers replay. */
  private Reads readAhead(LearnerId learner, Instant now) {
    return new Reads(
        answers.readState(learner, now, DUE_LIMIT),
        learners.readQuizHistory(learner, now.minus(RECENT)));
  }

  private LearnerSnapshot of(
      LearnerId learner,
      RoleId role,
      Instant now,
      List<AnswerEvent> events,
      Reads reads,
      Optional<RoleId> towardRole) {
    ModelMastery mastery = mastery();
    Set<ItemId> seen = new LinkedHashSet<>();
    Map<SkillId, Integer> misses = new HashMap<>();
    LearnerTrace trace = new LearnerTrace();
    Map<ItemId, Instant> lastMissed = new HashMap<>();
    Map<SkillId, Instant> lastPractised = new HashMap<>();
    for (AnswerEvent event : events) {
      Optional<Item> item = catalog.item(event.item());
      if (item.isEmpty()) {
        continue; // an item removed from the quiz bank since
      }
      seen.add(event.item());
      mastery.update(trace, item.get(), event.correct());
      for (SkillId skill : item.get().skills()) {
        lastPractised.merge(skill, event.at(), (a, b) -> a.isAfter(b) ? a : b);
        if (event.correct()) {
          misses.remove(skill);
        } else {
          misses.merge(skill, 1, Integer::sum);
        }
      }
      if (event.correct()) {
        lastMissed.remove(event.item());
      } else {
        lastMissed.put(event.item(), event.at());
      }
    }
    Map<ItemId, Card> cards = new HashMap<>(reads.state().cards());
    cards.keySet().retainAll(seen);
    Set<SkillId> skills = new LinkedHashSet<>(reads.state().stats().skills().keySet());
    catalog.role(role).ifPresent(r -> skills.addAll(r.targets().keySet()));
    Optional<RoleId> nextRole = towardRole.filter(r -> !r.equals(role));
    nextRole.flatMap(catalog::role).ifPresent(r -> skills.addAll(r.targets().keySet()));
    Instant horizon = now.plus(ModelMastery.HORIZON);
    Map<SkillId, SkillMastery> masteries =
        mastery.durable(
            trace,
            skills,
            skill ->
                cards.entrySet().stream()
                    .filter(e -> catalog.item(e.getKey()).orElseThrow().skills().contains(skill))
                    .mapToDouble(e -> scheduler.retrievability(e.getValue(), horizon))
                    .max()
                    .orElse(1));
    List<ItemId> due =
        reads.state().due().stream().filter(i -> catalog.item(i).isPresent()).toList();
    return new LearnerSnapshot(
        role,
        now,
        due,
        masteries,
        misses,
        lastMissed,
        seen,
        reads.history().recentlyAsked(),
        reads.history().lessonsGiven(),
        item -> {
          Card card = cards.get(item);
          double know = mastery.pCorrect(trace, catalog.item(item).orElseThrow());
          return know * (card == null ? 1 : scheduler.retrievability(card, now));
        },
        lastPractised,
        nextRole);
  }

  private Optional<RoleId> nextRole(LearnerId learner) {
    try {
      return nextRoles.apply(learner);
    } catch (RuntimeException e) {
      log.log(Level.INFO, "No next role for " + learner + " while the roster is unavailable", e);
      return Optional.empty();
    }
  }

  /**
   * The item's difficulty for a learner who has answered nothing, on the logit scale, under the
   * model in use: minus the logit of that learner's P(correct).
   */
  double difficulty(Item item) {
    return mastery().priorDifficulty(item);
  }

  boolean skippedPlacement(LearnerId learner) {
    return learners.skippedPlacement(learner);
  }

  void placementSkipped(LearnerId learner) {
    learners.placementSkipped(learner);
  }

  // Losing a lesson mark while the store is down only means the lesson may be offered again.
  void lessonGiven(LearnerId learner, SkillId skill) {
    try {
      learners.lessonGiven(learner, skill);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not remember the lesson given to " + learner, e);
    }
  }

  void lessonDone(LearnerId learner, SkillId skill) {
    try {
      learners.lessonDone(learner, skill);
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not close the lesson given to " + learner, e);
    }
  }
}
