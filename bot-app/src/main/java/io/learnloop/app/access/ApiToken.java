package io.learnloop.app.access;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The shared secret ({@code LEARNLOOP_API_TOKEN}) that identifies a trusted caller, such as an
 * internal portal: only such a caller may name the user it acts for. Everyone else is whoever the
 * web chat's session says, reading public documents only.
 */
public final class ApiToken {

  private final Optional<byte[]> token;

  public ApiToken(String token) {
    this.token =
        token == null || token.isBlank()
            ? Optional.empty()
            : Optional.of(token.strip().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @return true for a request with the right bearer token, false for one without any
   * @throws WrongTokenException for a request with a token that is not the configured one
   */
  public boolean trusted(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (header == null || header.isBlank()) {
      return false;
    }
    if (!header.regionMatches(true, 0, "Bearer ", 0, 7) || token.isEmpty()) {
      throw new WrongTokenException();
    }
    byte[] presented = header.substring(7).strip().getBytes(StandardCharsets.UTF_8);
    if (!MessageDigest.isEqual(presented, token.get())) {
      throw new WrongTokenException();
    }
    return true;
  }

  @Override
  public String toString() {
    return token.isPresent() ? "ApiToken[set]" : "ApiToken[unset]";
  }

  /** A request presented a token that is not ours. */
  public static final class WrongTokenException extends RuntimeException {
    WrongTokenException() {
      super("The API token is missing, malformed or wrong");
    }
  }
}
