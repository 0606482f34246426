package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.i18n.Language;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A learner's profile.
 *
 * @param identities the learner's user id per chat channel, e.g. {@code slack -> U024BE7LH}; a
 *     channel is lower-case letters, digits and '-', a user id 1 to 200 non-space characters
 * @param team the team whose leaderboard and rounds the learner takes part in; empty for none
 * @param manager who receives the weekly coaching nudge; empty for none
 */
public record Learner(
    LearnerId id,
    Map<String, String> identities,
    RoleId role,
    String team,
    Optional<LearnerId> manager,
    ZoneId timezone,
    Language language,
    Preferences preferences) {

  /**
   * @param dailyQuizAt local time of the daily quiz
   * @param questionsPerDay 1 to 3 questions in the daily quiz
   * @param teamRounds whether to take part in team rounds
   * @param languageChosen the learner chose {@link Learner#language()} themselves: it then wins
   *     over the channel's locale and the language of what they type
   * @param paused the learner paused the daily quiz; they can still ask for questions
   */
  /**
   * @param quizDays the days of the week the learner takes the daily quiz (workdays of the
   *     organisation only, whatever is chosen here)
   * @param nextRole the role the learner chose to work toward; it wins over the roster's {@code
   *     next_role}, and empty leaves that one in force
   */
  public record Preferences(
      LocalTime dailyQuizAt,
      int questionsPerDay,
      boolean teamRounds,
      boolean languageChosen,
      boolean paused,
      Set<DayOfWeek> quizDays,
      Optional<RoleId> nextRole) {

    /** Monday to Friday. */
    public static final Set<DayOfWeek> WEEKDAYS =
        Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));

    public Preferences {
      Objects.requireNonNull(dailyQuizAt, "dailyQuizAt");
      if (questionsPerDay < 1 || questionsPerDay > 3) {
        throw new IllegalArgumentException(
            "questions per day are 1 to 3 but were " + questionsPerDay);
      }
      quizDays = Set.copyOf(quizDays);
      if (quizDays.isEmpty()) {
        throw new IllegalArgumentException("a daily quiz needs at least one day of the week");
      }
      Objects.requireNonNull(nextRole, "nextRole");
    }

    public Preferences(
        LocalTime dailyQuizAt,
        int questionsPerDay,
        boolean teamRounds,
        boolean languageChosen,
        boolean paused,
        Set<DayOfWeek> quizDays) {
      this(
          dailyQuizAt,
          questionsPerDay,
          teamRounds,
          languageChosen,
          paused,
          quizDays,
          Optional.empty());
    }

    public Preferences(
        LocalTime dailyQuizAt,
        int questionsPerDay,
        boolean teamRounds,
        boolean languageChosen,
        boolean paused) {
      this(dailyQuizAt, questionsPerDay, teamRounds, languageChosen, paused, WEEKDAYS);
    }

    public Preferences(
        LocalTime dailyQuizAt, int questionsPerDay, boolean teamRounds, boolean languageChosen) {
      this(dailyQuizAt, questionsPerDay, teamRounds, languageChosen, false);
    }

    public Preferences(LocalTime dailyQuizAt, int questionsPerDay, boolean teamRounds) {
      this(dailyQuizAt, questionsPerDay, teamRounds, false, false);
    }

    public Preferences withQuizAt(LocalTime at) {
      return new Preferences(
          at, questionsPerDay, teamRounds, languageChosen, paused, quizDays, nextRole);
    }

    public Preferences withPaused(boolean pause) {
      return new Preferences(
          dailyQuizAt, questionsPerDay, teamRounds, languageChosen, pause, quizDays, nextRole);
    }

    public Preferences withQuizDays(Set<DayOfWeek> days) {
      return new Preferences(
          dailyQuizAt, questionsPerDay, teamRounds, languageChosen, paused, days, nextRole);
    }

    public Preferences withNextRole(Optional<RoleId> role) {
      return new Preferences(
          dailyQuizAt, questionsPerDay, teamRounds, languageChosen, paused, quizDays, role);
    }

    Preferences withLanguageChosen() {
      return new Preferences(
          dailyQuizAt, questionsPerDay, teamRounds, true, paused, quizDays, nextRole);
    }

    public static Preferences defaults() {
      return new Preferences(LocalTime.of(9, 30), 2, true);
    }
  }

  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern USER = Pattern.compile("\\S{1,200}");

  public Learner {
    Objects.requireNonNull(id, "id");
    identities = Map.copyOf(identities);
    Objects.requireNonNull(role, "role");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(manager, "manager");
    Objects.requireNonNull(timezone, "timezone");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(preferences, "preferences");
    identities.forEach(
        (channel, user) -> {
          if (!CHANNEL.matcher(channel).matches()) {
            throw new IllegalArgumentException(
                "a channel is 1 to 32 lower-case letters, digits or '-' but was '" + channel + "'");
          }
          if (!USER.matcher(user).matches()) {
            throw new IllegalArgumentException(
                "a channel user id is 1 to 200 visible characters but was '" + user + "'");
          }
        });
    if (!team.matches("[A-Za-z0-9._-]{0,80}")) {
      throw new IllegalArgumentException(
          "a team is up to 80 letters, digits, '.', '_' or '-' but was '" + team + "'");
    }
    if (manager.filter(id::equals).isPresent()) {
      throw new IllegalArgumentException("learner '" + id + "' cannot be their own manager");
    }
  }

  /** The same learner known by these channel identities instead. */
  public Learner withIdentities(Map<String, String> changed) {
    return new Learner(id, changed, role, team, manager, timezone, language, preferences);
  }

  /** This learner with the role, team and manager a roster (the HR export, a profile) gives. */
  public Learner withPlacement(RoleId newRole, String newTeam, Optional<LearnerId> newManager) {
    return new Learner(
        id, identities, newRole, newTeam, newManager, timezone, language, preferences);
  }

  public Learner withPreferences(Preferences changed) {
    return new Learner(id, identities, role, team, manager, timezone, language, changed);
  }

  /** The learner's own choice of language, which then wins over the channel's locale. */
  public Learner withLanguageChosen(Language chosen) {
    return new Learner(
        id, identities, role, team, manager, timezone, chosen, preferences.withLanguageChosen());
  }
}
