package io.learnloop.app.teams;

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
    Duration turnTimeout) {

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
