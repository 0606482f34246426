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
import java.util.Collection;
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
 * Compares the adaptive policy with fixed sequences on a synthetic workforce (see {@link
 * SimulatedLearner} for the hidden truth). Each learner gets three questions a day.
 *
 * <ul>
 *   <li><b>Fixed curriculum</b> (the baseline): one sequence for everyone, what a quiz bot that
 *       does not adapt would ask: every skill of the catalog, each skill's items easiest first,
 *       taken round-robin ({@link #curriculum}). It stops as soon as the learner's true mastery
 *       meets every role target (an oracle stop, generous to the baseline), or after {@link
 *       #FIXED_CAP}.
 *   <li><b>Fixed per role</b>: the same, restricted to the learner's role skills; a stronger
 *       baseline than the issue asks for, reported for comparison.
 *   <li><b>Adaptive</b>: the placement pre-test, then {@link NextBestAction} on the policy's own
 *       estimates only (never the truth); micro-lessons count as one question each. It stops when
 *       its own estimates say every target is met ({@link NextBestAction#targetsMet}) and, should
 *       the truth disagree, goes on until the truth is met too, or {@link #CAP}.
 * </ul>
 *
 * Thirty days after stopping, with no more practice, retention is the mean true mastery over the
 * role's skills.
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
   * One policy's outcome, averaged over the workforce.
   *
   * @param questions mean questions (and lessons) until the policy stopped
   * @param retention mean true mastery of the role's skills 30 days after stopping
   * @param unmet learners whose targets were not met when the policy stopped (the cap)
   * @param keptTargets share of learners who still meet every target 30 days after stopping
   */
  public record Outcome(double questions, double retention, int unmet, double keptTargets) {
    String json() {
      return String.format(
          Locale.ROOT,
          "{\"questions\": %.1f, \"retention_30d\": %.4f, \"unmet\": %d,"
              + " \"targets_kept_30d\": %.4f}",
          questions,
          retention,
          unmet,
          keptTargets);
    }
  }

  /**
   * @param adaptive the adaptive policy
   * @param fixed one fixed curriculum for everyone (the baseline of the target)
   * @param fixedPerRole one fixed sequence per role, of the role's skills only (a stronger
   *     baseline, for comparison)
   */
  public record Result(Settings settings, Outcome adaptive, Outcome fixed, Outcome fixedPerRole) {

    /** Adaptive questions over those of the fixed curriculum for everyone. */
    public double ratio() {
      return adaptive.questions() / fixed.questions();
    }

    /** Adaptive questions over those of the fixed sequence per role. */
    public double ratioPerRole() {
      return adaptive.questions() / fixedPerRole.questions();
    }

    public String json() {
      return String.format(
          Locale.ROOT,
          "{\"adaptive\": %s, \"fixed\": %s, \"fixed_per_role\": %s, \"ratio\": %.4f,"
              + " \"ratio_per_role\": %.4f, \"retention_30d\": {\"adaptive\": %.4f,"
              + " \"fixed\": %.4f}, \"learners\": %d, \"seed\": %d}",
          adaptive.json(),
          fixed.json(),
          fixedPerRole.json(),
          ratio(),
          ratioPerRole(),
          adaptive.retention(),
          fixed.retention(),
          settings.learners(),
          settings.seed());
    }
  }

  static final int CAP = 600;
  static final int FIXED_CAP = 3000;
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
    List<Item> forEveryone =
        curriculum(
            catalog.skills().stream().map(s -> s.id()).toList(),
            itemsBySkill,
            generated.difficulty());
    Map<Role, List<Item>> perRole = new HashMap<>();
    roles.forEach(
        r ->
            perRole.put(r, curriculum(r.targets().keySet(), itemsBySkill, generated.difficulty())));
    Totals adaptive = new Totals();
    Totals fixed = new Totals();
    Totals fixedPerRole = new Totals();
    for (int l = 0; l < settings.learners(); l++) {
      Role role = roles.get(l % roles.size());
      long learnerSeed = random.nextLong();
      adaptive.add(
          new Adaptive(catalog, estimatedDifficulty, itemsBySkill, role)
              .run(new SimulatedLearner(role, generated.difficulty(), new Random(learnerSeed))));
      fixed.add(
          fixed(
              forEveryone,
              role,
              itemsBySkill,
              new SimulatedLearner(role, generated.difficulty(), new Random(learnerSeed))));
      fixedPerRole.add(
          fixed(
              perRole.get(role),
              role,
              itemsBySkill,
              new SimulatedLearner(role, generated.difficulty(), new Random(learnerSeed))));
    }
    return new Result(settings, adaptive.outcome(), fixed.outcome(), fixedPerRole.outcome());
  }

  private static final class Totals {
    private double questions;
    private double retention;
    private int unmet;
    private int kept;
    private int n;

    void add(Run run) {
      questions += run.questions;
      retention += run.retention;
      unmet += run.met ? 0 : 1;
      kept += run.kept ? 1 : 0;
      n++;
    }

    Outcome outcome() {
      return new Outcome(questions / n, retention / n, unmet, kept / (double) n);
    }
  }

  private record Run(int questions, boolean met, double retention, boolean kept) {
    static Run of(
        int questions,
        SimulatedLearner learner,
        Role role,
        Map<SkillId, List<Item>> itemsBySkill,
        double day) {
      double later = day + RETENTION_DAYS;
      return new Run(
          questions,
          learner.meetsTargets(role, itemsBySkill, day),
          learner.retention(role, itemsBySkill, later),
          learner.meetsTargets(role, itemsBySkill, later));
    }
  }

  /**
   * The curriculum of a quiz bot that does not adapt: every skill of the catalog in catalog order,
   * each skill's items easiest first, taken round-robin (the easiest item of every skill, then the
   * second easiest, ...), the same sequence for every learner whatever their role.
   */
  static List<Item> curriculum(
      Collection<SkillId> skills,
      Map<SkillId, List<Item>> itemsBySkill,
      Map<ItemId, Double> difficulty) {
    List<List<Item>> bySkill = new ArrayList<>();
    for (SkillId skill : skills) {
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
    return sequence;
  }

  private static Run fixed(
      List<Item> sequence,
      Role role,
      Map<SkillId, List<Item>> itemsBySkill,
      SimulatedLearner learner) {
    int questions = 0;
    double day = 0;
    while (!learner.meetsTargets(role, itemsBySkill, day) && questions < FIXED_CAP) {
      learner.answer(sequence.get(questions % sequence.size()), day);
      questions++;
      day += 1 / QUESTIONS_PER_DAY;
    }
    return Run.of(questions, learner, role, itemsBySkill, day);
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
        while (item.isPresent() && questions < CAP) {
          asked.add(item.get().id());
          ask(learner, item.get());
          item = placement.next(skill, estimate, asked);
        }
      }
      while (questions < CAP
          && !(learner.meetsTargets(role, itemsBySkill, day) && policy.targetsMet(snapshot()))) {
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
      return Run.of(questions, learner, role, itemsBySkill, day);
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
