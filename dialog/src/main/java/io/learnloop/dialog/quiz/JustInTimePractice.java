package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.QuestionAsked;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * Remembers the skills behind the sources of an answer a learner just got, so that their next quiz
 * offers practice on them while the topic is fresh.
 */
public final class JustInTimePractice {

  private static final Logger log = Logger.getLogger(JustInTimePractice.class.getName());

  private final Catalog catalog;
  private final Learners learners;
  private final Clock clock;

  public JustInTimePractice(Catalog catalog, Learners learners, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** The skills quiz items test on these sources' documents. */
  public Set<SkillId> skillsOn(List<Citation> sources) {
    Set<String> documents =
        sources.stream().map(c -> DocumentLinks.document(c.source())).collect(Collectors.toSet());
    return catalog.items().stream()
        .filter(item -> documents.contains(DocumentLinks.document(item.source())))
        .flatMap(item -> item.skills().stream())
        .collect(Collectors.toSet());
  }

  /**
   * Remembers that the learner just read about {@code skills} (see {@link #skillsOn}). Never fails:
   * a store that is down only loses the boost.
   */
  public void asked(LearnerId learner, Set<SkillId> skills) {
    if (skills.isEmpty()) {
      return;
    }
    try {
      learners.questionAsked(new QuestionAsked(learner, skills, clock.instant()));
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Could not remember the skills of a question: " + e.getMessage());
    }
  }
}
