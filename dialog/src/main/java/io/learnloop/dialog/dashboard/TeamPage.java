package io.learnloop.dialog.dashboard;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.policy.SkillMastery;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A team's dashboard, in one language: who takes part, mastery per learner and skill, the last
 * weeks' trend and what the content lacks. The same shape serves one learner's own view.
 *
 * @param team the team id; empty for one learner's own view of someone on no team
 * @param rows one per member, by name
 * @param weeks the last {@link TeamDashboards#WEEKS} seven-day weeks, oldest first, the last ending
 *     today
 * @param gaps the team's content gaps, most frequent first; empty on a learner's own view
 * @param hardest the items answered worst in the last four weeks
 */
public record TeamPage(
    String team,
    Overview overview,
    List<SkillColumn> skills,
    List<HeatmapRow> rows,
    List<Week> weeks,
    List<ContentGapCount> gaps,
    List<HardItem> hardest) {

  public TeamPage {
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(overview, "overview");
    skills = List.copyOf(skills);
    rows = List.copyOf(rows);
    weeks = List.copyOf(weeks);
    gaps = List.copyOf(gaps);
    hardest = List.copyOf(hardest);
  }

  /**
   * @param active7 members who answered in the last 7 days
   * @param answers28 answers of all members in the last 28 days
   */
  public record Overview(int members, int active7, int active28, int answers7, int answers28) {}

  /** A column of the heatmap: a skill the members' roles target, named in the page's language. */
  public record SkillColumn(SkillId id, String name) {}

  /**
   * @param cells one per {@link TeamPage#skills() skill}, in that order
   */
  public record HeatmapRow(LearnerId learner, String name, List<Cell> cells) {
    public HeatmapRow {
      cells = List.copyOf(cells);
    }
  }

  /**
   * @param mastery the learner model's estimate; empty where the learner has nothing on this skill
   * @param target the threshold the learner's role sets; empty where it sets none
   */
  public record Cell(Optional<SkillMastery> mastery, OptionalDouble target) {
    /** The estimate's lower bound has reached the role's target. */
    public boolean atTarget() {
      return mastery.isPresent()
          && target.isPresent()
          && mastery.get().lowerBound() >= target.getAsDouble();
    }
  }

  /** Seven days, {@code from} to {@code to}, both included. */
  public record Week(LocalDate from, LocalDate to, int answers, int correct) {
    public OptionalDouble accuracy() {
      return answers == 0 ? OptionalDouble.empty() : OptionalDouble.of((double) correct / answers);
    }
  }

  /**
   * @param source the handbook section the item tests, where the content can be fixed
   */
  public record HardItem(
      ItemId item, String question, int attempts, int correct, String sourceUrl, String source) {
    public double successRate() {
      return (double) correct / attempts;
    }
  }
}
