package io.learnloop.integrations.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.learnloop.dialog.MovableClock;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChannelUser;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class SlackUserGroupAccessTest {

  private static final String TEAM = "T060RNRCH";
  private static final String LEAD = "U060RNRCZ";
  private static final String ENGINEER = "U060ULRC0";
  private static final String TOKEN = "xoxb-test";

  /**
   * {@code usergroups.list} with {@code include_users=true} as Slack answers it: two groups of the
   * workspace, one mapped by handle, one by id, and one that is mapped but was deleted.
   */
  static final String USER_GROUPS =
      """
      {"ok":true,"usergroups":[
       {"id":"S0614TZR7","team_id":"T060RNRCH","is_usergroup":true,"is_subteam":true,
        "name":"Team leads","description":"Everyone who leads a team","handle":"leads",
        "is_external":false,"date_create":1446598059,"date_update":1446670362,"date_delete":0,
        "auto_type":null,"created_by":"USLACKBOT","updated_by":"U060RNRCZ","deleted_by":null,
        "prefs":{"channels":[],"groups":[]},"users":["U060RNRCZ"],"user_count":1,
        "channel_count":0},
       {"id":"S06158AV7","team_id":"T060RNRCH","is_usergroup":true,"is_subteam":true,
        "name":"Finance","description":"","handle":"finance-team","is_external":false,
        "date_create":1446746793,"date_update":1446747767,"date_delete":0,"auto_type":null,
        "created_by":"U060RNRCZ","updated_by":"U060RNRCZ","deleted_by":null,
        "prefs":{"channels":["C060RNRCH"],"groups":[]},"users":["U060RNRCZ","U060ULRC0"],
        "user_count":2,"channel_count":1},
       {"id":"S0615G0KT","team_id":"T060RNRCH","is_usergroup":true,"is_subteam":true,
        "name":"Old board","description":"","handle":"board","is_external":false,
        "date_create":1446746793,"date_update":1446747767,"date_delete":1446748865,
        "auto_type":null,"created_by":"U060RNRCZ","updated_by":"U060RNRCZ",
        "deleted_by":"U060RNRCZ","prefs":{"channels":[],"groups":[]},"users":["U060ULRC0"],
        "user_count":1,"channel_count":0}
      ]}
      """;

  private final WireMockServer slack =
      new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-02T09:00:00Z"));
  private final AccessGroups configured =
      (user, email) -> user.user().equals(ENGINEER) ? Set.of("engineering") : Set.of();
  private com.slack.api.Slack client;
  private SlackUserGroupAccess access;

  @BeforeEach
  void start() {
    slack.start();
    client = SlackApps.client(slack.baseUrl() + "/api/", Duration.ofSeconds(2));
    SlackWebApi api =
        new SlackWebApi(client, TOKEN, 2, Duration.ofMillis(10), Duration.ofSeconds(1));
    access =
        new SlackUserGroupAccess(
            configured,
            api,
            Map.of("@leads", "people-managers", "S06158AV7", "finance", "board", "board-only"),
            Duration.ofMinutes(5),
            clock);
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    slack.stop();
  }

  @Test
  void should_add_the_document_groups_of_mapped_user_groups_by_handle_and_by_id() {
    slackAnswers(okJson(USER_GROUPS));

    assertThat(access.groupsOf(slackUser(TEAM, LEAD), Optional.empty()))
        .containsExactlyInAnyOrder("people-managers", "finance");
    assertThat(access.groupsOf(slackUser(TEAM, ENGINEER), Optional.empty()))
        .as("the union with configuration; a deleted user group gives nothing")
        .containsExactlyInAnyOrder("engineering", "finance");
    slack.verify(
        1,
        postRequestedFor(urlEqualTo("/api/usergroups.list"))
            .withRequestBody(containing("include_users=1"))
            .withHeader("Authorization", containing(TOKEN)));
  }

  @Test
  void should_give_nothing_to_the_same_user_id_of_another_workspace_or_channel() {
    slackAnswers(okJson(USER_GROUPS));

    assertThat(access.groupsOf(slackUser("T0OTHER01", LEAD), Optional.empty())).isEmpty();
    assertThat(access.groupsOf(new ChannelUser("teams", TEAM, LEAD), Optional.empty())).isEmpty();
  }

  @Test
  void should_ask_slack_once_within_the_refresh_time_and_again_after_it() {
    slackAnswers(okJson(USER_GROUPS));

    access.groupsOf(slackUser(TEAM, LEAD), Optional.empty());
    access.groupsOf(slackUser(TEAM, ENGINEER), Optional.empty());
    assertThat(slack.findAll(postRequestedFor(urlEqualTo("/api/usergroups.list")))).hasSize(1);

    clock.move(Duration.ofMinutes(6));
    access.groupsOf(slackUser(TEAM, LEAD), Optional.empty());

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .untilAsserted(
            () ->
                assertThat(slack.findAll(postRequestedFor(urlEqualTo("/api/usergroups.list"))))
                    .hasSize(2));
  }

  @Test
  void should_fail_closed_to_configured_groups_when_slack_is_down_and_leave_it_alone_a_while() {
    slackAnswers(aResponse().withStatus(503).withBody("upstream connect error"));

    assertThat(access.groupsOf(slackUser(TEAM, LEAD), Optional.empty())).isEmpty();
    assertThat(access.groupsOf(slackUser(TEAM, ENGINEER), Optional.empty()))
        .containsExactly("engineering");
    int asked = slack.findAll(postRequestedFor(urlEqualTo("/api/usergroups.list"))).size();
    assertThat(asked).as("two attempts, then quiet").isEqualTo(2);

    slackAnswers(okJson(USER_GROUPS));
    clock.move(SlackUserGroupAccess.QUIET_AFTER_FAILURE.plusSeconds(1));

    assertThat(access.groupsOf(slackUser(TEAM, LEAD), Optional.empty()))
        .containsExactlyInAnyOrder("people-managers", "finance");
  }

  @Test
  void should_fail_closed_when_slack_is_too_slow_or_refuses_the_scope() {
    slackAnswers(okJson(USER_GROUPS).withFixedDelay(3_000));

    assertThat(access.groupsOf(slackUser(TEAM, LEAD), Optional.empty())).isEmpty();

    slackAnswers(
        okJson(
            "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"usergroups:read\","
                + "\"provided\":\"chat:write,commands\"}"));
    clock.move(SlackUserGroupAccess.QUIET_AFTER_FAILURE.plusSeconds(1));

    assertThat(access.groupsOf(slackUser(TEAM, LEAD), Optional.empty())).isEmpty();
  }

  @Test
  void should_not_ask_slack_when_no_user_group_is_mapped() {
    SlackWebApi api =
        new SlackWebApi(client, TOKEN, 2, Duration.ofMillis(10), Duration.ofSeconds(1));
    AccessGroups unmapped =
        new SlackUserGroupAccess(configured, api, Map.of(), Duration.ofMinutes(5), clock);

    assertThat(unmapped.groupsOf(slackUser(TEAM, ENGINEER), Optional.empty()))
        .containsExactly("engineering");
    assertThat(slack.getAllServeEvents()).isEmpty();
  }

  private void slackAnswers(
      com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder answer) {
    slack.stubFor(post(urlEqualTo("/api/usergroups.list")).willReturn(answer));
  }

  private static ChannelUser slackUser(String team, String user) {
    return new ChannelUser(SlackGateway.CHANNEL, team, user);
  }
}
