package io.learnloop.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.authentication.AppCredentials;
import io.learnloop.integrations.teams.TeamsAdapters;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's outbound tokens come from its own tenant's endpoint, asked by the SDK's real MSAL
 * client, against a sign-in host on HTTPS trusted by this test alone ({@link HttpsLogin}).
 */
class TeamsTokenTest {

  private static final String TENANT = TeamsTenant.TENANT;

  @TempDir Path folder;
  private HttpsLogin login;

  @BeforeEach
  void startLogin() throws Exception {
    login = HttpsLogin.start(folder);
  }

  @AfterEach
  void stopLogin() {
    login.close();
  }

  @Test
  void should_request_the_bots_token_from_its_own_tenant_for_the_bot_framework_scope()
      throws Exception {
    login.stubToken(TENANT, "token-from-the-tenant");
    AppCredentials credentials =
        TeamsAdapters.credentials(
            TeamsTenant.APP_ID, TeamsTenant.APP_PASSWORD, Optional.of(TENANT), login.host());

    String token = credentials.getToken().get(60, TimeUnit.SECONDS);

    assertThat(token).isEqualTo("token-from-the-tenant");
    verifyOneTokenRequestFor("https%3A%2F%2Fapi.botframework.com%2F.default");
  }

  @Test
  void should_request_a_graph_token_for_the_apps_own_permissions_once_while_it_is_valid()
      throws Exception {
    login.stubToken(TENANT, "graph-token-from-the-tenant");
    AppCredentials graph =
        TeamsAdapters.graphCredentials(
            TeamsTenant.APP_ID, TeamsTenant.APP_PASSWORD, TENANT, login.host());

    String token = graph.getToken().get(60, TimeUnit.SECONDS);
    String again = graph.getToken().get(60, TimeUnit.SECONDS);

    assertThat(token).isEqualTo("graph-token-from-the-tenant");
    assertThat(again).as("from MSAL's token cache").isEqualTo(token);
    verifyOneTokenRequestFor("https%3A%2F%2Fgraph.microsoft.com%2F.default");
  }

  // One client-credentials request of the bot's app for {@code scope}, form-encoded.
  private void verifyOneTokenRequestFor(String scope) {
    login
        .server()
        .verify(
            1,
            postRequestedFor(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
                .withRequestBody(containing("grant_type=client_credentials"))
                .withRequestBody(containing("client_id=" + TeamsTenant.APP_ID))
                .withRequestBody(containing(scope)));
  }
}
