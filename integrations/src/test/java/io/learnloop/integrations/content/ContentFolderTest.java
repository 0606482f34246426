package io.learnloop.integrations.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.JobTitles;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.i18n.Language;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContentFolderTest {

  private static final String ROLES =
      """
      skills:
        - id: leave-policy
          name: { en: Leave policy, id: Kebijakan cuti }
        - id: expenses
          name: { en: Expenses, id: Pengeluaran }
      roles:
        - id: engineer
          name: { en: Engineer, id: Insinyur }
          targets:
            leave-policy: 1
            expenses: 2
      """;

  private static final String ITEM =
      """
      items:
        - id: leave-carry-over
          language: en
          skills: [leave-policy]
          question: How many days carry over?
          choices:
            - None
            - Up to 5 days
          answer: 1
          explanation: Up to 5 days carry over.
          source: handbook/leave.md#carrying-days-over
      """;

  @TempDir Path root;

  @BeforeEach
  void writeValidContent() throws IOException {
    Files.createDirectories(root.resolve("handbook"));
    Files.writeString(
        root.resolve("handbook/leave.md"),
        "---\ntitle: Leave\n# a comment, not a heading\n---\n# Leave\n\n## Carrying days over\nFive.\n");
    write("roles.yaml", ROLES);
    write("quiz-bank.yaml", ITEM);
  }

  @Test
  void should_load_skills_roles_and_items() {
    Catalog catalog = new ContentFolder(root).load();

    assertThat(catalog.skills()).hasSize(2);
    assertThat(catalog.role(new RoleId("engineer")).orElseThrow().targets())
        .containsEntry(new SkillId("expenses"), TargetLevel.PROFICIENT);
    assertThat(catalog.item(new ItemId("leave-carry-over")).orElseThrow().correctChoice())
        .isEqualTo("Up to 5 days");
  }

  @Test
  void should_load_the_bundled_sample_content() {
    Catalog catalog = new ContentFolder(Path.of("..", "content")).load();

    assertThat(catalog.items()).hasSizeGreaterThanOrEqualTo(40);
    assertThat(catalog.items()).anyMatch(item -> item.language() == Language.INDONESIAN);
    assertThat(catalog.roles()).isNotEmpty();
    catalog
        .skills()
        .forEach(
            skill ->
                assertThat(catalog.itemsFor(skill.id()))
                    .as("items for %s", skill.id())
                    .isNotEmpty());
  }

  @Test
  void should_name_file_and_line_of_invalid_yaml() throws IOException {
    write("quiz-bank.yaml", "items:\n  - id: a\n    question: [unclosed\n");

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .isInstanceOf(ContentFileException.class)
        .hasMessageStartingWith(root.resolve("quiz-bank.yaml") + ":4: not valid YAML");
  }

  @Test
  void should_name_the_line_of_an_answer_out_of_range() throws IOException {
    write("quiz-bank.yaml", ITEM.replace("answer: 1", "answer: 2"));

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .isInstanceOf(ContentFileException.class)
        .hasMessage(
            root.resolve("quiz-bank.yaml")
                + ":2: item 'leave-carry-over': answer 2 is not an index of its 2 choices (0 to 1)");
  }

  @Test
  void should_name_the_line_of_an_unknown_skill() throws IOException {
    write("quiz-bank.yaml", ITEM.replace("[leave-policy]", "[leave-policy, parking]"));

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessage(
            root.resolve("quiz-bank.yaml")
                + ":4: unknown skill 'parking': define it under 'skills' in roles.yaml");
  }

  @Test
  void should_name_the_line_of_a_source_whose_heading_does_not_exist() throws IOException {
    write("quiz-bank.yaml", ITEM.replace("#carrying-days-over", "#carry-over"));

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessageStartingWith(
            root.resolve("quiz-bank.yaml")
                + ":11: source 'handbook/leave.md#carry-over': no heading with anchor 'carry-over'")
        .hasMessageContaining("carrying-days-over");
  }

  @Test
  void should_name_the_line_of_a_missing_field() throws IOException {
    write("quiz-bank.yaml", ITEM.replace("    explanation: Up to 5 days carry over.\n", ""));

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessage(root.resolve("quiz-bank.yaml") + ":2: missing 'explanation'");
  }

  @Test
  void should_name_the_line_of_a_role_target_that_is_not_a_level() throws IOException {
    write("roles.yaml", ROLES.replace("expenses: 2", "expenses: high"));

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessage(
            root.resolve("roles.yaml") + ":11: level must be a whole number but was 'high'");
  }

  @Test
  void should_read_the_job_titles_a_role_lists_and_map_them_to_it() throws IOException {
    write(
        "roles.yaml",
        ROLES.replace(
            "    name: { en: Engineer, id: Insinyur }\n",
            "    name: { en: Engineer, id: Insinyur }\n    titles: [Software Engineer, Insinyur]\n"));

    Catalog catalog = new ContentFolder(root).load();

    assertThat(catalog.role(new RoleId("engineer")).orElseThrow().titles())
        .containsExactly("Software Engineer", "Insinyur");
    assertThat(new JobTitles(catalog.roles()).roleFor("Senior Software Engineer"))
        .contains(new RoleId("engineer"));
  }

  @Test
  void should_name_the_line_of_a_job_title_two_roles_list() throws IOException {
    write(
        "roles.yaml",
        ROLES.replace(
                "    name: { en: Engineer, id: Insinyur }\n",
                "    name: { en: Engineer, id: Insinyur }\n    titles: [Engineer]\n")
            + """
              - id: lead
                name: { en: Lead, id: Pemimpin }
                titles:
                  - ENGINEER
                targets:
                  expenses: 1
            """);

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .isInstanceOf(ContentFileException.class)
        .hasMessage(
            root.resolve("roles.yaml")
                + ":16: job title 'ENGINEER' is listed for role 'engineer' already");
  }

  @Test
  void should_map_the_bundled_sample_titles_to_their_roles() {
    JobTitles titles = new JobTitles(new ContentFolder(Path.of("..", "content")).load().roles());

    assertThat(titles.roleFor("Risk Analyst")).contains(new RoleId("risk-analyst"));
    assertThat(titles.roleFor("Senior Account Executive")).contains(new RoleId("sales-executive"));
    assertThat(titles.roleFor("Chief Executive Officer")).isEmpty();
  }

  @Test
  void should_name_the_line_of_a_duplicate_item() throws IOException {
    write("quiz-bank.yaml", ITEM + ITEM.replace("items:\n", ""));

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessage(
            root.resolve("quiz-bank.yaml") + ":12: item 'leave-carry-over' is defined twice");
  }

  @Test
  void should_name_a_missing_file_and_folder() throws IOException {
    Files.delete(root.resolve("roles.yaml"));
    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessage(root.resolve("roles.yaml") + ": the file does not exist");

    Path missing = root.resolve("nowhere");
    assertThatThrownBy(() -> new ContentFolder(missing).load())
        .hasMessage(missing + ": the content folder does not exist or is not a folder");
  }

  @Test
  void should_refuse_a_file_that_is_not_utf8() throws IOException {
    Files.write(
        root.resolve("quiz-bank.yaml"),
        new byte[] {'i', 't', 'e', 'm', 's', ':', ' ', (byte) 0xC3, (byte) 0x28});

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessageStartingWith(root.resolve("quiz-bank.yaml").toString())
        .hasMessageContaining("UTF-8");
  }

  @Test
  void should_compute_github_style_anchors() {
    assertThat(HandbookHeadings.slug("SEV1: all hands")).isEqualTo("sev1-all-hands");
    assertThat(HandbookHeadings.slug("Carrying days over (max. 5)"))
        .isEqualTo("carrying-days-over-max-5");
  }

  @Test
  void should_read_a_skills_external_courses_and_offer_the_one_in_the_learners_language()
      throws IOException {
    write(
        "roles.yaml",
        ROLES.replace(
            "    name: { en: Leave policy, id: Kebijakan cuti }\n",
            """
                name: { en: Leave policy, id: Kebijakan cuti }
                courses:
                  - title: Leave essentials
                    url: https://lms.example.com/courses/leave-101
                    language: en
                    minutes: 20
                  - title: Dasar-dasar cuti
                    url: https://lms.example.com/courses/cuti-101
                    language: id
                    minutes: 25
            """));

    Catalog catalog = new ContentFolder(root).load();

    var leave = catalog.skill(new SkillId("leave-policy")).orElseThrow();
    assertThat(leave.courses()).hasSize(2);
    assertThat(leave.courseFor(Language.INDONESIAN).orElseThrow().title())
        .isEqualTo("Dasar-dasar cuti");
    assertThat(leave.courseFor(Language.ENGLISH).orElseThrow().minutes()).isEqualTo(20);
    assertThat(catalog.skill(new SkillId("expenses")).orElseThrow().courses()).isEmpty();
  }

  @Test
  void should_report_a_course_without_an_https_url_or_minutes_with_its_file_and_line()
      throws IOException {
    String course =
        """
            name: { en: Leave policy, id: Kebijakan cuti }
            courses:
              - title: Leave essentials
                url: ftp://lms.example.com/leave
                language: en
                minutes: 20
        """;
    write(
        "roles.yaml",
        ROLES.replace("    name: { en: Leave policy, id: Kebijakan cuti }\n", course));

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessage(
            root.resolve("roles.yaml")
                + ":5: a course URL is an https:// address: 'ftp://lms.example.com/leave'");

    write(
        "roles.yaml",
        ROLES.replace(
            "    name: { en: Leave policy, id: Kebijakan cuti }\n",
            course.replace("ftp://", "https://").replace("minutes: 20", "minutes: twenty")));

    assertThatThrownBy(() -> new ContentFolder(root).load())
        .hasMessage(
            root.resolve("roles.yaml") + ":8: minutes must be a whole number but was 'twenty'");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(root.resolve(name), text, StandardCharsets.UTF_8);
  }
}
