package io.learnloop.integrations.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ProfileHints;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Microsoft Graph as WireMock, answering with the bodies Graph v1.0 documents. */
class GraphDirectoryTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String LINA_ID = "6e7b768e-07e2-4810-8459-485f84f8f204";
  private static final ChannelUser LINA =
      new ChannelUser("teams", TENANT, "29:1LinaMarlinaTeamsUserId");
  private static final Duration WAIT = Duration.ofSeconds(5);

  private WireMockServer graph;
  private final AtomicInteger tokens = new AtomicInteger();
  private GraphDirectory directory;

  @BeforeEach
  void start() {
    graph = new WireMockServer(wireMockConfig().dynamicPort().http2PlainDisabled(true));
    graph.start();
    directory = directory(Duration.ofSeconds(10));
  }

  @AfterEach
  void stop() {
    graph.stop();
  }

  private GraphDirectory directory(Duration timeout) {
    return new GraphDirectory(
        () -> {
          tokens.incrementAndGet();
          return CompletableFuture.completedFuture("graph-token");
        },
        graph.baseUrl() + "/v1.0/",
        TENANT,
        timeout);
  }

  private void stubUser(String jobTitle, String department) {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + LINA_ID))
            .withQueryParam("$select", equalTo("jobTitle,department"))
            .withHeader("Authorization", equalTo("Bearer graph-token"))
            .willReturn(
                okJson(
                    "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#users"
                        + "(jobTitle,department)/$entity\",\"jobTitle\":"
                        + jobTitle
                        + ",\"department\":"
                        + department
                        + "}")));
  }

  private void stubManager(int status, String body) {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + LINA_ID + "/manager"))
            .withQueryParam("$select", equalTo("id,mail,userPrincipalName"))
            .withHeader("Authorization", equalTo("Bearer graph-token"))
            .willReturn(
                aResponse()
                    .withStatus(status)
                    .withHeader("Content-Type", "application/json")
                    .withBody(body)));
  }

  private static final String RINA =
      "{\"@odata.context\":\"https://graph.microsoft.com/v1.0/$metadata#directoryObjects"
          + "(id,mail,userPrincipalName)/$entity\",\"@odata.type\":\"#microsoft.graph.user\","
          + "\"id\":\"2b7ac1f4-9a3e-4c6e-8d4f-3b0b6a1b9c10\",\"mail\":%s,"
          + "\"userPrincipalName\":\"rina.wijaya@lumbunglabs.onmicrosoft.com\"}";

  private static final String NO_MANAGER =
      "{\"error\":{\"code\":\"Request_ResourceNotFound\",\"message\":\"Resource 'manager' does"
          + " not exist or one of its queried reference-property objects are not present.\","
          + "\"innerError\":{\"date\":\"2026-12-02T10:00:00\",\"request-id\":"
          + "\"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\",\"client-request-id\":"
          + "\"0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0\"}}}";

  private static final String DENIED =
      "{\"error\":{\"code\":\"Authorization_RequestDenied\",\"message\":\"Insufficient"
          + " privileges to complete the operation.\",\"innerError\":{\"date\":"
          + "\"2026-12-02T10:00:00\",\"request-id\":\"1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809\","
          + "\"client-request-id\":\"1a2b3c4d-5e6f-7081-92a3-b4c5d6e7f809\"}}}";

  @Test
  void should_read_the_job_title_department_and_managers_email_with_the_bots_token() {
    stubUser("\"Risk Analyst\"", "\"Risk & Compliance\"");
    stubManager(200, RINA.formatted("\"Rina.Wijaya@lumbung.example\""));

    ProfileHints.Work work = directory.workOf(LINA, LINA_ID, WAIT);

    assertThat(work.title()).contains("Risk Analyst");
    assertThat(work.team()).contains("Risk & Compliance");
    assertThat(work.managerEmail()).contains("rina.wijaya@lumbung.example");
    assertThat(work.managerUser()).isEmpty();
  }

  @Test
  void should_take_the_managers_user_principal_name_when_they_have_no_mail() {
    stubUser("\"Risk Analyst\"", "null");
    stubManager(200, RINA.formatted("null"));

    ProfileHints.Work work = directory.workOf(LINA, LINA_ID, WAIT);

    assertThat(work.managerEmail()).contains("rina.wijaya@lumbunglabs.onmicrosoft.com");
    assertThat(work.team()).isEmpty();
  }

  @Test
  void should_give_no_manager_when_graph_has_none() {
    stubUser("\"Risk Analyst\"", "\"Risk\"");
    stubManager(404, NO_MANAGER);

    ProfileHints.Work work = directory.workOf(LINA, LINA_ID, WAIT);

    assertThat(work.title()).contains("Risk Analyst");
    assertThat(work.managerEmail()).isEmpty();
  }

  @Test
  void should_look_a_person_up_once_within_the_hour() {
    stubUser("\"Risk Analyst\"", "\"Risk\"");
    stubManager(404, NO_MANAGER);

    directory.workOf(LINA, LINA_ID, WAIT);
    ProfileHints.Work again = directory.workOf(LINA, LINA_ID, WAIT);

    assertThat(again.title()).contains("Risk Analyst");
    graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/users/" + LINA_ID)));
  }

  @Test
  void should_give_no_job_when_graph_refuses_and_not_ask_again_at_once() {
    stubUser("\"Risk Analyst\"", "\"Risk\"");
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + LINA_ID + "/manager"))
            .willReturn(
                aResponse()
                    .withStatus(403)
                    .withHeader("Content-Type", "application/json")
                    .withBody(DENIED)));

    ProfileHints.Work work = directory.workOf(LINA, LINA_ID, WAIT);
    directory.workOf(LINA, LINA_ID, WAIT);

    assertThat(work).isEqualTo(ProfileHints.Work.none());
    graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/users/" + LINA_ID + "/manager")));
  }

  @Test
  void should_give_no_job_when_graph_is_down_or_no_token_comes() {
    stubUser("\"Risk Analyst\"", "\"Risk\"");
    stubManager(503, "");
    GraphDirectory noToken =
        new GraphDirectory(
            () -> CompletableFuture.failedFuture(new IllegalStateException("AADSTS7000215")),
            graph.baseUrl() + "/v1.0/",
            TENANT,
            Duration.ofSeconds(2));

    assertThat(directory.workOf(LINA, LINA_ID, WAIT)).isEqualTo(ProfileHints.Work.none());
    assertThat(noToken.workOf(LINA, LINA_ID, WAIT)).isEqualTo(ProfileHints.Work.none());
  }

  @Test
  void should_not_keep_a_message_waiting_for_a_slow_graph_and_use_its_answer_next_time() {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + LINA_ID))
            .willReturn(
                okJson("{\"jobTitle\":\"Risk Analyst\",\"department\":\"Risk\"}")
                    .withFixedDelay(1_500)));
    stubManager(404, NO_MANAGER);
    GraphDirectory patient = directory(Duration.ofSeconds(20));

    long started = System.nanoTime();
    ProfileHints.Work first = patient.workOf(LINA, LINA_ID, Duration.ofMillis(200));

    assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(1_200));
    assertThat(first).isEqualTo(ProfileHints.Work.none());
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(patient.workOf(LINA, LINA_ID, Duration.ZERO).title())
                    .contains("Risk Analyst"));
    graph.verify(1, getRequestedFor(urlPathEqualTo("/v1.0/users/" + LINA_ID)));
  }

  @Test
  void should_count_a_graph_slower_than_the_timeout_as_failed() {
    graph.stubFor(
        get(urlPathEqualTo("/v1.0/users/" + LINA_ID))
            .willReturn(okJson("{\"jobTitle\":\"Risk Analyst\"}").withFixedDelay(2_000)));
    stubManager(404, NO_MANAGER);
    GraphDirectory impatient = directory(Duration.ofMillis(300));

    assertThat(impatient.workOf(LINA, LINA_ID, WAIT)).isEqualTo(ProfileHints.Work.none());
  }

  @Test
  void should_not_look_up_people_of_another_tenant_or_without_an_object_id() {
    ChannelUser guest = new ChannelUser("teams", "other-tenant", "29:1GuestUser");

    assertThat(directory.workOf(guest, LINA_ID, WAIT)).isEqualTo(ProfileHints.Work.none());
    assertThat(directory.workOf(LINA, "../../groups", WAIT)).isEqualTo(ProfileHints.Work.none());
    assertThat(directory.workOf(LINA, null, WAIT)).isEqualTo(ProfileHints.Work.none());
    graph.verify(0, anyRequestedFor(anyUrl()));
    assertThat(tokens).hasValue(0);
  }
}
