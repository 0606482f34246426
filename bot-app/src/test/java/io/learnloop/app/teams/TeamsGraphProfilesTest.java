package io.learnloop.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.learnloop.app.TestDataDir;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Role, team and manager from Microsoft Graph for Teams users the CSV roster does not list, through
 * {@code /api/messages}: the Graph token asked by MSAL from the tenant's sign-in host (on HTTPS),
 * {@code /users/{id}} and {@code /users/{id}/manager} from a WireMock Graph.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ContextConfiguration(initializers = TeamsTenant.Initializer.class)
@Import(TeamsTenant.TestCredentials.class)
class TeamsGraphProfilesTest {

  private static final String LINA = TeamsTenant.user("lina-graph");
  private static final String SITI = TeamsTenant.user("siti-graph");
  private static final String BUDI = TeamsTenant.user("budi-graph");

  private static HttpsLogin login;
  private static WireMockServer graph;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) throws Exception {
    login = HttpsLogin.start(Files.createTempDirectory("learnloop-login"));
    login.stubToken(TeamsTenant.TENANT, "graph-token");
    graph = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
    graph.start();
    Path file = Files.createTempDirectory("learnloop-roster").resolve("hr-export.csv");
    Files.writeString(
        file,
        "email,chat_users,name,role,team,manager,people_manager\n"
            + "rina@lumbung.example,,Rina Wijaya,people-manager,Risk,,yes\n"
            + "siti@lumbung.example,teams:"
            + TeamsTenant.TENANT
            + ":"
            + SITI
            + ",Siti Nurhaliza,sales-executive,Sales Jakarta,rina@lumbung.example,\n",
        StandardCharsets.UTF_8);
    registry.add("learnloop.roster.file", file::toString);
    registry.add("learnloop.teams.login-url", login::host);
    registry.add("learnloop.teams.graph.enabled", () -> "true");
    registry.add("learnloop.teams.graph.url", () -> graph.baseUrl() + "/v1.0/");
  }

  @AfterAll
  static void stop() {
    login.close();
    graph.stop();
  }

  @LocalServerPort int port;
  @Autowired Learners learners;
  @Autowired Roster roster;
  @Autowired TestRestTemplate http;

  @BeforeEach
  void directory() throws IOException {
    TestDataDir.awaitKnowledgeReady(http);
    TeamsTenant.stubConnector();
    stubUser(LINA, "Risk Analyst", "Risk & Compliance");
    stubManager(LINA, "rina@lumbung.example");
    stubUser(SITI, "Risk Analyst", "Risk & Compliance");
    stubManager(SITI, "rina@lumbung.example");
    graph.stubFor(
        get(urlPathMatching("/v1.0/users/" + objectId(BUDI) + "(/manager)?"))
            .willReturn(aResponse().withStatus(503).withBody("")));
  }

  @Test
  void should_give_a_teams_user_not_on_the_roster_the_role_team_and_manager_graph_has() {
    Learner lina = afterAMessageFrom(LINA);

    Learner rina = learners.findByIdentity(Enrollment.EMAIL, "rina@lumbung.example").orElseThrow();
    assertThat(lina.role()).isEqualTo(new RoleId("risk-analyst"));
    assertThat(lina.team()).isEqualTo("risk-compliance");
    assertThat(lina.manager()).contains(rina.id());
    assertThat(roster.reportsOf(rina.id())).extracting(RosterEntry::learner).contains(lina.id());
    assertThat(roster.find(lina.id()).orElseThrow().name())
        .as("the name Teams sends")
        .isEqualTo("Siti Nurhaliza");
    graph.verify(
        getRequestedFor(urlPathEqualTo("/v1.0/users/" + objectId(LINA)))
            .withHeader("Authorization", equalTo("Bearer graph-token")));
  }

  @Test
  void should_keep_the_csv_role_of_a_teams_user_the_roster_lists() {
    Learner siti = afterAMessageFrom(SITI);

    assertThat(siti.role()).isEqualTo(new RoleId("sales-executive"));
    assertThat(siti.team()).isEqualTo("sales-jakarta");
  }

  @Test
  void should_enrol_with_the_default_role_when_graph_is_down() {
    Learner budi = afterAMessageFrom(BUDI);

    assertThat(budi.role()).isEqualTo(new RoleId("new-joiner-general"));
    assertThat(budi.manager()).isEmpty();
    assertThat(roster.find(budi.id())).isEmpty();
  }

  private Learner afterAMessageFrom(String user) {
    String conversation = TeamsTenant.personalConversation(user) + UUID.randomUUID();
    assertThat(
            TeamsTenant.send(
                    port,
                    TeamsTenant.message(TeamsTenant.nextId(), user, conversation, true, "help"),
                    TeamsTenant.token())
                .statusCode())
        .isEqualTo(202);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () ->
                TeamsTenant.connector()
                    .findAll(
                        postRequestedFor(
                            urlPathMatching("/teams/v3/conversations/[^/]+/activities")))
                    .stream()
                    .anyMatch(
                        r ->
                            URLDecoder.decode(r.getUrl(), StandardCharsets.UTF_8)
                                    .contains(conversation)
                                // the answer, not the typing indicator shown before it
                                && r.getBodyAsString().contains("\"type\":\"message\"")));
    return learners.findByIdentity("teams", TeamsTenant.TENANT + ":" + user).orElseThrow();
  }

  private static String objectId(String user) {
    return UUID.nameUUIDFromBytes(user.getBytes()).toString();
  }

  private static void stubUser(String user, String jobTitle, String department) {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + objectId(user)))
            .willReturn(
                okJson(
                    "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users"
                        + "(jobTitle,department)/$entity\",\"jobTitle\":\""
                        + jobTitle
                        + "\",\"department\":\""
                        + department
                        + "\"}")));
  }

  private static void stubManager(String user, String mail) {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + objectId(user) + "/manager"))
            .willReturn(
                okJson(
                    "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata"
                        + "#directoryObjects(id,mail,userPrincipalName)/$entity\","
                        + "\"@odata.type\":\"#microsoft.graph.user\",\"id\":\""
                        + UUID.nameUUIDFromBytes(mail.getBytes())
                        + "\",\"mail\":\""
                        + mail
                        + "\",\"userPrincipalName\":\""
                        + mail
                        + "\"}")));
  }
}
