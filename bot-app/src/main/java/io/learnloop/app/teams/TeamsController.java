package io.learnloop.app.teams;

import io.learnloop.integrations.teams.TeamsEndpoint;
import jakarta.servlet.http.HttpServletRequest;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

/**
 * The Bot Framework's messaging endpoint. Our own controller, because the SDK's Spring integration
 * does not run on Spring 6; the body is read as text so that a malformed one gets a 400 from us,
 * not Spring's error page.
 */
@RestController
class TeamsController {

  private final TeamsEndpoint endpoint;

  TeamsController(TeamsEndpoint endpoint) {
    this.endpoint = endpoint;
  }

  @PostMapping(path = "/api/messages", consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> messages(
      @RequestHeader(name = "Authorization", required = false) String authorization,
      @RequestBody(required = false) String body,
      HttpServletRequest request) {
    TeamsEndpoint.Answer answer = endpoint.handle(authorization, body, loopback(request));
    ResponseEntity.BodyBuilder response = ResponseEntity.status(answer.status());
    return answer.body().isEmpty()
        ? response.build()
        : response.contentType(MediaType.APPLICATION_JSON).body(answer.body());
  }

  // A request forwarded by a proxy or tunnel on this machine is not from this machine.
  private static boolean loopback(HttpServletRequest request) {
    if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
      return false;
    }
    try {
      return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }
}
