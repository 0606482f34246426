package io.learnloop.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.microsoft.bot.connector.authentication.AppCredentials;
import io.learnloop.integrations.teams.TeamsAdapters;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot's outbound token comes from its own tenant's endpoint, asked by the SDK's real MSAL
 * client. MSAL only talks HTTPS, so the sign-in host is a WireMock on HTTPS with a certificate made
 * for this test and trusted by this test alone.
 */
class TeamsTokenTest {

  private static final String TENANT = TeamsTenant.TENANT;
  private static final String PASSWORD = "changeit";

  @TempDir Path folder;
  private WireMockServer login;
  private SSLSocketFactory before;

  @BeforeEach
  void startLogin() throws Exception {
    Path keystore = folder.resolve("login.p12");
    Process keytool =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair",
                "-alias",
                "login",
                "-keyalg",
                "RSA",
                "-keysize",
                "2048",
                "-validity",
                "2",
                "-dname",
                "CN=localhost",
                "-ext",
                "SAN=dns:localhost,ip:127.0.0.1",
                "-storetype",
                "PKCS12",
                "-keystore",
                keystore.toString(),
                "-storepass",
                PASSWORD,
                "-keypass",
                PASSWORD)
            .redirectErrorStream(true)
            .start();
    assertThat(keytool.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(keytool.exitValue())
        .as(new String(keytool.getInputStream().readAllBytes()))
        .isZero();
    login =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
    login.start();
    KeyStore trusted = KeyStore.getInstance("PKCS12");
    try (InputStream in = Files.newInputStream(keystore)) {
      trusted.load(in, PASSWORD.toCharArray());
    }
    TrustManagerFactory trust =
        TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
    trust.init(trusted);
    SSLContext context = SSLContext.getInstance("TLS");
    context.init(null, trust.getTrustManagers(), null);
    before = HttpsURLConnection.getDefaultSSLSocketFactory();
    HttpsURLConnection.setDefaultSSLSocketFactory(context.getSocketFactory());
  }

  @AfterEach
  void stopLogin() {
    HttpsURLConnection.setDefaultSSLSocketFactory(before);
    login.stop();
  }

  @Test
  void should_request_the_bots_token_from_its_own_tenant_for_the_bot_framework_scope()
      throws Exception {
    String host = "https://localhost:" + login.httpsPort() + "/";
    login.stubFor(
        get(urlPathEqualTo("/common/discovery/instance"))
            .willReturn(
                okJson(
                    "{\"tenant_discovery_endpoint\":\""
                        + host
                        + TENANT
                        + "/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\","
                        + "\"metadata\":[{\"preferred_network\":\"localhost:"
                        + login.httpsPort()
                        + "\",\"preferred_cache\":\"localhost:"
                        + login.httpsPort()
                        + "\",\"aliases\":[\"localhost:"
                        + login.httpsPort()
                        + "\"]}]}")));
    login.stubFor(
        post(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
            .willReturn(
                okJson(
                    "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\"token-from-the-tenant\"}")));
    AppCredentials credentials =
        TeamsAdapters.credentials(
            TeamsTenant.APP_ID, TeamsTenant.APP_PASSWORD, Optional.of(TENANT), host);

    String token = credentials.getToken().get(60, TimeUnit.SECONDS);

    assertThat(token).isEqualTo("token-from-the-tenant");
    login.verify(
        1,
        postRequestedFor(urlEqualTo("/" + TENANT + "/oauth2/v2.0/token"))
            .withRequestBody(containing("grant_type=client_credentials"))
            .withRequestBody(containing("client_id=" + TeamsTenant.APP_ID))
            .withRequestBody(containing("https%3A%2F%2Fapi.botframework.com%2F.default")));
  }
}
