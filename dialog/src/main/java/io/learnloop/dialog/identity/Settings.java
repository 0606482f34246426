package io.learnloop.dialog.identity;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.schedule.DailyQuizTimes;
import io.learnloop.dialog.schedule.QuizCalendar;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A learner's own settings, changed with buttons on any channel: the daily quiz's time, its pause,
 * the language LearnLoop speaks to them, and the next role they work toward.
 */
public final class Settings {

  /** Choose the language; value {@code en} or {@code id}. */
  public static final String LANGUAGE = "settings.language";

  /** Choose the daily quiz's local time; value {@code HH:MM}. */
  public static final String TIME = "settings.time";

  /** Pause or resume the daily quiz; value {@code on} (paused) or {@code off}. */
  public static final String PAUSE = "settings.pause";

  /**
   * Choose the next role to work toward; value a role id, {@link #NO_NEXT_ROLE}, or empty to list
   * the roles to choose from.
   */
  public static final String NEXT_ROLE = "settings.next-role";

  /** The value of {@link #NEXT_ROLE} that clears the learner's choice. */
  public static final String NO_NEXT_ROLE = "-";

  /**
   * Show every setting as a form, for a channel that opens forms from a button (a Slack modal needs
   * the press's trigger); no value.
   */
  public static final String OPEN = "settings.open";

  static final List<LocalTime> TIMES =
      List.of(LocalTime.of(8, 0), LocalTime.of(9, 30), LocalTime.of(13, 0), LocalTime.of(16, 0));

  private final Learners learners;
  private final QuizCalendar calendar;
  private final Clock clock;
  private final Catalog catalog;

  /**
   * @param catalog the roles a learner may choose to work toward
   */
  public Settings(Learners learners, QuizCalendar calendar, Clock clock, Catalog catalog) {
    this.learners = Objects.requireNonNull(learners, "learners");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.catalog = Objects.requireNonNull(catalog, "catalog");
  }

  public static boolean handles(String actionId) {
    return actionId.equals(LANGUAGE)
        || actionId.equals(TIME)
        || actionId.equals(PAUSE)
        || actionId.equals(NEXT_ROLE)
        || actionId.equals(OPEN);
  }

  /**
   * The learner's settings as a form, with the buttons of {@link #show} for channels without forms.
   */
  public Reply.SettingsForm form(Learner learner, Language language, String lead) {
    Reply.Notice buttons = show(learner, language, lead);
    Learner.Preferences p = learner.preferences();
    List<Reply.SettingsForm.Choice> roles = new ArrayList<>();
    roles.add(
        new Reply.SettingsForm.Choice(
            NO_NEXT_ROLE, Messages.get(language, "settings.next-role-none")));
    nextRoles(learner)
        .forEach(
            role ->
                roles.add(new Reply.SettingsForm.Choice(role.id().value(), name(role, language))));
    return new Reply.SettingsForm(
        language,
        buttons.text(),
        p.dailyQuizAt(),
        p.quizDays(),
        learner.language(),
        p.paused(),
        buttons.actions(),
        p.nextRole().map(RoleId::value).orElse(NO_NEXT_ROLE),
        roles);
  }

  /** The roles the learner may work toward, with a button each, and one to choose none. */
  public Reply.Notice nextRoleChoices(Learner learner, Language language) {
    List<Action> actions = new ArrayList<>();
    Optional<RoleId> chosen = learner.preferences().nextRole();
    for (Role role : nextRoles(learner)) {
      actions.add(
          new Action(
              NEXT_ROLE,
              role.id().value(),
              name(role, language),
              chosen.filter(role.id()::equals).isPresent()
                  ? Action.Style.PRIMARY
                  : Action.Style.DEFAULT));
    }
    if (chosen.isPresent()) {
      actions.add(
          Action.of(NEXT_ROLE, NO_NEXT_ROLE, Messages.get(language, "settings.next-role-none")));
    }
    return new Reply.Notice(
        language,
        Reply.Notice.Kind.INFO,
        Messages.get(language, "settings.next-role-choose"),
        actions);
  }

  // Every role but the learner's own, in the content file's order.
  private List<Role> nextRoles(Learner learner) {
    return catalog.roles().stream().filter(role -> !role.id().equals(learner.role())).toList();
  }

  private static String name(Role role, Language language) {
    return role.name().in(language);
  }

