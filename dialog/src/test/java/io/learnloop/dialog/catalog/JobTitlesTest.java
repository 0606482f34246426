package io.learnloop.dialog.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobTitlesTest {

  private static final RoleId RISK = new RoleId("risk-analyst");
  private static final RoleId LEAD = new RoleId("risk-lead");
  private static final RoleId SALES = new RoleId("sales-executive");

  private static Role role(RoleId id, String... titles) {
    return new Role(
        id,
        CatalogTestData.text(id.value(), id.value()),
        Map.of(new SkillId("security-basics"), TargetLevel.BASIC),
        List.of(titles));
  }

  private final JobTitles titles =
      new JobTitles(
          List.of(
              role(RISK, "Risk Analyst", "Analis Risiko"),
              role(LEAD, "Lead Risk Analyst"),
              role(SALES, "Sales Executive", "Account Executive")));

  @Test
  void should_match_a_title_whatever_its_case_accents_and_punctuation() {
    assertThat(titles.roleFor("risk analyst")).contains(RISK);
    assertThat(titles.roleFor("RISK-ANALYST")).contains(RISK);
    assertThat(titles.roleFor("  Analis   Risíko ")).contains(RISK);
  }

  @Test
  void should_match_a_title_that_contains_a_listed_one_as_whole_words() {
    assertThat(titles.roleFor("Senior Risk Analyst, Jakarta")).contains(RISK);
    assertThat(titles.roleFor("Riskanalyst")).isEmpty();
    assertThat(titles.roleFor("Risk Analysts")).isEmpty();
  }

  @Test
  void should_prefer_the_longest_listed_title_when_several_match() {
    assertThat(titles.roleFor("Lead Risk Analyst")).contains(LEAD);
    assertThat(titles.roleFor("Deputy Lead Risk Analyst")).contains(LEAD);
  }

  @Test
  void should_map_no_role_for_an_unlisted_or_empty_title() {
    assertThat(titles.roleFor("Chief Happiness Officer")).isEmpty();
    assertThat(titles.roleFor("  ")).isEmpty();
    assertThat(titles.roleFor("—")).isEmpty();
  }

  @Test
  void should_refuse_a_role_title_without_letters_or_digits() {
    assertThatThrownBy(() -> role(RISK, "--"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("risk-analyst");
  }
}
