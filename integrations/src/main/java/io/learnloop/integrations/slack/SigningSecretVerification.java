package io.learnloop.integrations.slack;

import com.slack.api.app_backend.SlackSignature;
import com.slack.api.bolt.middleware.Middleware;
import com.slack.api.bolt.middleware.MiddlewareChain;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.response.Response;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Slack's request signature check ({@code v0=HMAC-SHA256(secret, "v0:" + timestamp + ":" + body)}),
 * in place of Bolt's {@code RequestVerification}: Bolt's generator turns the body into bytes with
 * the platform charset, so on a JVM whose default is not UTF-8 (Java 17 under {@code LANG=C}) every
 * message with an emoji or an accented letter fails; and it accepts timestamps in the future. This
 * one hashes UTF-8, compares in constant time and accepts a timestamp only within five minutes
 * either side of now.
 */
public final class SigningSecretVerification implements Middleware {

  static final Duration TOLERANCE = Duration.ofMinutes(5);

  private static final Logger log = LoggerFactory.getLogger(SigningSecretVerification.class);
  private static final String ALGORITHM = "HmacSHA256";

  private final SecretKeySpec key;
  private final Clock clock;

  public SigningSecretVerification(String signingSecret, Clock clock) {
    if (signingSecret == null || signingSecret.isBlank()) {
      throw new IllegalArgumentException("a Slack signing secret is required");
    }
    this.key = new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
    this.clock = clock;
  }

  @Override
  public Response apply(Request req, Response resp, MiddlewareChain chain) throws Exception {
    if (req.isSocketMode()) {
      // Socket Mode requests come over the app-token connection, not signed HTTP.
      return chain.next(req);
    }
    String timestamp =
        req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_REQUEST_TIMESTAMP);
    String signature = req.getHeaders().getFirstValue(SlackSignature.HeaderNames.X_SLACK_SIGNATURE);
    if (valid(timestamp, req.getRequestBodyAsString(), signature)) {
      return chain.next(req);
    }
    log.info("Refused a Slack request with a missing, stale or wrong signature");
    return Response.json(401, "{\"error\":\"invalid request\"}");
  }

  /** Whether {@code signature} is Slack's signature of {@code body} sent at {@code timestamp}. */
  public boolean valid(String timestamp, String body, String signature) {
    if (timestamp == null || signature == null || body == null) {
      return false;
    }
    long sentAt;
    try {
      sentAt = Long.parseLong(timestamp.strip());
    } catch (NumberFormatException e) {
      return false;
    }
    long now = clock.instant().getEpochSecond();
    if (Math.abs(now - sentAt) > TOLERANCE.toSeconds()) {
      return false;
    }
    byte[] expected = sign(timestamp.strip(), body).getBytes(StandardCharsets.US_ASCII);
    return MessageDigest.isEqual(expected, signature.strip().getBytes(StandardCharsets.US_ASCII));
  }

  /** The {@code X-Slack-Signature} value of a body. */
  public String sign(String timestamp, String body) {
    try {
      Mac mac = Mac.getInstance(ALGORITHM);
      mac.init(key);
      byte[] digest =
          mac.doFinal(("v0:" + timestamp + ":" + body).getBytes(StandardCharsets.UTF_8));
      return "v0=" + HexFormat.of().formatHex(digest);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available", e);
    }
  }
}
