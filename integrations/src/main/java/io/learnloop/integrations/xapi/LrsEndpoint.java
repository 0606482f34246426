package io.learnloop.integrations.xapi;

import java.net.URI;
import java.util.Objects;

/**
 * Where statements go: the LRS's xAPI endpoint ({@code .../statements} is added) and its basic-auth
 * credentials, blank for none.
 */
public record LrsEndpoint(URI url, String username, String password) {

  public LrsEndpoint {
    Objects.requireNonNull(url, "url");
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(password, "password");
    if (!"http".equals(url.getScheme()) && !"https".equals(url.getScheme())) {
      throw new IllegalArgumentException("an LRS URL is http or https but was '" + url + "'");
    }
  }

  URI statements() {
    String base = url.toString();
    return URI.create(base.endsWith("/") ? base + "statements" : base + "/statements");
  }

  @Override
  public String toString() {
    return "LrsEndpoint[url=" + url + ", username=" + username + ", password=***]";
  }
}
