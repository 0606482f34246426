package io.learnloop.integrations.xapi;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.learnloop.integrations.HttpClients;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Posts batches of statements to an LRS's statement resource (xAPI 1.0.3, basic auth). */
public final class LrsClient {

  static final String VERSION = "1.0.3";

  private final LrsEndpoint endpoint;
  private final Duration timeout;
  private final ObjectMapper json = new ObjectMapper();
  private final HttpClient http;

  public LrsClient(LrsEndpoint endpoint, Duration timeout) {
    this.endpoint = Objects.requireNonNull(endpoint, "endpoint");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.http = HttpClients.http11(timeout);
  }

  /**
   * What the LRS said.
   *
   * @param retryAfter the {@code Retry-After} of a 429 or 503, when it gave one
   */
  public record Response(int status, Optional<Duration> retryAfter, String body) {}

  /**
   * @throws IOException when the LRS could not be reached or did not answer in time
   */
  public Response post(List<XapiStatement> batch) throws IOException, InterruptedException {
    ArrayNode body = json.createArrayNode();
    batch.forEach(statement -> body.add(statement.json()));
    HttpRequest.Builder request =
        HttpRequest.newBuilder(endpoint.statements())
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .header("X-Experience-API-Version", VERSION)
            .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
    if (!endpoint.username().isEmpty()) {
      String credentials = endpoint.username() + ":" + endpoint.password();
      request.header(
          "Authorization",
          "Basic "
              + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
    }
    HttpResponse<String> response =
        http.send(request.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    return new Response(
        response.statusCode(),
        response.headers().firstValue("Retry-After").flatMap(LrsClient::retryAfter),
        response.body());
  }

  /** Seconds or an HTTP date (RFC 9110); anything else is ignored. */
  static Optional<Duration> retryAfter(String value) {
    String text = value.strip();
    try {
      return Optional.of(Duration.ofSeconds(Math.max(0, Long.parseLong(text))));
    } catch (NumberFormatException notSeconds) {
      try {
        ZonedDateTime at = ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME);
        Duration until = Duration.between(ZonedDateTime.now(at.getZone()), at);
        return Optional.of(until.isNegative() ? Duration.ZERO : until);
      } catch (DateTimeParseException notADate) {
        return Optional.empty();
      }
    }
  }
}
