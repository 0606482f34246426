package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.learning.LearnerId;
import java.util.Objects;

/** Who is looking at the dashboard, as the sign-in established it. */
public sealed interface Viewer {

  /** The local administrator: every team. */
  record Admin() implements Viewer {}

  /** Someone on the roster: themselves, and their reports' teams if they manage anyone. */
  record Person(LearnerId learner) implements Viewer {
    public Person {
      Objects.requireNonNull(learner, "learner");
    }
  }
}
