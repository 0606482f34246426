package io.learnloop.app.teams;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.HttpsURLConnection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * Entra ID's sign-in host for tests that let the SDK's real MSAL client ask for a token. MSAL only
 * talks HTTPS, so this is a WireMock on HTTPS with a certificate made for it, trusted by {@link
 * HttpsURLConnection} (MSAL's client) until {@link #close()}.
 */
final class HttpsLogin implements AutoCloseable {

  private static final String PASSWORD = "changeit";

  private final WireMockServer server;
  private final SSLSocketFactory before;

  private HttpsLogin(WireMockServer server, SSLSocketFactory before) {
    this.server = server;
    this.before = before;
  }

  /** Starts the host with a key pair made in {@code folder}. */
  static HttpsLogin start(Path folder) throws IOException, InterruptedException {
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
    String output = new String(keytool.getInputStream().readAllBytes());
    if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
      throw new IllegalStateException("keytool failed: " + output);
    }
    WireMockServer server =
        new WireMockServer(
            wireMockConfig()
                .httpDisabled(true)
                .dynamicHttpsPort()
                .keystorePath(keystore.toString())
                .keystoreType("PKCS12")
                .keystorePassword(PASSWORD)
                .keyManagerPassword(PASSWORD));
    server.start();
    SSLSocketFactory before = HttpsURLConnection.getDefaultSSLSocketFactory();
    HttpsURLConnection.setDefaultSSLSocketFactory(trusting(keystore));
    return new HttpsLogin(server, before);
  }

  private static SSLSocketFactory trusting(Path keystore) {
    try (InputStream in = Files.newInputStream(keystore)) {
      KeyStore trusted = KeyStore.getInstance("PKCS12");
      trusted.load(in, PASSWORD.toCharArray());
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(trusted);
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (IOException | java.security.GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  WireMockServer server() {
    return server;
  }

  /** The sign-in host as {@code learnloop.teams.login-url} takes it. */
  String host() {
    return "https://localhost:" + server.httpsPort() + "/";
  }

  /** {@code tenant}'s token endpoint answering {@code token}, as Entra ID answers it. */
  void stubToken(String tenant, String token) {
    int port = server.httpsPort();
    server.stubFor(
        get(urlPathEqualTo("/common/discovery/instance"))
            .willReturn(
                okJson(
                    "{\"tenant_discovery_endpoint\":\""
                        + host()
                        + tenant
                        + "/v2.0/.well-known/openid-configuration\",\"api-version\":\"1.1\","
                        + "\"metadata\":[{\"preferred_network\":\"localhost:"
                        + port
                        + "\",\"preferred_cache\":\"localhost:"
                        + port
                        + "\",\"aliases\":[\"localhost:"
                        + port
                        + "\"]}]}")));
    server.stubFor(
        post(urlEqualTo("/" + tenant + "/oauth2/v2.0/token"))
            .willReturn(
                okJson(
                    "{\"token_type\":\"Bearer\",\"expires_in\":3599,\"ext_expires_in\":3599,"
                        + "\"access_token\":\""
                        + token
                        + "\"}")));
  }

  @Override
  public void close() {
    HttpsURLConnection.setDefaultSSLSocketFactory(before);
    server.stop();
  }
}
