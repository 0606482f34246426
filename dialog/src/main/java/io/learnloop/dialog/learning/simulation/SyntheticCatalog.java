package io.learnloop.dialog.learning.simulation;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.LocalizedText;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.Skill;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.policy.Targets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated catalog and its hidden truth: {@code skills} skills, each with the BKT parameters of
 * a randomly drawn real skill, {@code itemsPerSkill} items whose slip and guess vary around the
 * skill's (a logit offset N(0, 0.7) per item: harder items are slipped more and guessed less), and
 * {@code roles} roles that each target {@code targetsPerRole} skills at random levels a learner who
 * knows the skill can reach with room to spare.
 */
record SyntheticCatalog(
    Catalog catalog,
    Map<SkillId, TruthParameters.Skill> skills,
    Map<ItemId, Double> guesses,
    Map<ItemId, Double> slips) {

  static final double ITEM_SPREAD = 0.7;

  /** How far under a known skill's mastery its target must stay to be reachable after a month. */
  static final double HEADROOM = 0.15;

  TruthParameters.Skill bkt(SkillId skill) {
    return skills.get(skill);
  }

  double guess(ItemId item) {
    return guesses.get(item);
  }

  double slip(ItemId item) {
    return slips.get(item);
  }

  static SyntheticCatalog generate(
      int skillCount,
      int itemsPerSkill,
      int roles,
      int targetsPerRole,
      List<TruthParameters.Skill> fitted,
      Random random) {
    List<Skill> skillList = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    Map<SkillId, TruthParameters.Skill> truth = new LinkedHashMap<>();
    Map<ItemId, Double> guesses = new HashMap<>();
    Map<ItemId, Double> slips = new HashMap<>();
    Map<SkillId, Double> ceiling = new HashMap<>();
    for (int s = 0; s < skillCount; s++) {
      SkillId skill = new SkillId(String.format("skill-%02d", s));
      TruthParameters.Skill bkt = fitted.get(random.nextInt(fitted.size()));
      truth.put(skill, bkt);
      skillList.add(new Skill(skill, text("Skill " + s, "Keahlian " + s)));
      double known = 0;
      for (int i = 0; i < itemsPerSkill; i++) {
        ItemId id = new ItemId(skill.value() + "-item-" + i);
        items.add(
            new Item(
                id,
                Language.ENGLISH,
                Set.of(skill),
                "Synthetic question " + i + " on " + skill + "?",
                List.of("right", "wrong 1", "wrong 2", "wrong 3"),
                0,
                "Synthetic explanation.",
                "handbook/" + skill.value() + ".md#section-" + i));
        double offset = ITEM_SPREAD * random.nextGaussian();
        guesses.put(id, sigmoid(logit(bkt.guess()) - offset));
        slips.put(id, sigmoid(logit(bkt.slip()) + offset));
        known += (1 - slips.get(id)) / itemsPerSkill;
      }
      ceiling.put(skill, known);
    }
    List<Role> roleList = new ArrayList<>();
    for (int r = 0; r < roles; r++) {
      List<Skill> shuffled = new ArrayList<>(skillList);
      Collections.shuffle(shuffled, random);
      Map<SkillId, TargetLevel> targets = new LinkedHashMap<>();
      for (Skill skill : shuffled) {
        List<TargetLevel> reachable = new ArrayList<>();
        for (int level = 1; level <= 3; level++) {
          TargetLevel target = TargetLevel.of(level);
          if (Targets.threshold(target) + HEADROOM <= ceiling.get(skill.id())) {
            reachable.add(target);
          }
        }
        if (!reachable.isEmpty() && targets.size() < targetsPerRole) {
          targets.put(skill.id(), reachable.get(random.nextInt(reachable.size())));
        }
      }
      if (targets.isEmpty()) {
        throw new IllegalArgumentException("no skill is known well enough to set a target on");
      }
      roleList.add(new Role(new RoleId("role-" + r), text("Role " + r, "Peran " + r), targets));
    }
    return new SyntheticCatalog(new Catalog(skillList, roleList, items), truth, guesses, slips);
  }

  private static double logit(double p) {
    return Math.log(p / (1 - p));
  }

  private static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  private static LocalizedText text(String en, String id) {
    return new LocalizedText(Map.of(Language.ENGLISH, en, Language.INDONESIAN, id));
  }
}
