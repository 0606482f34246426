package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import java.util.Objects;

/** The next best thing for a learner to do, and why. */
public sealed interface Recommendation {

  Reason reason();

  /** Answer this quiz item. */
  record Ask(ItemId item, Reason reason) implements Recommendation {
    public Ask {
      Objects.requireNonNull(item, "item");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Read a short handbook section (a micro-lesson) on a skill before more questions. */
  record Lesson(SkillId skill, String source, Reason reason) implements Recommendation {
    public Lesson {
      Objects.requireNonNull(skill, "skill");
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(reason, "reason");
    }
  }

  /** Nothing useful to do now. */
  record Rest(Reason reason) implements Recommendation {}
}
