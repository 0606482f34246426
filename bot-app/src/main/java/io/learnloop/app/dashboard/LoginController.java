package io.learnloop.app.dashboard;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.servlet.ModelAndView;

/** The dashboard's sign-in page, and the page for someone the roster does not list. */
@Controller
class LoginController {

  private final DashboardSecurityConfiguration.OidcSignIn oidc;

  LoginController(DashboardSecurityConfiguration.OidcSignIn oidc) {
    this.oidc = oidc;
  }

  @GetMapping("/login")
  ModelAndView login() {
    ModelAndView view = new ModelAndView("login");
    view.addObject("oidc", oidc.registration().isPresent());
    view.addObject("oidcPath", "/oauth2/authorization/" + DashboardSecurityConfiguration.OIDC);
    return view;
  }

  @GetMapping("/login/not-on-roster")
  String notOnRoster() {
    return "not-on-roster";
  }
}
