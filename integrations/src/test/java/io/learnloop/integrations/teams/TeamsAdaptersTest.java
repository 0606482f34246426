package io.learnloop.integrations.teams;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.bot.connector.authentication.AppCredentials;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamsAdaptersTest {

  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";

  @Test
  void should_ask_the_bots_own_tenant_for_tokens_not_the_multi_tenant_authority() throws Exception {
    AppCredentials credentials =
        TeamsAdapters.credentials("app-id", "secret", Optional.of(TENANT), TeamsAdapters.LOGIN);

    assertThat(credentials.oAuthEndpoint())
        .isEqualTo("https://login.microsoftonline.com/" + TENANT);
    assertThat(credentials.oAuthScope()).isEqualTo("https://api.botframework.com/.default");
  }

  @Test
  void should_take_the_sign_in_host_from_configuration() {
    AppCredentials credentials =
        TeamsAdapters.credentials(
            "app-id", "secret", Optional.of(TENANT), "https://login.microsoftonline.us");

    assertThat(credentials.oAuthEndpoint()).isEqualTo("https://login.microsoftonline.us/" + TENANT);
  }

  @Test
  void should_send_no_token_in_local_mode() {
    AppCredentials credentials =
        TeamsAdapters.credentials("", "", Optional.empty(), TeamsAdapters.LOGIN);

    assertThat(credentials.getAppId()).isNull();
  }
}
