package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerStats;
import io.learnloop.dialog.learning.policy.LearnerSnapshot;
import io.learnloop.dialog.learning.policy.Targets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A learner's progress toward their role's targets, as the learner model estimates it: the view
 * behind Slack's App Home, Teams' progress card and the web chat's {@code progress}.
 */
public final class ShowProgress {

  private final Catalog catalog;
  private final Snapshots snapshots;
  private final AnswerLog answers;
  private final AskNextQuestion roles;
  private final Clock clock;

  public ShowProgress(
      Catalog catalog, Snapshots snapshots, AnswerLog answers, AskNextQuestion roles, Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.snapshots = Objects.requireNonNull(snapshots, "snapshots");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.roles = Objects.requireNonNull(roles, "roles");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public Reply.Progress of(Learner learner, Language language) {
    RoleId roleId = roles.roleOf(learner);
    Role role = catalog.role(roleId).orElseThrow();
    LearnerSnapshot snapshot = snapshots.of(learner, roleId, clock.instant());
    List<Reply.Progress.SkillLine> lines = new ArrayList<>();
    int met = 0;
    for (var target : role.targets().entrySet()) {
      String name = catalog.skill(target.getKey()).map(s -> s.name().in(language)).orElse("?");
      double mastery = snapshot.mastery(target.getKey()).estimate();
      double threshold = Targets.threshold(target.getValue());
      if (snapshot.mastery(target.getKey()).lowerBound() >= threshold) {
        met++;
      }
      lines.add(new Reply.Progress.SkillLine(name, mastery, threshold));
    }
    LearnerStats stats = answers.stats(learner.id());
    return new Reply.Progress(
        language,
        Messages.get(language, "progress.title", role.name().in(language)),
        lines,
        stats.streakDays(),
        stats.points(),
        snapshot.due().size(),
        Messages.get(
            language,
            "progress.summary",
            met,
            lines.size(),
            snapshot.due().size(),
            stats.streakDays(),
            stats.points()));
  }
}
