package io.learnloop.dialog.learning.simulation;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.memory.Card;
import io.learnloop.dialog.learning.memory.Rating;
import io.learnloop.dialog.learning.memory.Scheduler;
import io.learnloop.dialog.learning.policy.AbilityEstimate;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.learning.policy.NextBestAction;
import io.learnloop.dialog.learning.policy.PlacementTest;
import io.learnloop.dialog.learning.policy.Recommendation;
import io.learnloop.dialog.learning.policy.SkillMastery;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Compares the adaptive policy with one fixed sequence on a synthetic workforce (see {@link
 * SimulatedLearner} for the hidden truth). Each learner, in turn, gets three questions a day until
 * their true mastery meets every role target, or {@link #CAP} questions; the fixed sequence is the
 * same for everyone in a role: the role's items, easiest first, one skill after another
 * round-robin, repeated. The adaptive policy starts with the placement pre-test and then follows
 * {@link NextBestAction}, with its own estimates only (never the truth); its micro-lessons count as
 * one question each. Thirty days after meeting the targets, with no more practice, retention is the
 * mean true mastery over the role's skills.
 */
public final class WorkforceSimulation {

  /** Settings of a run. */
  public record Settings(
      int learners, int roles, int skills, int itemsPerSkill, int targetsPerRole, long seed) {
    public static Settings defaults(long seed) {
      return new Settings(1000, 5, 40, 10, 8, seed);
    }
  }

  /**
   * @param adaptiveQuestions mean questions (and lessons) until targets were met, adaptive
   * @param fixedQuestions the same for the fixed sequence
   * @param adaptiveRetention mean mastery 30 days later, adaptive
   * @param fixedRetention the same for the fixed sequence
   * @param adaptiveUnmet learners who did not meet their targets within the cap, adaptive
   * @param fixedUnmet the same for the fixed sequence
   */
  public record Result(
      Settings settings,
      double adaptiveQuestions,
      double fixedQuestions,
      double adaptiveRetention,
      double fixedRetention,
      int adaptiveUnmet,
      int fixedUnmet) {

    public double ratio() {
      return adaptiveQuestions / fixedQuestions;
    }

    public String json() {
      return String.format(
          Locale.ROOT,
          "{\"adaptive\": {\"questions\": %.1f, \"retention_30d\": %.4f, \"unmet\": %d},"
              + " \"fixed\": {\"questions\": %.1f, \"retention_30d\": %.4f, \"unmet\": %d},"
              + " \"ratio\": %.4f, \"learners\": %d, \"seed\": %d}",
          adaptiveQuestions,
          adaptiveRetention,
          adaptiveUnmet,
          fixedQuestions,
          fixedRetention,
          fixedUnmet,
          ratio(),
          settings.learners(),
          settings.seed());
    }
  }

  static final int CAP = 600;
  static final double QUESTIONS_PER_DAY = 3;
  static final double RETENTION_DAYS = 30;
  private static final Instant T0 = Instant.parse("2026-01-05T02:00:00Z");

  private WorkforceSimulation() {}

  public static Result run(Settings settings) {
    Random random = new Random(settings.seed());
    SyntheticCatalog generated =
        SyntheticCatalog.generate(
            settings.skills(),
            settings.itemsPerSkill(),
            settings.roles(),
            settings.targetsPerRole(),
            random);
    Catalog catalog = generated.catalog();
    Map<ItemId, Double> estimatedDifficulty = new HashMap<>();
    generated
        .difficulty()
        .forEach((item, b) -> estimatedDifficulty.put(item, b + 0.3 * random.nextGaussian()));
    Map<SkillId, List<Item>> itemsBySkill = new HashMap<>();
    catalog.skills().forEach(s -> itemsBySkill.put(s.id(), catalog.itemsFor(s.id())));
    List<Role> roles = new ArrayList<>(catalog.roles());
    double[] totals = new double[4];
    int[] unmet = new int[2];
    for (int l = 0; l < settings.learners(); l++) {
      Role role = roles.get(l % roles.size());
      long learnerSeed = random.nextLong();
      Run adaptive =
          new Adaptive(catalog, estimatedDifficulty, itemsBySkill, role)
              .run(new SimulatedLearner(role, generated.difficulty(), new Random(learnerSeed)));
      Run fixed =
          fixed(
              role,
              itemsBySkill,
              generated.difficulty(),
              new SimulatedLearner(role, generated.difficulty(), new Random(learnerSeed)));
      totals[0] += adaptive.questions;
      totals[1] += fixed.questions;
      totals[2] += adaptive.retention;
      totals[3] += fixed.retention;
      unmet[0] += adaptive.met ? 0 : 1;
      unmet[1] += fixed.met ? 0 : 1;
    }
    int n = settings.learners();
    return new Result(
        settings, totals[0] / n, totals[1] / n, totals[2] / n, totals[3] / n, unmet[0], unmet[1]);
  }

  private record Run(int questions, boolean met, double retention) {}

  private static Run fixed(
      Role role,
      Map<SkillId, List<Item>> itemsBySkill,
      Map<ItemId, Double> difficulty,
      SimulatedLearner learner) {
    List<List<Item>> bySkill = new ArrayList<>();
    for (SkillId skill : role.targets().keySet()) {
      List<Item> items = new ArrayList<>(itemsBySkill.get(skill));
      items.sort(Comparator.comparingDouble(i -> difficulty.get(i.id())));
      bySkill.add(items);
    }
    List<Item> sequence = new ArrayList<>();
    int longest = bySkill.stream().mapToInt(List::size).max().orElse(0);
    for (int rank = 0; rank < longest; rank++) {
      for (List<Item> items : bySkill) {
        if (rank < items.size()) {
          sequence.add(items.get(rank));
        }
      }
    }
    int questions = 0;
    double day = 0;
    while (!learner.meetsTargets(role, itemsBySkill, day) && questions < CAP) {
      learner.answer(sequence.get(questions % sequence.size()), day);
      questions++;
      day += 1 / QUESTIONS_PER_DAY;
    }
    return new Run(
        questions, questions < CAP, learner.retention(role, itemsBySkill, day + RETENTION_DAYS));
  }

  /** One learner under the adaptive policy, seen only through the policy's own estimates. */
  private static final class Adaptive {
    private final Catalog catalog;
    private final Map<ItemId, Double> difficulty;
    private final Map<SkillId, List<Item>> itemsBySkill;
    private final Role role;
    private final NextBestAction policy;
    private final Scheduler scheduler = Spacing.defaults().scheduler();
    private final AbilityEstimate estimate = new AbilityEstimate();
    private final Map<ItemId, Card> cards = new HashMap<>();
    private final Map<SkillId, Integer> missStreaks = new HashMap<>();
    private final Map<ItemId, Instant> lastMissed = new HashMap<>();
    private final Set<SkillId> lessonsTaken = new HashSet<>();
    private int questions;
    private double day;

    Adaptive(
        Catalog catalog,
        Map<ItemId, Double> difficulty,
        Map<SkillId, List<Item>> itemsBySkill,
        Role role) {
      this.catalog = catalog;
      this.difficulty = difficulty;
      this.itemsBySkill = itemsBySkill;
      this.role = role;
      this.policy = new NextBestAction(catalog);
    }

    Run run(SimulatedLearner learner) {
      PlacementTest placement = new PlacementTest(catalog, difficulty::get);
      Set<ItemId> asked = new HashSet<>();
      for (SkillId skill : role.targets().keySet()) {
        var item = placement.next(skill, estimate, asked);
        while (item.isPresent() && !done(learner)) {
          asked.add(item.get().id());
          ask(learner, item.get());
          item = placement.next(skill, estimate, asked);
        }
      }
      while (!done(learner)) {
        Recommendation next = policy.next(snapshot());
        if (next instanceof Recommendation.Ask ask) {
          ask(learner, catalog.item(ask.item()).orElseThrow());
        } else if (next instanceof Recommendation.Lesson lesson) {
          learner.readLesson(lesson.skill());
          lessonsTaken.add(lesson.skill());
          questions++;
        } else {
          // The policy thinks the targets are met but the truth disagrees: review early.
          ItemId soonest =
              cards.entrySet().stream()
                  .min(Comparator.comparing(e -> e.getValue().due()))
                  .orElseThrow()
                  .getKey();
          ask(learner, catalog.item(soonest).orElseThrow());
        }
      }
      return new Run(
          questions, questions < CAP, learner.retention(role, itemsBySkill, day + RETENTION_DAYS));
    }

    private boolean done(SimulatedLearner learner) {
      return questions >= CAP || learner.meetsTargets(role, itemsBySkill, day);
    }

    private void ask(SimulatedLearner learner, Item item) {
      SkillId skill = item.skills().iterator().next();
      Instant now = instant();
      boolean correct = learner.answer(item, day);
      estimate.update(skill, difficulty.get(item.id()), correct);
      Card card = cards.getOrDefault(item.id(), Card.fresh(now));
      cards.put(item.id(), scheduler.review(card, correct ? Rating.GOOD : Rating.AGAIN, now));
      if (correct) {
        missStreaks.remove(skill);
        lastMissed.remove(item.id());
      } else {
        if (missStreaks.merge(skill, 1, Integer::sum) == 1) {
          lessonsTaken.remove(skill);
        }
        lastMissed.put(item.id(), now);
      }
      questions++;
      day += 1 / QUESTIONS_PER_DAY;
    }

    private Instant instant() {
      return T0.plus(Duration.ofMinutes(Math.round(day * 24 * 60)));
    }

    private LearnerSnapshot snapshot() {
      Instant now = instant();
      List<ItemId> due =
          cards.entrySet().stream()
              .filter(e -> !e.getValue().due().isAfter(now))
              .sorted(Comparator.comparing(e -> e.getValue().due()))
              .map(Map.Entry::getKey)
              .toList();
      Map<SkillId, SkillMastery> mastery = new LinkedHashMap<>();
      for (SkillId skill : role.targets().keySet()) {
        SkillMastery m = estimate.mastery(skill, 0);
        double guess = SimulatedLearner.GUESS;
        mastery.put(
            skill,
            new SkillMastery(guess + (1 - guess) * m.estimate(), (1 - guess) * m.uncertainty()));
      }
      return new LearnerSnapshot(
          role.id(),
          now,
          due,
          mastery,
          missStreaks,
          lastMissed,
          cards.keySet(),
          Set.of(),
          lessonsTaken,
          item -> {
            SkillId skill = catalog.item(item).orElseThrow().skills().iterator().next();
            Card card = cards.get(item);
            double recall = card == null ? 1 : scheduler.retrievability(card, now);
            return SimulatedLearner.GUESS
                + (1 - SimulatedLearner.GUESS)
                    * estimate.predict(skill, difficulty.get(item))
                    * recall;
          });
    }
  }
}
