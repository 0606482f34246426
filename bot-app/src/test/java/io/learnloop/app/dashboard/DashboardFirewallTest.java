package io.learnloop.app.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.web.firewall.RequestRejectedException;

class DashboardFirewallTest {

  private final DashboardFirewall firewall = new DashboardFirewall();

  @Test
  void should_refuse_an_unnormalised_or_encoded_path_that_could_reach_the_dashboard() {
    assertThatThrownBy(() -> firewall.getFirewalledRequest(get("/docs/../dashboard/teams/x")))
        .isInstanceOf(RequestRejectedException.class);
    assertThatThrownBy(() -> firewall.getFirewalledRequest(get("/x/%2e%2e/%64ashboard")))
        .isInstanceOf(RequestRejectedException.class);
  }

  @Test
  void should_leave_every_other_path_to_its_endpoint_as_before() {
    assertThat(firewall.getFirewalledRequest(get("/docs/../roles.yaml")).getRequestURI())
        .isEqualTo("/docs/../roles.yaml");
    assertThat(firewall.getFirewalledRequest(get("/dashboard/teams/sales-jakarta")).getRequestURI())
        .isEqualTo("/dashboard/teams/sales-jakarta");
  }

  private static MockHttpServletRequest get(String uri) {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", uri);
    request.setServletPath(uri);
    return request;
  }
}