  // A role the learner may choose: one of the catalog's, not their own; empty for any other value.
  private Optional<RoleId> chosenRole(Learner learner, String value) {
    RoleId id;
    try {
      id = new RoleId(value);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    return catalog.role(id).filter(role -> !role.id().equals(learner.role())).map(Role::id);
  }

  /** What a submitted form changes, or why it cannot. */
  public sealed interface Submitted {
    /** Saved: the learner as changed. */
    record Saved(Learner learner) implements Submitted {}

    /** Nothing saved; {@code problem} is a message key saying which field is wrong. */
    record Refused(String problem) implements Submitted {}
  }

  /**
   * Applies a submitted settings form: every field it has, checked here, whatever the channel let
   * the person pick; a field it lacks keeps its value.
   */
  public Submitted submit(Learner learner, Map<String, String> values) {
    Learner.Preferences p = learner.preferences();
    LocalTime at = p.dailyQuizAt();
    if (values.containsKey(Reply.SettingsForm.TIME)) {
      try {
        at = LocalTime.parse(values.get(Reply.SettingsForm.TIME).strip()).withSecond(0).withNano(0);
      } catch (DateTimeParseException e) {
        return new Submitted.Refused("settings.bad-time");
      }
    }
    Set<DayOfWeek> days = p.quizDays();
    if (values.containsKey(Reply.SettingsForm.DAYS)) {
      try {
        days =
            Arrays.stream(values.get(Reply.SettingsForm.DAYS).split(","))
                .map(String::strip)
                .filter(day -> !day.isEmpty())
                .map(day -> DayOfWeek.valueOf(day.toUpperCase(Locale.ROOT)))
                .collect(Collectors.toUnmodifiableSet());
      } catch (IllegalArgumentException e) {
        return new Submitted.Refused("settings.bad-days");
      }
      if (days.isEmpty()) {
        return new Submitted.Refused("settings.bad-days");
      }
    }
    Learner changed = learner;
    if (values.containsKey(Reply.SettingsForm.LANGUAGE)) {
      String code = values.get(Reply.SettingsForm.LANGUAGE).strip();
      if (!code.equals("en") && !code.equals("id")) {
        return new Submitted.Refused("settings.bad-language");
      }
      if (Language.fromCode(code) != learner.language() || !p.languageChosen()) {
        changed = changed.withLanguageChosen(Language.fromCode(code));
      }
    }
    boolean paused =
        values.containsKey(Reply.SettingsForm.PAUSED)
            ? Boolean.parseBoolean(values.get(Reply.SettingsForm.PAUSED).strip())
            : p.paused();
    Optional<RoleId> nextRole = p.nextRole();
    if (values.containsKey(Reply.SettingsForm.NEXT_ROLE)) {
      String value = values.get(Reply.SettingsForm.NEXT_ROLE).strip();
      if (value.isEmpty() || value.equals(NO_NEXT_ROLE)) {
        nextRole = Optional.empty();
      } else {
        nextRole = chosenRole(learner, value);
        if (nextRole.isEmpty()) {
          return new Submitted.Refused("settings.bad-next-role");
        }
      }
    }
    changed =
        changed.withPreferences(
            changed
                .preferences()
                .withQuizAt(at)
                .withQuizDays(days)
                .withPaused(paused)
                .withNextRole(nextRole));
    return new Submitted.Saved(saved(changed));
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
            learner.language().nativeName(),
            days(p.quizDays(), language));
    Optional<Role> nextRole = p.nextRole().flatMap(catalog::role);
    if (nextRole.isPresent()) {
      summary +=
          " · " + Messages.get(language, "settings.next-role-line", name(nextRole.get(), language));
    }
    List<Action> actions = new ArrayList<>();
    Language other =
        learner.language() == Language.ENGLISH ? Language.INDONESIAN : Language.ENGLISH;
    actions.add(Action.of(LANGUAGE, other.code(), other.nativeName()));
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
    if (!nextRoles(learner).isEmpty()) {
      actions.add(Action.of(NEXT_ROLE, "", Messages.get(language, "settings.next-role-button")));
    }
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
      case NEXT_ROLE -> {
        Optional<RoleId> role;
        if (value.equals(NO_NEXT_ROLE)) {
          role = Optional.empty();
        } else {
          role = chosenRole(learner, value);
          if (role.isEmpty()) {
            return Optional.empty();
          }
        }
        changed = learner.withPreferences(learner.preferences().withNextRole(role));
      }
      default -> {
        return Optional.empty();
      }
    }
    return Optional.of(saved(changed));
  }

  // A changed quiz time or day moves the next quiz.
  private Learner saved(Learner changed) {
    learners.save(changed);
    calendar.plan(changed.id(), DailyQuizTimes.next(changed, clock.instant()));
    return changed;
  }

  private static String days(Set<DayOfWeek> days, Language language) {
    if (days.equals(Learner.Preferences.WEEKDAYS)) {
      return Messages.get(language, "settings.days-weekdays");
    }
    if (days.size() == DayOfWeek.values().length) {
      return Messages.get(language, "settings.days-every");
    }
    return days.stream()
        .sorted()
        .map(day -> day.getDisplayName(TextStyle.SHORT, language.locale()))
        .collect(Collectors.joining(", "));
  }
}
