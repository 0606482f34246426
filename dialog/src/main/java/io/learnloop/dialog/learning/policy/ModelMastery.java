package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.model.LearnerTrace;
import io.learnloop.dialog.learning.model.ResponseModel;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Mastery and P(correct) from the fitted response model with the learner's online ability: the
 * model {@code eval-learner} scores. Mastery of a skill is P(correct) on a typical item of it (the
 * model's prediction for the skill, shifted by the mean weight of the skill's items in the
 * catalog), and its uncertainty the delta method applied to the ability's posterior: a standard
 * normal prior sharpened by the Fisher information of the learner's answers on the skill, sd = p(1
 * − p) / √(1 + information).
 */
public final class ModelMastery {

  /** Stands for "an item of the skill the model has no particular weight for". */
  static final String TYPICAL_ITEM = "\u0000typical";

  private final ResponseModel model;
  private final Catalog catalog;
  private final Map<SkillId, Double> itemOffsets = new ConcurrentHashMap<>();
  private final Map<ItemId, Double> priorDifficulties = new ConcurrentHashMap<>();

  public ModelMastery(ResponseModel model, Catalog catalog) {
    this.model = Objects.requireNonNull(model, "model");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  public ResponseModel model() {
    return model;
  }

  /** How far ahead {@link #durable} looks: targets should hold a month after practice stops. */
  public static final java.time.Duration HORIZON = java.time.Duration.ofDays(30);

  /**
   * Mastery of each skill a {@link #HORIZON} from now without practice: the chance of a guess (one
   * over the number of choices) plus what is known above it, times the retrievability FSRS
   * forecasts for the skill's best-remembered item then.
   *
   * @param retrievability each skill's FSRS retrievability at the horizon; 1 when nothing of the
   *     skill has been reviewed
   */
  public Map<SkillId, SkillMastery> durable(
      LearnerTrace trace,
      Collection<SkillId> skills,
      java.util.function.ToDoubleFunction<SkillId> retrievability) {
    Map<SkillId, SkillMastery> now = of(trace, skills);
    Map<SkillId, SkillMastery> later = new HashMap<>();
    now.forEach(
        (skill, m) -> {
          double r = Math.max(0, Math.min(1, retrievability.applyAsDouble(skill)));
          double guess = guess(skill);
          double known = Math.max(0, m.estimate() - guess);
          later.put(skill, new SkillMastery(guess + known * r, m.uncertainty() * r));
        });
    return later;
  }

  private double guess(SkillId skill) {
    return catalog.itemsFor(skill).stream()
        .mapToDouble(i -> 1.0 / i.choices().size())
        .average()
        .orElse(0);
  }

  /** Mastery of each skill given the learner's trace. */
  public Map<SkillId, SkillMastery> of(LearnerTrace trace, Collection<SkillId> skills) {
    Map<SkillId, SkillMastery> mastery = new HashMap<>();
    for (SkillId skill : skills) {
      double logit = model.logit(trace, TYPICAL_ITEM, List.of(skill.value()));
      double p = 1 / (1 + Math.exp(-logit - itemOffset(skill)));
      double sd = p * (1 - p) / Math.sqrt(1 + trace.information(skill.value()));
      mastery.put(skill, new SkillMastery(p, sd));
    }
    return mastery;
  }

  // The typical item of a skill is as hard as its items on average (by their learned weights).
  private double itemOffset(SkillId skill) {
    return itemOffsets.computeIfAbsent(
        skill,
        s ->
            catalog.itemsFor(s).stream()
                .mapToDouble(i -> model.weight("item=" + i.id().value()))
                .average()
                .orElse(0));
  }

  /**
   * The item's difficulty for a learner who has answered nothing, on the logit scale: minus the
   * logit of that learner's P(correct). It depends on the model and the item alone, so each is
   * worked out once: the placement test weighs every item of a role on each question.
   */
  public double priorDifficulty(Item item) {
    return priorDifficulties.computeIfAbsent(
        item.id(),
        id -> {
          double p = pCorrect(new LearnerTrace(), item);
          return Math.log((1 - p) / p);
        });
  }

  /** The model's P(correct) on the item now, before forgetting. */
  public double pCorrect(LearnerTrace trace, Item item) {
    return model.predict(trace, item.id().value(), skills(item));
  }

  /** Records an answer in the trace. */
  public void update(LearnerTrace trace, Item item, boolean correct) {
    model.update(trace, item.id().value(), skills(item), correct);
  }

  private static List<String> skills(Item item) {
    return item.skills().stream().map(SkillId::value).sorted().toList();
  }
}
