package io.learnloop.dialog.learning.simulation;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.evaluation.PairedBootstrap;
import io.learnloop.dialog.learning.evaluation.PairedBootstrap.Interval;
import io.learnloop.dialog.learning.model.Response;
import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.model.ResponseModelRefit;
import io.learnloop.dialog.learning.model.ResponseModelTrainer;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.learning.policy.ModelMastery;
import io.learnloop.dialog.learning.policy.NextBestAction;
import io.learnloop.dialog.learning.policy.Recommendation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Compares the adaptive policy with two per-role baselines on a simulated workforce whose hidden
 * truth ({@link SimulatedLearner}, {@link TruthParameters}) is not the policy's model. The bot's
 * response model is fitted, with the bot's trainer, to the answers of a pilot cohort of simulated
 * learners; after that every policy sees only answers. All three policies stop by the same
 * deployable rule: the bot's own estimate says every role target is met with the margin ({@link
 * NextBestAction#targetsMet}); none looks at the truth.
 *
 * <ul>
 *   <li><b>role sequence</b>: one fixed sequence per role, the role's skills round-robin, each
 *       skill's items easiest first (by the fitted model), repeated;
 *   <li><b>role sequence + spaced review</b>: the same, but an item FSRS says is due comes first;
 *   <li><b>adaptive</b>: {@link NextBestAction} (due reviews, micro-lessons after repeated misses,
 *       the weakest skill at desirable difficulty).
 * </ul>
 *
 * Thirty days after stopping, with no practice in between, retention is the mean true mastery of
 * the role's skills and "targets kept" the share of learners who still meet every target.
 */
public final class WorkforceSimulation {

  /** Settings of a run. */
  public record Settings(
      int learners,
      int roles,
      int skills,
      int itemsPerSkill,
      int targetsPerRole,
      int pilotLearners,
      long seed) {
    public Settings {
      if (learners < 1 || pilotLearners < 1) {
        throw new IllegalArgumentException("need at least one learner and one pilot learner");
      }
    }

    public static Settings defaults(long seed) {
      return new Settings(1000, 5, 40, 10, 8, 300, seed);
    }

    public Settings withLearners(int n) {
      return new Settings(n, roles, skills, itemsPerSkill, targetsPerRole, pilotLearners, seed);
    }
  }

  /**
   * One policy's outcome, averaged over the workforce.
   *
   * @param questions mean questions (and lessons) until the policy stopped
   * @param retention mean true mastery of the role's skills 30 days after stopping
   * @param keptTargets share of learners who still meet every target 30 days after stopping
   * @param capped learners the policy never stopped for (counted at {@link #CAP} questions)
   */
  public record Outcome(double questions, double retention, double keptTargets, int capped) {
    public String json() {
      return String.format(
          Locale.ROOT,
          "{\"questions\": %.1f, \"retention_30d\": %.4f, \"targets_kept\": %.4f}",
          questions,
          retention,
          keptTargets);
    }
  }

  /**
   * The adaptive policy against the role sequence with spaced review on the same learners, with 95%
   * intervals from a paired bootstrap over learners ({@link PairedBootstrap#REPLICATES} draws).
   *
   * @param questionRatio adaptive questions over the baseline's (the target is at most 0.6)
   * @param retention adaptive minus baseline retention 30 days later
   * @param keptTargets adaptive minus baseline share of learners still at every target
   */
  public record Paired(Interval questionRatio, Interval retention, Interval keptTargets) {}

  /** The three policies at one stopping margin. */
  public record Comparison(
      double margin,
      Outcome adaptive,
      Outcome roleSequence,
      Outcome roleSequenceSpaced,
      Paired adaptiveVsSpaced) {

    /** Adaptive questions over those of the role sequence with spaced review. */
    public double ratio() {
      return adaptive.questions() / roleSequenceSpaced.questions();
    }

    /** The contract's last line. */
    public String json() {
      return "{\"adaptive\": "
          + adaptive.json()
          + ", \"baselines\": {\"role_sequence\": "
          + roleSequence.json()
          + ", \"role_sequence_spaced\": "
          + roleSequenceSpaced.json()
          + "}}";
    }
  }

