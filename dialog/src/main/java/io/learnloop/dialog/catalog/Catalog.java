package io.learnloop.dialog.catalog;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The learning content: skills, roles and quiz items, checked to refer to each other consistently.
 */
public final class Catalog {

  private final Map<SkillId, Skill> skills;
  private final Map<RoleId, Role> roles;
  private final Map<ItemId, Item> items;

  /**
   * @throws IllegalArgumentException when an id repeats, or a role or item names an unknown skill
   */
  public Catalog(Collection<Skill> skills, Collection<Role> roles, Collection<Item> items) {
    this.skills = index(skills, Skill::id, "skill");
    this.roles = index(roles, Role::id, "role");
    this.items = index(items, Item::id, "item");
    for (Role role : roles) {
      role.targets().keySet().forEach(skill -> requireSkill(skill, "role '" + role.id() + "'"));
    }
    for (Item item : items) {
      item.skills().forEach(skill -> requireSkill(skill, "item '" + item.id() + "'"));
    }
  }

  public Collection<Skill> skills() {
    return skills.values();
  }

  public Collection<Role> roles() {
    return roles.values();
  }

  public Collection<Item> items() {
    return items.values();
  }

  public Optional<Item> item(ItemId id) {
    return Optional.ofNullable(items.get(id));
  }

  public Optional<Role> role(RoleId id) {
    return Optional.ofNullable(roles.get(id));
  }

  public Optional<Skill> skill(SkillId id) {
    return Optional.ofNullable(skills.get(id));
  }

  public List<Item> itemsFor(SkillId skill) {
    return items.values().stream().filter(item -> item.skills().contains(skill)).toList();
  }

  private void requireSkill(SkillId skill, String user) {
    if (!skills.containsKey(skill)) {
      throw new IllegalArgumentException(user + " names unknown skill '" + skill + "'");
    }
  }

  private static <K, V> Map<K, V> index(Collection<V> values, Function<V, K> id, String what) {
    Objects.requireNonNull(values, what + "s");
    return values.stream()
        .collect(
            Collectors.toMap(
                id,
                Function.identity(),
                (first, second) -> {
                  throw new IllegalArgumentException(
                      "two " + what + "s have the id '" + id.apply(first) + "'");
                },
                LinkedHashMap::new));
  }
}
