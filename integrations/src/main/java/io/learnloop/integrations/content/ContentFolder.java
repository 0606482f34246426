package io.learnloop.integrations.content;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Course;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.JobTitles;
import io.learnloop.dialog.catalog.LocalizedText;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.Skill;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.i18n.Language;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the learning content kept as files: {@code roles.yaml} (skills and roles), {@code
 * quiz-bank.yaml} (items) and the {@code handbook/} folder the items link to. The formats are
 * documented in {@code content/README.md}.
 */
public final class ContentFolder {

  public static final String ROLES_FILE = "roles.yaml";
  public static final String QUIZ_BANK_FILE = "quiz-bank.yaml";
  public static final String HANDBOOK_FOLDER = "handbook";

  private final Path root;

  public ContentFolder(Path root) {
    this.root = root.toAbsolutePath().normalize();
  }

  public Path root() {
    return root;
  }

  /**
   * Reads and cross-checks all content.
   *
   * @throws ContentFileException naming the file and line of the first problem found
   */
  public Catalog load() {
    if (!Files.isDirectory(root)) {
      throw new ContentFileException(
          root, 0, "the content folder does not exist or is not a folder");
    }
    Path rolesFile = root.resolve(ROLES_FILE);
    YamlNode roles = YamlNode.parse(rolesFile);
    Map<SkillId, Skill> skills = readSkills(roles.required("skills"));
    List<Role> roleList = readRoles(roles.required("roles"), skills.keySet());
    Path quizFile = root.resolve(QUIZ_BANK_FILE);
    List<Item> items = readItems(YamlNode.parse(quizFile).required("items"), skills.keySet());
    return new Catalog(skills.values(), roleList, items);
  }

  private static Map<SkillId, Skill> readSkills(YamlNode list) {
    Map<SkillId, Skill> skills = new LinkedHashMap<>();
    for (YamlNode node : list.elements()) {
      Skill skill =
          build(
              node,
              () ->
                  new Skill(
                      new SkillId(node.required("id").nonBlankText("id")),
                      name(node),
                      courses(node)));
      if (skills.putIfAbsent(skill.id(), skill) != null) {
        throw node.problem("skill '" + skill.id() + "' is defined twice");
      }
    }
    return skills;
  }

  private static List<Role> readRoles(YamlNode list, Set<SkillId> skills) {
    List<Role> roles = new ArrayList<>();
    Set<RoleId> seen = new HashSet<>();
    Map<String, RoleId> titled = new HashMap<>();
    for (YamlNode node : list.elements()) {
      RoleId id = build(node, () -> new RoleId(node.required("id").nonBlankText("id")));
      if (!seen.add(id)) {
        throw node.problem("role '" + id + "' is defined twice");
      }
      Map<SkillId, TargetLevel> targets = new LinkedHashMap<>();
      for (var target : node.required("targets").entries().entrySet()) {
        YamlNode level = target.getValue();
        SkillId skill = knownSkill(level, target.getKey(), skills);
        targets.put(skill, build(level, () -> TargetLevel.of(level.integer("level"))));
      }
      List<String> titles = new ArrayList<>();
      for (YamlNode title : node.optional("titles").map(YamlNode::elements).orElse(List.of())) {
        String written = title.nonBlankText("a job title");
        RoleId other = titled.putIfAbsent(JobTitles.normalise(written), id);
        if (other != null) {
          throw title.problem(
              "job title '" + written + "' is listed for role '" + other + "' already");
        }
        titles.add(written);
      }
      roles.add(build(node, () -> new Role(id, name(node), targets, titles)));
    }
    return roles;
  }

  private List<Item> readItems(YamlNode list, Set<SkillId> skills) {
    List<Item> items = new ArrayList<>();
    Set<ItemId> seen = new HashSet<>();
    HandbookAnchors anchors = new HandbookAnchors(root);
    for (YamlNode node : list.elements()) {
      ItemId id = build(node, () -> new ItemId(node.required("id").nonBlankText("id")));
      if (!seen.add(id)) {
        throw node.problem("item '" + id + "' is defined twice");
      }
      Set<SkillId> itemSkills = new LinkedHashSet<>();
      for (YamlNode skill : node.required("skills").elements()) {
        itemSkills.add(knownSkill(skill, skill.text(), skills));
      }
      List<String> choices = new ArrayList<>();
      for (YamlNode choice : node.required("choices").elements()) {
        choices.add(choice.nonBlankText("a choice"));
      }
      YamlNode source = node.required("source");
      anchors
          .check(source.nonBlankText("source"))
          .ifPresent(
              problem -> {
                throw source.problem(problem);
              });
      items.add(
          build(
              node,
              () ->
                  new Item(
                      id,
                      language(node.required("language")),
                      itemSkills,
                      node.required("question").nonBlankText("question"),
                      choices,
                      node.required("answer").integer("answer"),
                      node.required("explanation").nonBlankText("explanation"),
                      source.text().strip())));
    }
    return items;
  }

  private static SkillId knownSkill(YamlNode node, String id, Set<SkillId> skills) {
    SkillId skill = build(node, () -> new SkillId(id));
    if (!skills.contains(skill)) {
      throw node.problem("unknown skill '" + id + "': define it under 'skills' in " + ROLES_FILE);
    }
    return skill;
  }

  // Optional: an external course per language, e.g. the LMS's page in English and in Indonesian.
  private static List<Course> courses(YamlNode skill) {
    List<Course> courses = new ArrayList<>();
    for (YamlNode node : skill.optional("courses").map(YamlNode::elements).orElse(List.of())) {
      String title = node.required("title").nonBlankText("title");
      String url = node.required("url").nonBlankText("url");
      Language language = language(node.required("language"));
      YamlNode minutes = node.required("minutes");
      courses.add(build(node, () -> new Course(title, url, language, minutes.integer("minutes"))));
    }
    return courses;
  }

  private static LocalizedText name(YamlNode node) {
    YamlNode name = node.required("name");
    Map<Language, String> texts = new EnumMap<>(Language.class);
    for (var entry : name.entries().entrySet()) {
      texts.put(
          build(entry.getValue(), () -> Language.fromCode(entry.getKey())),
          entry.getValue().text());
    }
    return build(name, () -> new LocalizedText(texts));
  }

  private static Language language(YamlNode node) {
    return build(node, () -> Language.fromCode(node.text()));
  }

  /** Runs a domain constructor and reports what it refuses at this node's line. */
  private static <T> T build(YamlNode node, Supplier<T> constructor) {
    try {
      return constructor.get();
    } catch (ContentFileException e) {
      throw e;
    } catch (IllegalArgumentException e) {
      throw node.problem(e.getMessage());
    }
  }
}
