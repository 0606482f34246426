package io.learnloop.dialog.identity;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.schedule.DailyQuizTimes;
import io.learnloop.dialog.schedule.QuizCalendar;
import java.time.Clock;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A learner's own settings, changed with buttons on any channel: the daily quiz's time, its pause,
 * and the language LearnLoop speaks to them.
 */
public final class Settings {

  /** Choose the language; value {@code en} or {@code id}. */
  public static final String LANGUAGE = "settings.language";

  /** Choose the daily quiz's local time; value {@code HH:MM}. */
  public static final String TIME = "settings.time";

  /** Pause or resume the daily quiz; value {@code on} (paused) or {@code off}. */
  public static final String PAUSE = "settings.pause";

  static final List<LocalTime> TIMES =
      List.of(LocalTime.of(8, 0), LocalTime.of(9, 30), LocalTime.of(13, 0), LocalTime.of(16, 0));

  private final Learners learners;
  private final QuizCalendar calendar;
  private final Clock clock;

  public Settings(Learners learners, QuizCalendar calendar, Clock clock) {
    this.learners = Objects.requireNonNull(learners, "learners");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public static boolean handles(String actionId) {
    return actionId.equals(LANGUAGE) || actionId.equals(TIME) || actionId.equals(PAUSE);
  }

  /** The learner's settings with buttons to change them. */
  public Reply.Notice show(Learner learner, Language language, String lead) {
    Learner.Preferences p = learner.preferences();
    String summary =
        Messages.get(
            language,
            "settings.summary",
            p.dailyQuizAt().toString(),
            learner.timezone().getId(),
            Messages.get(language, p.paused() ? "settings.quiz-paused" : "settings.quiz-on"),
            name(learner.language()));
    List<Action> actions = new ArrayList<>();
    Language other =
        learner.language() == Language.ENGLISH ? Language.INDONESIAN : Language.ENGLISH;
    actions.add(Action.of(LANGUAGE, other.code(), name(other)));
    for (LocalTime time : TIMES) {
      if (!time.equals(p.dailyQuizAt())) {
        actions.add(
            Action.of(TIME, time.toString(), Messages.get(language, "settings.time-button", time)));
      }
    }
    actions.add(
        p.paused()
            ? new Action(
                PAUSE,
                "off",
                Messages.get(language, "settings.resume-button"),
                Action.Style.PRIMARY)
            : Action.of(PAUSE, "on", Messages.get(language, "settings.pause-button")));
    String text = lead.isEmpty() ? summary : lead + "\n" + summary;
    return new Reply.Notice(language, Reply.Notice.Kind.INFO, text, actions);
  }

  /**
   * Applies one button's change and saves it.
   *
   * @return the learner as changed; empty for a value no button carries
   */
  public Optional<Learner> apply(Learner learner, String actionId, String value) {
    Learner changed;
    switch (actionId) {
      case LANGUAGE -> {
        if (!value.equals("en") && !value.equals("id")) {
          return Optional.empty();
        }
        changed = learner.withLanguageChosen(Language.fromCode(value));
      }
      case TIME -> {
        LocalTime at;
        try {
          at = LocalTime.parse(value);
        } catch (DateTimeParseException e) {
          return Optional.empty();
        }
        changed = learner.withPreferences(learner.preferences().withQuizAt(at));
      }
      case PAUSE -> {
        if (!value.equals("on") && !value.equals("off")) {
          return Optional.empty();
        }
        changed = learner.withPreferences(learner.preferences().withPaused(value.equals("on")));
      }
      default -> {
        return Optional.empty();
      }
    }
    learners.save(changed);
    calendar.plan(changed.id(), DailyQuizTimes.next(changed, clock.instant()));
    return Optional.of(changed);
  }

  private static String name(Language language) {
    return language == Language.ENGLISH ? "English" : "Bahasa Indonesia";
  }
}
