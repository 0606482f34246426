package io.learnloop.integrations.slack;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.slack.api.Slack;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ProfileHints;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Profiles as Slack's Web API returns them: {@code users.info} and {@code users.profile.get}
 * payloads shaped like the samples in java-slack-sdk's {@code json-logs/samples/api}.
 */
class SlackProfilesTest {

  private static final ChannelUser LINA = new ChannelUser("slack", "T0LUMBUNG", "U0LINA09");
  private static final SlackProfiles.Fields FIELDS =
      new SlackProfiles.Fields(Optional.of("Xf01TEAM01"), Optional.of("Xf01MGR001"));

  private WireMockServer api;
  private Slack slack;

  @BeforeEach
  void start() {
    api = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
    api.start();
    slack = SlackApps.client(api.baseUrl() + "/api/", Duration.ofSeconds(5));
    api.stubFor(
        post(urlEqualTo("/api/users.info"))
            .willReturn(
                okJson(
                    """
                    {"ok": true, "user": {"id": "U0LINA09", "team_id": "T0LUMBUNG",
                      "name": "lina", "deleted": false, "color": "9f69e7",
                      "real_name": "Lina Marlina", "tz": "Asia/Makassar",
                      "tz_label": "Central Indonesia Time", "tz_offset": 28800,
                      "profile": {"title": "Senior Risk Analyst", "phone": "", "skype": "",
                        "real_name": "Lina Marlina", "real_name_normalized": "Lina Marlina",
                        "display_name": "lina", "display_name_normalized": "lina",
                        "status_text": "", "status_emoji": "", "status_expiration": 0,
                        "avatar_hash": "g1a2b3c4d5e6", "email": "lina@lumbung.example",
                        "first_name": "Lina", "last_name": "Marlina",
                        "image_24": "https://a.slack-edge.com/24.png", "team": "T0LUMBUNG"},
                      "is_admin": false, "is_owner": false, "is_primary_owner": false,
                      "is_restricted": false, "is_ultra_restricted": false, "is_bot": false,
                      "is_app_user": false, "updated": 1733000000, "locale": "id-ID",
                      "has_2fa": false, "is_email_confirmed": true}}
                    """)));
  }

  @AfterEach
  void stop() throws Exception {
    slack.close();
    api.stop();
  }

  private void stubProfileFields(String team, String manager) {
    api.stubFor(
        post(urlEqualTo("/api/users.profile.get"))
            .willReturn(
                okJson(
                    """
                    {"ok": true, "profile": {"title": "Senior Risk Analyst", "phone": "",
                      "skype": "", "real_name": "Lina Marlina",
                      "real_name_normalized": "Lina Marlina", "display_name": "lina",
                      "display_name_normalized": "lina",
                      "fields": {
                        "Xf01TEAM01": {"value": "%s", "alt": ""},
                        "Xf01MGR001": {"value": "%s", "alt": ""},
                        "Xf01PHONE1": {"value": "+62 21 555 0101", "alt": ""}},
                      "status_text": "", "status_emoji": "", "status_expiration": 0,
                      "avatar_hash": "g1a2b3c4d5e6", "email": "lina@lumbung.example",
                      "first_name": "Lina", "last_name": "Marlina",
                      "image_24": "https://a.slack-edge.com/24.png"}}
                    """
                        .formatted(team, manager))));
  }

  @Test
  void should_read_name_and_job_title_from_users_info_and_call_nothing_else_without_fields() {
    SlackProfiles.Profile profile = SlackApps.profiles(slack, "xoxb-test").of(LINA);

    ProfileHints hints = profile.hints();
    assertThat(hints.work().title()).contains("Senior Risk Analyst");
    assertThat(hints.work().name()).contains("Lina Marlina");
    assertThat(hints.work().team()).isEmpty();
    assertThat(hints.work().managerUser()).isEmpty();
    assertThat(hints.verifiedEmail()).contains("lina@lumbung.example");
    assertThat(hints.timezone()).contains(ZoneId.of("Asia/Makassar"));
    api.verify(0, postRequestedFor(urlEqualTo("/api/users.profile.get")));
  }

  @Test
  void should_read_team_and_manager_from_the_configured_custom_profile_fields() {
    stubProfileFields("Risk & Compliance", "U0RINA01");

    SlackProfiles.Profile profile = SlackApps.profiles(slack, "xoxb-test", FIELDS).of(LINA);

    assertThat(profile.hints().work().team()).contains("Risk & Compliance");
    assertThat(profile.hints().work().managerUser()).contains("U0RINA01");
    assertThat(profile.hints().work().title()).contains("Senior Risk Analyst");
    api.verify(
        1,
        postRequestedFor(urlEqualTo("/api/users.profile.get"))
            .withRequestBody(containing("user=U0LINA09")));
  }

  @Test
  void should_look_a_person_up_once_within_the_hour() {
    stubProfileFields("Risk & Compliance", "U0RINA01");
    SlackProfiles profiles = SlackApps.profiles(slack, "xoxb-test", FIELDS);

    profiles.of(LINA);
    SlackProfiles.Profile again = profiles.of(LINA);

    assertThat(again.hints().work().managerUser()).contains("U0RINA01");
    api.verify(1, postRequestedFor(urlEqualTo("/api/users.info")));
    api.verify(1, postRequestedFor(urlEqualTo("/api/users.profile.get")));
  }

  @Test
  void should_take_no_manager_from_a_field_that_holds_no_user_id_or_the_person_themselves() {
    stubProfileFields("", "Rina Wijaya");
    SlackProfiles.Profile named = SlackApps.profiles(slack, "xoxb-test", FIELDS).of(LINA);
    stubProfileFields("Risk", "U0LINA09");
    SlackProfiles.Profile self = SlackApps.profiles(slack, "xoxb-test", FIELDS).of(LINA);

    assertThat(named.hints().work().managerUser()).isEmpty();
    assertThat(named.hints().work().team()).isEmpty();
    assertThat(self.hints().work().managerUser()).isEmpty();
    assertThat(self.hints().work().team()).contains("Risk");
  }

  @Test
  void should_keep_the_title_when_slack_refuses_the_profile_fields() {
    api.stubFor(
        post(urlEqualTo("/api/users.profile.get"))
            .willReturn(
                okJson(
                    "{\"ok\":false,\"error\":\"missing_scope\",\"needed\":\"users.profile:read\","
                        + "\"provided\":\"users:read,users:read.email\"}")));

    SlackProfiles.Profile profile = SlackApps.profiles(slack, "xoxb-test", FIELDS).of(LINA);

    assertThat(profile.hints().work().title()).contains("Senior Risk Analyst");
    assertThat(profile.hints().work().team()).isEmpty();
    assertThat(profile.hints().verifiedEmail()).contains("lina@lumbung.example");
  }

  @Test
  void should_refuse_a_field_id_that_is_not_one() {
    assertThatThrownBy(() -> new SlackProfiles.Fields(Optional.of("Xf01 ABC"), Optional.empty()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThat(new SlackProfiles.Fields(Optional.of(" "), Optional.empty()))
        .isEqualTo(SlackProfiles.Fields.none());
  }
}
