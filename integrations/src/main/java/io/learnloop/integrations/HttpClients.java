package io.learnloop.integrations;

import java.net.http.HttpClient;
import java.time.Duration;

/**
 * The JDK HTTP client as the adapters that call plain REST APIs use it.
 *
 * <p>Outside every adapter's package: plumbing the adapters share, not an adapter of its own.
 */
public final class HttpClients {

  private HttpClients() {}

  /**
   * A client that speaks HTTP/1.1 only: some servers and proxies (and WireMock) fail the h2c
   * upgrade of plain-http requests.
   */
  public static HttpClient http11(Duration connectTimeout) {
    return HttpClient.newBuilder()
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(connectTimeout)
        .build();
  }
}