  static final int CAP = 400;
  static final int PILOT_ANSWERS = 60;
  static final double RETENTION_DAYS = 30;

  private final SyntheticCatalog world;
  private final TruthParameters truth;
  private final Settings settings;
  private final ModelMastery mastery;
  private final Map<Role, List<Item>> sequences = new HashMap<>();
  private final Map<SkillId, List<Item>> itemsBySkill = new HashMap<>();

  /** Generates the world and fits the bot's model to the pilot cohort's answers. */
  public WorkforceSimulation(Settings settings, TruthParameters truth) {
    this.settings = settings;
    this.truth = truth;
    Random random = new Random(settings.seed());
    this.world =
        SyntheticCatalog.generate(
            settings.skills(),
            settings.itemsPerSkill(),
            settings.roles(),
            settings.targetsPerRole(),
            truth.skills(),
            random);
    Catalog catalog = world.catalog();
    catalog.skills().forEach(s -> itemsBySkill.put(s.id(), catalog.itemsFor(s.id())));
    this.mastery = new ModelMastery(fitOnPilot(new Random(random.nextLong())), catalog);
    for (Role role : catalog.roles()) {
      sequences.put(role, sequence(role.targets().keySet()));
    }
  }

  /** The bot's model, fitted to the pilot cohort. */
  public ResponseModel model() {
    return mastery.model();
  }

  // A pilot cohort answers random items of its role's skills: the answers the bot learns item
  // difficulty and learner dynamics from, as it would from an organisation's first months.
  private ResponseModel fitOnPilot(Random random) {
    List<Role> roles = new ArrayList<>(world.catalog().roles());
    List<Response> answers = new ArrayList<>();
    for (int l = 0; l < settings.pilotLearners(); l++) {
      Role role = roles.get(l % roles.size());
      SimulatedLearner learner =
          new SimulatedLearner(world, truth.forgetting(), role, new Random(random.nextLong()));
      List<Item> pool =
          role.targets().keySet().stream().flatMap(s -> itemsBySkill.get(s).stream()).toList();
      for (int k = 0; k < PILOT_ANSWERS; k++) {
        Item item = pool.get(random.nextInt(pool.size()));
        boolean correct = learner.answer(item, k / LearnerSession.QUESTIONS_PER_DAY);
        answers.add(
            new Response(
                "pilot-" + l,
                item.id().value(),
                List.of(item.skills().iterator().next().value()),
                correct));
      }
    }
    return new ResponseModelTrainer(ResponseModelRefit.SETTINGS).fit(answers);
  }

