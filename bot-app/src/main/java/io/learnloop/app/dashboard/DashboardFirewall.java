package io.learnloop.app.dashboard;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Locale;
import java.util.Set;
import org.springframework.security.web.firewall.FirewalledRequest;
import org.springframework.security.web.firewall.HttpFirewall;
import org.springframework.security.web.firewall.StrictHttpFirewall;

/**
 * Spring Security's strict firewall for the dashboard, and none for the rest: every other endpoint
 * answered odd paths before the dashboard came (a {@code /docs/../roles.yaml} is a 404 from the
 * docs controller, not the firewall's 400) and must keep doing so. Any request whose path so much
 * as mentions a dashboard path goes through the strict one, so that no spelling of a path reaches
 * the dashboard unchecked; so does any percent-encoded path, which could spell one.
 */
final class DashboardFirewall implements HttpFirewall {

  private static final Set<String> GUARDED = Set.of("dashboard", "login", "logout", "oauth2");

  private final StrictHttpFirewall strict = new StrictHttpFirewall();

  @Override
  public FirewalledRequest getFirewalledRequest(HttpServletRequest request) {
    if (guarded(request.getRequestURI())) {
      return strict.getFirewalledRequest(request);
    }
    return new FirewalledRequest(request) {
      @Override
      public void reset() {}
    };
  }

  @Override
  public HttpServletResponse getFirewalledResponse(HttpServletResponse response) {
    return strict.getFirewalledResponse(response);
  }

  static boolean guarded(String uri) {
    String path = uri == null ? "" : uri.toLowerCase(Locale.ROOT);
    return GUARDED.stream().anyMatch(path::contains) || path.contains("%");
  }
}
