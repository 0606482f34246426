package io.learnloop.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

/**
 * A browser of the web chat: keeps the session cookie the server issues and speaks the page's JSON,
 * so tests go through the real controller as the page does.
 */
public final class WebChatClient {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final String language;
  private final HttpClient http;
  private final CookieManager cookies = new CookieManager();

  /**
   * @param language the browser's Accept-Language, or null to send none
   */
  public WebChatClient(int port, String language) {
    this.base = "http://localhost:" + port;
    this.language = language;
    this.http =
        HttpClient.newBuilder()
            .cookieHandler(cookies)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
  }

  /** The response of the chat endpoint, which must be 200. */
  public JsonNode say(String text) {
    ObjectNode body = JSON.createObjectNode().put("text", text);
    return ok(post(body));
  }

  public JsonNode command(String command) {
    return ok(post(JSON.createObjectNode().put("command", command)));
  }

  /** Presses a button of a message the page shows. */
  public JsonNode click(JsonNode message, int button) {
    JsonNode action = message.at("/actions/" + button);
    return ok(
        post(
            JSON.createObjectNode()
                .set(
                    "action",
                    JSON.createObjectNode()
                        .put("id", action.at("/id").asText())
                        .put("value", action.at("/value").asText())
                        .put("message", message.at("/id").asText()))));
  }

  public HttpResponse<String> post(JsonNode body) {
    ObjectNode withDelivery = ((ObjectNode) body.deepCopy());
    if (!withDelivery.has("deliveryId")) {
      withDelivery.put("deliveryId", UUID.randomUUID().toString());
    }
    return send("/api/chat", "application/json", withDelivery.toString(), null);
  }

  public HttpResponse<String> send(String path, String contentType, String body, String token) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(base + path))
            .timeout(Duration.ofSeconds(60))
            .header("Content-Type", contentType)
            .POST(HttpRequest.BodyPublishers.ofString(body));
    if (language != null) {
      request.header("Accept-Language", language);
    }
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return call(request.build());
  }

  public HttpResponse<String> get(String path, String token) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).GET();
    if (token != null) {
      request.header("Authorization", "Bearer " + token);
    }
    return call(request.build());
  }

  public JsonNode history() {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/api/chat/history"));
    if (language != null) {
      request.header("Accept-Language", language);
    }
    return ok(call(request.GET().build()));
  }

  /** The session the server gave this browser, once it gave one. */
  public String session() {
    return cookies.getCookieStore().getCookies().stream()
        .filter(c -> c.getName().equals("learnloop_web"))
        .map(java.net.HttpCookie::getValue)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no session cookie yet"));
  }

  public static JsonNode json(HttpResponse<String> response) {
    try {
      return JSON.readTree(response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode ok(HttpResponse<String> response) {
    if (response.statusCode() != 200) {
      throw new AssertionError("HTTP " + response.statusCode() + ": " + response.body());
    }
    return json(response);
  }

  private HttpResponse<String> call(HttpRequest request) {
    try {
      return http.send(request, HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
