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
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A generated catalog: {@code skills} skills with {@code itemsPerSkill} items each, difficulties
 * drawn from N(0, 1), and {@code roles} roles that each target {@code targetsPerRole} random skills
 * at random levels.
 */
record SyntheticCatalog(Catalog catalog, Map<ItemId, Double> difficulty) {

  static SyntheticCatalog generate(
      int skills, int itemsPerSkill, int roles, int targetsPerRole, Random random) {
    List<Skill> skillList = new ArrayList<>();
    List<Item> items = new ArrayList<>();
    Map<ItemId, Double> difficulty = new HashMap<>();
    for (int s = 0; s < skills; s++) {
      SkillId skill = new SkillId(String.format("skill-%02d", s));
      skillList.add(new Skill(skill, text("Skill " + s, "Keahlian " + s)));
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
        difficulty.put(id, random.nextGaussian());
      }
    }
    List<Role> roleList = new ArrayList<>();
    for (int r = 0; r < roles; r++) {
      List<Skill> shuffled = new ArrayList<>(skillList);
      Collections.shuffle(shuffled, random);
      Map<SkillId, TargetLevel> targets = new LinkedHashMap<>();
      for (Skill skill : shuffled.subList(0, targetsPerRole)) {
        targets.put(skill.id(), TargetLevel.of(1 + random.nextInt(3)));
      }
      roleList.add(new Role(new RoleId("role-" + r), text("Role " + r, "Peran " + r), targets));
    }
    return new SyntheticCatalog(new Catalog(skillList, roleList, items), difficulty);
  }

  private static LocalizedText text(String en, String id) {
    return new LocalizedText(Map.of(Language.ENGLISH, en, Language.INDONESIAN, id));
  }
}
