package io.learnloop.app.teams;

import io.learnloop.integrations.teams.GraphDirectory;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The Teams adapter's settings, {@code learnloop.teams.*} ({@code MICROSOFT_APP_ID}, {@code
 * MICROSOFT_APP_PASSWORD}, {@code MICROSOFT_APP_TENANT_ID}). Without an app id the adapter runs in
 * local mode, for the Bot Framework Emulator on this machine.
 *
 * @param openIdMetadata where the Bot Connector's token signing keys are described (tests,
 *     sovereign clouds); empty for the public cloud's
 * @param loginUrl Entra ID's sign-in host that tokens are asked from, per tenant (tests)
 * @param serviceUrl the Bot Connector for a tenant no one from has written to since the start
 *     (Teams' global service URL)
 * @param localTenant the tenant of activities that carry none (the Emulator's)
 * @param graph the job title, department and manager of people not on the roster, from Microsoft
 *     Graph
 */
@ConfigurationProperties("learnloop.teams")
public record TeamsSettings(
    String appId,
    String appPassword,
    String appTenantId,
    String openIdMetadata,
    String loginUrl,
    String serviceUrl,
    String publicUrl,
    String localTenant,
    Integer workers,
    Integer queue,
    Integer attempts,
    Duration firstBackoff,
    Duration longestWait,
    Duration turnTimeout,
    Graph graph) {

  /**
   * {@code learnloop.teams.graph.*}: Microsoft Graph, asked with the bot's own app id and secret
   * for a token of its tenant (application permission {@code User.Read.All}, granted by an admin).
   *
   * @param enabled {@code LEARNLOOP_TEAMS_GRAPH}: look people up; off, Teams users get their role,
   *     team and manager from the roster alone
   * @param url Graph's v1.0 base URL (tests, sovereign clouds)
   * @param waitAtMost how long a person's message may wait for their look-up; a slower one is used
   *     from their next message on
   * @param timeout how long one look-up may take in all before it counts as failed
   */
  public record Graph(Boolean enabled, String url, Duration waitAtMost, Duration timeout) {
    public Graph {
      enabled = Boolean.TRUE.equals(enabled);
      url = url == null || url.isBlank() ? GraphDirectory.GRAPH : url.strip();
      waitAtMost = waitAtMost == null ? Duration.ofSeconds(2) : waitAtMost;
      timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
    }
  }

  public TeamsSettings {
    appId = blankToEmpty(appId);
    appPassword = blankToEmpty(appPassword);
    appTenantId = blankToEmpty(appTenantId);
    openIdMetadata = blankToEmpty(openIdMetadata);
    loginUrl =
        loginUrl == null || loginUrl.isBlank()
            ? "https://login.microsoftonline.com/"
            : loginUrl.strip();
    loginUrl = loginUrl.endsWith("/") ? loginUrl : loginUrl + "/";
    serviceUrl =
        serviceUrl == null || serviceUrl.isBlank()
            ? "https://smba.trafficmanager.net/teams/"
            : serviceUrl.strip();
    publicUrl = blankToEmpty(publicUrl);
    localTenant = localTenant == null || localTenant.isBlank() ? "local" : localTenant.strip();
    workers = workers == null ? 8 : workers;
    queue = queue == null ? 1000 : queue;
    attempts = attempts == null ? 5 : attempts;
    firstBackoff = firstBackoff == null ? Duration.ofMillis(500) : firstBackoff;
    longestWait = longestWait == null ? Duration.ofMinutes(2) : longestWait;
    turnTimeout = turnTimeout == null ? Duration.ofSeconds(10) : turnTimeout;
    graph = graph == null ? new Graph(null, null, null, null) : graph;
  }

  /** No app id: unauthenticated activities from this machine only. */
  public boolean localMode() {
    return appId.isEmpty();
  }

  public Optional<String> tenant() {
    return appTenantId.isEmpty() ? Optional.empty() : Optional.of(appTenantId);
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}
