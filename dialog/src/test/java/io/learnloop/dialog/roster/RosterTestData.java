package io.learnloop.dialog.roster;

import static io.learnloop.dialog.catalog.CatalogTestData.item;
import static io.learnloop.dialog.catalog.CatalogTestData.skill;
import static io.learnloop.dialog.catalog.CatalogTestData.text;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import java.util.List;
import java.util.Map;

/**
 * Roster rows as an HR export has them, and a small catalog with two roles (job titles "Risk
 * Officer" and "Risk Analyst" map to the risk role).
 */
public final class RosterTestData {

  public static final SkillId LEAVE = new SkillId("leave-policy");
  public static final SkillId SECURITY = new SkillId("security-basics");
  public static final SkillId PHISHING = new SkillId("phishing-awareness");
  public static final RoleId ANALYST = new RoleId("analyst");
  public static final RoleId RISK = new RoleId("risk-officer");

  private RosterTestData() {}

  public static Catalog catalog() {
    return new Catalog(
        List.of(
            skill(LEAVE, "Leave policy", "Kebijakan cuti"),
            skill(SECURITY, "Security basics", "Dasar-dasar keamanan"),
            skill(PHISHING, "Phishing awareness", "Kewaspadaan phishing")),
        List.of(
            new Role(
                ANALYST,
                text("Analyst", "Analis"),
                Map.of(LEAVE, TargetLevel.BASIC, SECURITY, TargetLevel.PROFICIENT)),
            new Role(
                RISK,
                text("Risk officer", "Petugas risiko"),
                Map.of(PHISHING, TargetLevel.PROFICIENT, SECURITY, TargetLevel.EXPERT),
                List.of("Risk Officer", "Risk Analyst"))),
        List.of(
            item("leave-1", LEAVE),
            item("leave-2", LEAVE),
            item("security-1", SECURITY),
            item("security-2", SECURITY),
            item("phishing-1", PHISHING),
            item("phishing-2", PHISHING)));
  }

  /** A row with an email, a name and a manager by email; everything else blank. */
  public static RosterRow row(int line, String email, String name, String role, String manager) {
    return new RosterRow(line, email, "", name, role, "Finance Ops", manager, "", "", "", "");
  }
}
