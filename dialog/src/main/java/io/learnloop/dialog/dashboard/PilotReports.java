package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.catalog.TargetLevel;
import io.learnloop.dialog.dashboard.PilotReport.Participation;
import io.learnloop.dialog.dashboard.PilotReport.ReviewsOnTime;
import io.learnloop.dialog.dashboard.PilotReport.SkillProgress;
import io.learnloop.dialog.dashboard.PilotReport.TimeAvoided;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.memory.Scheduler;
import io.learnloop.dialog.learning.model.ResponseModel;
import io.learnloop.dialog.learning.policy.ModelMastery;
import io.learnloop.dialog.learning.policy.SkillMastery;
import io.learnloop.dialog.learning.policy.Targets;
import io.learnloop.dialog.roster.RosterEntry;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The pilot report ({@link PilotReport}) of the people a viewer may see, from their answers
 * replayed through the learner model the dashboard uses and the FSRS scheduler the quiz uses. Who
 * may see whom is decided by {@link DashboardAccess}, not here.
 */
public final class PilotReports {

  private final Catalog catalog;
  private final AnswerLog answers;
  private final Scheduler scheduler;
  private final Supplier<ResponseModel> model;
  private final PilotSettings settings;

  public PilotReports(
      Catalog catalog,
      AnswerLog answers,
      Spacing spacing,
      Supplier<ResponseModel> model,
      PilotSettings settings) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.scheduler = spacing.scheduler();
    this.model = Objects.requireNonNull(model, "model");
    this.settings = Objects.requireNonNull(settings, "settings");
  }

  public PilotSettings settings() {
    return settings;
  }

  /**
   * @param people the people in the report, e.g. a manager's reports
   * @throws io.learnloop.dialog.learning.AnswerLogUnavailableException when the store cannot be
   *     reached
   */
  public PilotReport report(List<RosterEntry> people, PilotPeriod period, Language language) {
    ModelMastery mastery = new ModelMastery(model.get(), catalog);
    Instant lastInstant = period.end().minusNanos(1);
    Map<SkillId, SkillSums> skills = new LinkedHashMap<>();
    TeamDashboards.targetedSkills(catalog, people).forEach(s -> skills.put(s, new SkillSums()));
    int active = 0;
    int answered = 0;
    int due = 0;
    int kept = 0;
    int skipped = 0;
    int wholeCourse = 0;
    for (RosterEntry person : people) {
      LearnerHistory history =
          new LearnerHistory(answers.answers(person.learner()), catalog, mastery, scheduler);
      int inPeriod = history.answersBetween(period.start(), period.end());
      active += inPeriod > 0 ? 1 : 0;
      answered += inPeriod;
      int[] reviews = history.reviewsKept(period.start(), period.end(), settings.reviewTolerance());
      due += reviews[0];
      kept += reviews[1];
      Optional<Instant> placed = history.placement().filter(p -> p.isBefore(period.end()));
      Map<SkillId, TargetLevel> targets =
          catalog.role(person.role()).map(Role::targets).orElse(Map.of());
      if (placed.isEmpty() || targets.isEmpty()) {
        continue;
      }
      Map<SkillId, SkillMastery> before = history.masteryAt(placed.get(), targets.keySet());
      Map<SkillId, SkillMastery> after = history.masteryAt(lastInstant, targets.keySet());
      targets.forEach(
          (skill, level) ->
              skills.get(skill).add(before.get(skill), after.get(skill), Targets.threshold(level)));
      Set<ItemId> course = new LinkedHashSet<>();
      Set<SkillId> met = new HashSet<>();
      targets.forEach(
          (skill, level) -> {
            catalog.itemsFor(skill).forEach(i -> course.add(i.id()));
            if (after.get(skill).lowerBound() >= Targets.threshold(level)) {
              met.add(skill);
            }
          });
      Set<ItemId> asked = history.answeredBy(lastInstant);
      wholeCourse += course.size();
      skipped +=
          (int)
              course.stream()
                  .filter(i -> !asked.contains(i) && everyTargetMet(i, targets, met))
                  .count();
    }
    List<SkillProgress> progress = new ArrayList<>();
    skills.forEach(
        (skill, sums) -> {
          if (sums.learners() > 0) {
            progress.add(sums.progress(skill, TeamDashboards.name(catalog, skill, language)));
          }
        });
    return new PilotReport(
        period,
        new Participation(people.size(), active, answered, period.weeks()),
        progress,
        new ReviewsOnTime(due, kept, settings.reviewTolerance()),
        new TimeAvoided(skipped, wholeCourse, settings.minutesPerQuestion()));
  }

  // An item of several targeted skills is skipped for mastery only when each of them is met.
  private boolean everyTargetMet(ItemId item, Map<SkillId, TargetLevel> targets, Set<SkillId> met) {
    return catalog.item(item).orElseThrow().skills().stream()
        .filter(targets::containsKey)
        .allMatch(met::contains);
  }

  /** Estimates summed over learners: the mean, and the standard deviation of that mean. */
  private static final class SkillSums {
    final List<SkillMastery> before = new ArrayList<>();
    final List<SkillMastery> after = new ArrayList<>();
    int reachedBefore;
    int reachedAfter;

    void add(SkillMastery placement, SkillMastery end, double target) {
      before.add(placement);
      after.add(end);
      reachedBefore += placement.lowerBound() >= target ? 1 : 0;
      reachedAfter += end.lowerBound() >= target ? 1 : 0;
    }

    int learners() {
      return before.size();
    }

    SkillProgress progress(SkillId skill, String name) {
      return new SkillProgress(
          skill,
          name,
          learners(),
          SkillMastery.mean(before),
          SkillMastery.mean(after),
          reachedBefore,
          reachedAfter);
    }
  }
}