  /** Round-robin over the skills, each skill's items easiest first by the fitted model. */
  private List<Item> sequence(Collection<SkillId> skills) {
    List<List<Item>> bySkill = new ArrayList<>();
    for (SkillId skill : skills) {
      List<Item> items = new ArrayList<>(itemsBySkill.get(skill));
      items.sort(
          Comparator.comparingDouble(i -> -mastery.model().weight("item=" + i.id().value())));
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

  /** The three policies on the same learners, stopping at {@code margin}. */
  public Comparison compare(double margin, int learners) {
    NextBestAction policy = new NextBestAction(world.catalog(), margin);
    Totals adaptive = new Totals();
    Totals plain = new Totals();
    Totals spaced = new Totals();
    Random random = new Random(settings.seed() ^ 0x5DEECE66DL);
    List<Role> roles = new ArrayList<>(world.catalog().roles());
    for (int l = 0; l < learners; l++) {
      Role role = roles.get(l % roles.size());
      long seed = random.nextLong();
      adaptive.add(
          run(role, seed, policy, (session, snapshot) -> adaptiveStep(policy, session, snapshot)));
      plain.add(run(role, seed, policy, (session, snapshot) -> sequenceStep(role, session, false)));
      spaced.add(run(role, seed, policy, (session, snapshot) -> sequenceStep(role, session, true)));
    }
    return new Comparison(
        margin,
        adaptive.outcome(),
        plain.outcome(),
        spaced.outcome(),
        paired(adaptive.runs, spaced.runs, new Random(settings.seed())));
  }

  // Each replicate draws learners with replacement and scores both policies on the same draw.
  static Paired paired(List<Run> ours, List<Run> theirs, Random random) {
    int n = ours.size();
    double[][] replicates = new double[3][PairedBootstrap.REPLICATES];
    for (int r = 0; r < PairedBootstrap.REPLICATES; r++) {
      int[] draw = new int[n];
      for (int k = 0; k < n; k++) {
        draw[k] = random.nextInt(n);
      }
      double[] d = differences(ours, theirs, draw);
      for (int m = 0; m < 3; m++) {
        replicates[m][r] = d[m];
      }
    }
    int[] all = java.util.stream.IntStream.range(0, n).toArray();
    double[] estimate = differences(ours, theirs, all);
    return new Paired(
        interval(estimate[0], replicates[0]),
        interval(estimate[1], replicates[1]),
        interval(estimate[2], replicates[2]));
  }

  private static double[] differences(List<Run> ours, List<Run> theirs, int[] draw) {
    double oursQuestions = 0;
    double theirsQuestions = 0;
    double retention = 0;
    double kept = 0;
    for (int k : draw) {
      oursQuestions += ours.get(k).questions();
      theirsQuestions += theirs.get(k).questions();
      retention += ours.get(k).retention() - theirs.get(k).retention();
      kept += (ours.get(k).kept() ? 1 : 0) - (theirs.get(k).kept() ? 1 : 0);
    }
    return new double[] {
      oursQuestions / theirsQuestions, retention / draw.length, kept / draw.length
    };
  }

  private static Interval interval(double estimate, double[] replicates) {
    return Interval.percentile(estimate, replicates);
  }

  private interface Step {
    void take(LearnerSession session, LearnerSnapshot snapshot);
  }

  private Run run(Role role, long seed, NextBestAction stop, Step step) {
    SimulatedLearner learner =
        new SimulatedLearner(world, truth.forgetting(), role, new Random(seed));
    LearnerSession session = new LearnerSession(world.catalog(), role, mastery, learner);
    while (session.questions() < CAP) {
      LearnerSnapshot snapshot = session.snapshot();
      if (stop.targetsMet(snapshot)) {
        break;
      }
      step.take(session, snapshot);
    }
    double later = session.day() + RETENTION_DAYS;
    return new Run(
        session.questions(),
        session.questions() >= CAP,
        learner.retention(role, itemsBySkill, later),
        learner.meetsTargets(role, itemsBySkill, later));
  }

  private void adaptiveStep(
      NextBestAction policy, LearnerSession session, LearnerSnapshot snapshot) {
    Recommendation next = policy.next(snapshot);
    if (next instanceof Recommendation.Ask ask) {
      session.ask(world.catalog().item(ask.item()).orElseThrow());
    } else if (next instanceof Recommendation.Lesson lesson) {
      session.lesson(lesson.skill());
    } else {
      // Rest while a target is unmet cannot happen with items left; review the most overdue.
      List<ItemId> due = session.due();
      ItemId item = due.isEmpty() ? snapshot.seen().iterator().next() : due.get(0);
      session.ask(world.catalog().item(item).orElseThrow());
    }
  }

  private void sequenceStep(Role role, LearnerSession session, boolean spacedReview) {
    List<ItemId> due = spacedReview ? session.due() : List.of();
    if (!due.isEmpty()) {
      session.ask(world.catalog().item(due.get(0)).orElseThrow());
      return;
    }
    List<Item> sequence = sequences.get(role);
    int next = session.nextInSequence();
    session.ask(sequence.get(next % sequence.size()));
  }

  private record Run(int questions, boolean capped, double retention, boolean kept) {}

  private static final class Totals {
    private final List<Run> runs = new ArrayList<>();
    private double questions;
    private double retention;
    private int kept;
    private int capped;
    private int n;

    void add(Run run) {
      runs.add(run);
      questions += run.questions();
      retention += run.retention();
      kept += run.kept() ? 1 : 0;
      capped += run.capped() ? 1 : 0;
      n++;
    }

    Outcome outcome() {
      return new Outcome(questions / n, retention / n, kept / (double) n, capped);
    }
  }
}
