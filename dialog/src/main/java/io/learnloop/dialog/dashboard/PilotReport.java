package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.policy.SkillMastery;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What a pilot achieved over a period, for the people a viewer may see, in one language: who took
 * part, how mastery moved from placement to the period's end, whether spaced reviews were kept, and
 * the training time an adaptive path saved against one course for everyone.
 */
public record PilotReport(
    PilotPeriod period,
    Participation participation,
    List<SkillProgress> skills,
    ReviewsOnTime reviews,
    TimeAvoided timeAvoided) {

  public PilotReport {
    Objects.requireNonNull(period, "period");
    Objects.requireNonNull(participation, "participation");
    skills = List.copyOf(skills);
    Objects.requireNonNull(reviews, "reviews");
    Objects.requireNonNull(timeAvoided, "timeAvoided");
  }

  /**
   * @param enrolled people on the roster in the report
   * @param active those of them who answered at least once in the period
   * @param answers their answers in the period
   */
  public record Participation(int enrolled, int active, int answers, double weeks) {
    public OptionalDouble activeShare() {
      return enrolled == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) active / enrolled);
    }

    public OptionalDouble answersPerActivePerWeek() {
      return active == 0 ? OptionalDouble.empty() : OptionalDouble.of(answers / (active * weeks));
    }
  }

  /**
   * One skill the people's roles target, averaged over the learners whose role targets it and who
   * had answered by the period's end.
   *
   * @param atPlacement the mean of the learner model's estimates right after each learner's
   *     placement, with the uncertainty of that mean
   * @param atEnd the same at the period's end
   * @param reachedAtPlacement learners whose estimate less its uncertainty met the role's target
   *     then
   */
  public record SkillProgress(
      SkillId id,
      String name,
      int learners,
      SkillMastery atPlacement,
      SkillMastery atEnd,
      int reachedAtPlacement,
      int reachedAtEnd) {
    public double change() {
      return atEnd.estimate() - atPlacement.estimate();
    }
  }

  /**
   * @param due spaced reviews that fell due in the period, early enough for their tolerance to end
   *     in it too
   * @param onTime those answered by their due time plus the tolerance
   */
  public record ReviewsOnTime(int due, int onTime, Duration tolerance) {
    public OptionalDouble share() {
      return due == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) onTime / due);
    }
  }

  /**
   * @param skipped items of their role's targets that learners were never asked because the skill
   *     counted as mastered at the period's end
   * @param oneSizeFitsAll the items of their role's targets, per learner who took part: what one
   *     course for everyone would have asked
   */
  public record TimeAvoided(int skipped, int oneSizeFitsAll, double minutesPerQuestion) {
    public double minutes() {
      return skipped * minutesPerQuestion;
    }

    public OptionalDouble share() {
      return oneSizeFitsAll == 0
          ? OptionalDouble.empty()
          : OptionalDouble.of((double) skipped / oneSizeFitsAll);
    }
  }
}
