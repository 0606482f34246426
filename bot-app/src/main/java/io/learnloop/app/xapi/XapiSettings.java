package io.learnloop.app.xapi;

import io.learnloop.integrations.xapi.ActivityIds;
import io.learnloop.integrations.xapi.LrsEndpoint;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Reporting answers and lessons to a Learning Record Store.
 *
 * @param lrsUrl {@code LRS_URL}: the LRS's xAPI endpoint, e.g. {@code
 *     https://lrs.example.com/xapi/}; without it xAPI is off and nothing is written
 * @param username {@code LRS_USERNAME}: basic-auth key
 * @param password {@code LRS_PASSWORD}: basic-auth secret
 * @param activityBase {@code LEARNLOOP_XAPI_ACTIVITY_BASE}: under which activity ids are minted;
 *     default the public URL, else {@code urn:learnloop:}. Never change it once statements were
 *     sent
 * @param publicUrl {@code LEARNLOOP_PUBLIC_URL}: the home page of web-chat accounts
 * @param batchSize statements per POST
 * @param firstBackoff the wait after the first failed delivery, doubled (with jitter) each time
 * @param maxBackoff the longest wait between two tries
 * @param timeout how long one POST may take
 */
@ConfigurationProperties("learnloop.xapi")
public record XapiSettings(
    String lrsUrl,
    String username,
    String password,
    String activityBase,
    String publicUrl,
    Integer batchSize,
    Duration firstBackoff,
    Duration maxBackoff,
    Duration timeout) {

  public XapiSettings {
    lrsUrl = blankToEmpty(lrsUrl);
    username = blankToEmpty(username);
    password = password == null ? "" : password;
    activityBase = blankToEmpty(activityBase);
    publicUrl = blankToEmpty(publicUrl);
    batchSize = batchSize == null ? 50 : batchSize;
    firstBackoff = firstBackoff == null ? Duration.ofSeconds(1) : firstBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(5) : maxBackoff;
    timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
  }

  /** Empty when xAPI is off. */
  public Optional<LrsEndpoint> endpoint() {
    return lrsUrl.isEmpty()
        ? Optional.empty()
        : Optional.of(new LrsEndpoint(URI.create(lrsUrl), username, password));
  }

  public ActivityIds activityIds() {
    if (!activityBase.isEmpty()) {
      return new ActivityIds(activityBase);
    }
    return new ActivityIds(publicUrl.isEmpty() ? ActivityIds.DEFAULT_BASE : publicUrl);
  }

  public String webHomePage() {
    return publicUrl.isEmpty() ? "http://localhost" : publicUrl;
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }

  @Override
  public String toString() {
    return "XapiSettings[lrsUrl="
        + lrsUrl
        + ", username="
        + username
        + ", password=***, activityBase="
        + activityBase
        + ", batchSize="
        + batchSize
        + "]";
  }
}
