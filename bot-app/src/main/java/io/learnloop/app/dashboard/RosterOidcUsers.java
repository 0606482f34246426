package io.learnloop.app.dashboard;

import java.util.List;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Signs in only people on the roster: the provider's verified email must name a learner there.
 * Anyone else is sent to a page that says so, in place of the provider's error.
 */
class RosterOidcUsers extends OidcUserService {

  static final String NOT_ON_ROSTER = "not_on_roster";

  private final DashboardViewers viewers;

  RosterOidcUsers(DashboardViewers viewers) {
    this.viewers = viewers;
  }

  @Override
  public OidcUser loadUser(OidcUserRequest request) {
    OidcUser user = super.loadUser(request);
    if (!Boolean.TRUE.equals(user.getEmailVerified())
        || user.getEmail() == null
        || viewers.byEmail(user.getEmail()).isEmpty()) {
      throw new OAuth2AuthenticationException(
          new OAuth2Error(NOT_ON_ROSTER, "no verified email on the roster", null));
    }
    return new DefaultOidcUser(
        List.of(new SimpleGrantedAuthority("ROLE_LEARNER")),
        user.getIdToken(),
        user.getUserInfo(),
        "email");
  }

  static AuthenticationFailureHandler failureHandler() {
    return (request, response, exception) -> {
      boolean notOnRoster =
          exception instanceof OAuth2AuthenticationException oauth
              && NOT_ON_ROSTER.equals(oauth.getError().getErrorCode());
      response.sendRedirect(
          request.getContextPath() + (notOnRoster ? "/login/not-on-roster" : "/login?error"));
    };
  }
}
