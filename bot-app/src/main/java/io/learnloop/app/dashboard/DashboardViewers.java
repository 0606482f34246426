package io.learnloop.app.dashboard;

import io.learnloop.dialog.dashboard.Viewer;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.roster.Roster;
import java.util.Locale;
import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * Who a signed-in person is on the dashboard, looked up at every request so that a new roster
 * import takes effect at once: the admin, or the learner on the roster whose verified email the
 * provider gave.
 */
class DashboardViewers {

  private final Learners learners;
  private final Roster roster;

  DashboardViewers(Learners learners, Roster roster) {
    this.learners = learners;
    this.roster = roster;
  }

  Optional<Viewer> of(Authentication authentication) {
    if (authentication == null) {
      return Optional.empty();
    }
    if (authentication.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"))) {
      return Optional.of(new Viewer.Admin());
    }
    if (authentication.getPrincipal() instanceof OidcUser user && user.getEmail() != null) {
      return byEmail(user.getEmail()).map(Viewer.Person::new);
    }
    return Optional.empty();
  }

  /** The learner on the roster with this email, as the roster import keeps it (lower case). */
  Optional<LearnerId> byEmail(String email) {
    return learners
        .findByIdentity(Enrollment.EMAIL, email.strip().toLowerCase(Locale.ROOT))
        .map(Learner::id)
        .filter(id -> roster.find(id).isPresent());
  }
}
