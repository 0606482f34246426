package io.learnloop.app.chat;

import io.learnloop.app.access.ApiToken;
import io.learnloop.app.access.ConfiguredAccessGroups;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.RandomTokens;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.http.ResponseCookie;

/**
 * Who is using the web chat, decided on the server: the browser's session cookie, which the server
 * issued, or the user a caller with the API token acts for. An id in a request body alone names no
 * one.
 */
final class WebCallers {

  static final String COOKIE = "learnloop_web";
  static final String LOCAL_WORKSPACE = "local";

  private static final Pattern SESSION = Pattern.compile("[A-Za-z0-9_-]{22}");
  private static final Duration SESSION_LIFETIME = Duration.ofDays(365);

  /** The person and their conversation with the bot. */
  record Caller(ChannelUser user, ConversationRef conversation) {}

  private final ApiToken token;

  WebCallers(ApiToken token) {
    this.token = token;
  }

  /**
   * @param actingFor the user a trusted caller names; ignored without the API token
   * @throws ApiToken.WrongTokenException for a request with a wrong token
   */
  Caller of(HttpServletRequest request, HttpServletResponse response, String actingFor) {
    if (token.trusted(request) && actingFor != null && !actingFor.isBlank()) {
      ChannelUser user =
          new ChannelUser(
              WebChatGateway.CHANNEL, ConfiguredAccessGroups.API_WORKSPACE, actingFor.strip());
      return new Caller(
          user,
          ConversationRef.direct(
              WebChatGateway.CHANNEL, ConfiguredAccessGroups.API_WORKSPACE, user.user()));
    }
    String session = session(request).orElseGet(() -> newSession(response));
    ChannelUser user = new ChannelUser(WebChatGateway.CHANNEL, LOCAL_WORKSPACE, session);
    return new Caller(
        user, ConversationRef.direct(WebChatGateway.CHANNEL, LOCAL_WORKSPACE, session));
  }

  private static Optional<String> session(HttpServletRequest request) {
    Cookie[] cookies = request.getCookies();
    if (cookies == null) {
      return Optional.empty();
    }
    return Arrays.stream(cookies)
        .filter(c -> COOKIE.equals(c.getName()))
        .map(Cookie::getValue)
        .filter(v -> SESSION.matcher(v).matches())
        .findFirst();
  }

  private static String newSession(HttpServletResponse response) {
    String session = RandomTokens.of(16);
    response.addHeader(
        "Set-Cookie",
        ResponseCookie.from(COOKIE, session)
            .httpOnly(true)
            .sameSite("Strict")
            .path("/")
            .maxAge(SESSION_LIFETIME)
            .build()
            .toString());
    return session;
  }
}
