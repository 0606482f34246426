package io.learnloop.app.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.learnloop.app.TestDataDir;
import io.learnloop.app.roster.RosterImports;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Role, team and manager from Slack profiles for people the CSV roster does not list: the job title
 * from {@code users.info}, team and manager from custom fields read with {@code users.profile.get},
 * as the bot runs with a roster file and {@code learnloop.slack.profile-fields}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = SlackWorkspace.Initializer.class)
class SlackProfileRosterTest {

  private static final String TEAM_FIELD = "Xf01TEAM0P";
  private static final String MANAGER_FIELD = "Xf01MGR00P";
  private static final String RINA = "U0RINAPF01";
  private static final String SITI = "U0SITIPF02";
  private static final String LINA = "U0LINAPF03";
  private static final String DEWI = "U0DEWIPF04";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws IOException {
    Path file = Files.createTempDirectory("learnloop-roster").resolve("hr-export.csv");
    String team = SlackWorkspace.TEAM;
    Files.writeString(
        file,
        "email,chat_users,name,role,team,manager,people_manager\n"
            + "rina@lumbung.example,slack:"
            + team
            + ":"
            + RINA
            + ",Rina Wijaya,people-manager,Risk,,yes\n"
            + "siti@lumbung.example,slack:"
            + team
            + ":"
            + SITI
            + ",Siti Nurhaliza,sales-executive,Sales Jakarta,rina@lumbung.example,\n",
        StandardCharsets.UTF_8);
    registry.add("learnloop.roster.file", file::toString);
    registry.add("learnloop.slack.profile-fields.team", () -> TEAM_FIELD);
    registry.add("learnloop.slack.profile-fields.manager", () -> MANAGER_FIELD);
  }

  @LocalServerPort int port;
  @Autowired Learners learners;
  @Autowired Roster roster;
  @Autowired RosterImports imports;
  @Autowired org.springframework.boot.test.web.client.TestRestTemplate http;

  @BeforeEach
  void profiles() {
    TestDataDir.awaitKnowledgeReady(http);
    stubProfile(LINA, "Lina Marlina", "Risk Analyst", "Risk & Compliance", RINA);
    stubProfile(SITI, "Siti Nurhaliza", "Risk Analyst", "Risk & Compliance", RINA);
    stubProfile(DEWI, "Dewi Lestari", "Compliance Analyst", "", "U0NOTKNOWN");
  }

  @Test
  void should_give_a_person_not_on_the_roster_the_role_team_and_manager_of_their_profile() {
    Learner lina = afterAMessageFrom(LINA);
    Learner rina = learner(RINA);
    assertThat(lina.role()).isEqualTo(new RoleId("risk-analyst"));
    assertThat(lina.team()).isEqualTo("risk-compliance");
    assertThat(lina.manager()).contains(rina.id());
    assertThat(roster.reportsOf(rina.id()))
        .extracting(RosterEntry::name)
        .contains("Lina Marlina", "Siti Nurhaliza");

    imports.importIfPresent().orElseThrow();

    assertThat(roster.reportsOf(rina.id()))
        .as("a later import keeps the people it does not list")
        .extracting(RosterEntry::name)
        .contains("Lina Marlina", "Siti Nurhaliza");
    assertThat(roster.find(lina.id()).orElseThrow().source()).isEqualTo(RosterEntry.Source.PROFILE);
  }

  @Test
  void should_keep_the_csv_role_team_and_manager_of_a_person_the_roster_lists() {
    Learner siti = afterAMessageFrom(SITI);
    assertThat(siti.role()).isEqualTo(new RoleId("sales-executive"));
    assertThat(siti.team()).isEqualTo("sales-jakarta");
    assertThat(roster.find(siti.id()).orElseThrow().source()).isEqualTo(RosterEntry.Source.IMPORT);
  }

  @Test
  void should_leave_a_manager_no_one_knows_empty() {
    Learner dewi = afterAMessageFrom(DEWI);
    assertThat(dewi.role()).isEqualTo(new RoleId("risk-analyst"));
    assertThat(dewi.manager()).isEmpty();
    assertThat(dewi.team()).isEmpty();
  }

  private Learner afterAMessageFrom(String user) {
    answered(user);
    return learner(user);
  }

  private Learner learner(String user) {
    return learners.findByIdentity("slack", SlackWorkspace.TEAM + ":" + user).orElseThrow();
  }

  private void answered(String user) {
    String dm = "D" + user + UUID.randomUUID().toString().substring(0, 4).toUpperCase();
    String ts = "1733300000." + String.format("%06d", (int) (Math.random() * 999_999));
    SlackWorkspace.signedJson(
        port,
        SlackWorkspace.eventCallback(
            "Ev" + UUID.randomUUID().toString().replace("-", ""),
            SlackWorkspace.directMessage(user, dm, ts, "help")));
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                SlackWorkspace.calls("chat.postMessage").stream()
                    .anyMatch(r -> dm.equals(SlackWorkspace.form(r).get("channel"))));
  }

  // users.info and users.profile.get as Slack answers them for one person.
  private static void stubProfile(
      String user, String name, String title, String team, String manager) {
    SlackWorkspace.api()
        .stubFor(
            post(urlEqualTo("/api/users.info"))
                .withRequestBody(containing("user=" + user))
                .atPriority(1)
                .willReturn(
                    okJson(
                        """
                        {"ok": true, "user": {"id": "%1$s", "team_id": "%5$s", "name": "%1$s",
                          "deleted": false, "real_name": "%2$s", "tz": "Asia/Jakarta",
                          "tz_label": "Western Indonesia Time", "tz_offset": 25200,
                          "profile": {"title": "%3$s", "phone": "", "skype": "",
                            "real_name": "%2$s", "real_name_normalized": "%2$s",
                            "display_name": "", "display_name_normalized": "",
                            "status_text": "", "status_emoji": "", "team": "%5$s"},
                          "is_admin": false, "is_owner": false, "is_bot": false,
                          "is_app_user": false, "updated": 1733000000, "locale": "en-US",
                          "is_email_confirmed": false}}
                        """
                            .formatted(user, name, title, team, SlackWorkspace.TEAM))));
    SlackWorkspace.api()
        .stubFor(
            post(urlEqualTo("/api/users.profile.get"))
                .withRequestBody(containing("user=" + user))
                .atPriority(1)
                .willReturn(
                    okJson(
                        """
                        {"ok": true, "profile": {"title": "%1$s", "phone": "", "skype": "",
                          "real_name": "%2$s", "real_name_normalized": "%2$s",
                          "display_name": "", "display_name_normalized": "",
                          "fields": {"%3$s": {"value": "%4$s", "alt": ""},
                                     "%5$s": {"value": "%6$s", "alt": ""}},
                          "status_text": "", "status_emoji": "", "status_expiration": 0}}
                        """
                            .formatted(title, name, TEAM_FIELD, team, MANAGER_FIELD, manager))));
  }
}
