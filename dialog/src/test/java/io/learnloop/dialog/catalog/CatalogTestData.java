package io.learnloop.dialog.catalog;

import io.learnloop.dialog.i18n.Language;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Test data for catalogs: bilingual names and items whose right answer is the first choice. */
public final class CatalogTestData {

  private CatalogTestData() {}

  public static Skill skill(SkillId id, String english, String indonesian) {
    return new Skill(id, text(english, indonesian));
  }

  public static LocalizedText text(String english, String indonesian) {
    return new LocalizedText(Map.of(Language.ENGLISH, english, Language.INDONESIAN, indonesian));
  }

  /** An English item with three choices, the first right, testing {@code handbook/<id>.md}. */
  public static Item item(String id, SkillId skill) {
    return new Item(
        new ItemId(id),
        Language.ENGLISH,
        Set.of(skill),
        "Question " + id + "?",
        List.of("a", "b", "c"),
        0,
        "Because.",
        "handbook/" + id + ".md#section");
  }
}
