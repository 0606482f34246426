package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.SkillId;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/**
 * Learner profiles (channel identities, role, team, manager, time zone, language, preferences) and
 * the questions each learner asked the assistant, which the policy reads for just-in-time practice.
 *
 * <p>Every method may throw {@link LearnersUnavailableException} when the store cannot be reached.
 */
public interface Learners {

  /**
   * Creates the learner's profile or replaces it. Identities the new profile no longer lists are
   * released.
   *
   * @throws IllegalArgumentException when one of the learner's identities belongs to another
   *     learner; nothing is saved then
   */
  void save(Learner learner);

  /** The learner's profile; empty for an unknown id. */
  Optional<Learner> find(LearnerId id);

  /**
   * The learner a channel user id belongs to, e.g. {@code ("slack", "U024BE7LH")}; empty when no
   * learner has that identity.
   */
  Optional<Learner> findByIdentity(String channel, String user);

  /**
   * Remembers that the learner asked about these skills; for each skill only the latest time is
   * kept.
   *
   * @throws UnknownLearnerException when the learner has no profile
   */
  void questionAsked(QuestionAsked question);

  /** Skills the learner asked about at or after {@code since}; empty for an unknown learner. */
  Set<SkillId> recentlyAsked(LearnerId learner, Instant since);

  /**
   * Remembers that the learner was given the skill's micro-lesson, so that the next quiz does not
   * give it again before they have tried the skill once more.
   */
  void lessonGiven(LearnerId learner, SkillId skill);

  /** The learner answered the skill right again: its lesson no longer counts as given. */
  void lessonDone(LearnerId learner, SkillId skill);

  /** The skills whose lesson the learner was given and has not yet followed with a right answer. */
  Set<SkillId> lessonsGiven(LearnerId learner);

  /**
   * Deletes everything kept about the learner: profile, identities, lessons, questions asked. The
   * learner's channel identities are free again; a later message enrols them afresh.
   */
  void forget(LearnerId learner);

  /**
   * Remembers that the learner declined the placement pre-test, so that it is not offered again.
   */
  void placementSkipped(LearnerId learner);

  /** Whether the learner declined the placement pre-test; false for an unknown learner. */
  boolean skippedPlacement(LearnerId learner);

  /**
   * The skills asked about since {@code askedSince}, the lessons given and the placement choice,
   * read together: a store may send the reads now and wait for them when they are first needed.
   */
  default QuizHistory readQuizHistory(LearnerId learner, Instant askedSince) {
    return new QuizHistory() {
      @Override
      public Set<SkillId> recentlyAsked() {
        return Learners.this.recentlyAsked(learner, askedSince);
      }

      @Override
      public Set<SkillId> lessonsGiven() {
        return Learners.this.lessonsGiven(learner);
      }

      @Override
      public boolean skippedPlacement() {
        return Learners.this.skippedPlacement(learner);
      }
    };
  }
}
