package io.learnloop.dialog.channel;

import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * What the core says, channel-neutral and already in the reader's language. Adapters render it
 * (Block Kit, Adaptive Cards, the web chat); no text here carries channel formatting, numbered
 * choices or links that a renderer would show a second time.
 */
public sealed interface Reply {

  Language language();

  /** Plain text for notifications, screen readers and channels that show no cards. */
  String fallbackText();

  /**
   * An answer from the docs.
   *
   * @param question what was asked, for channels where the asker cannot see their own command
   * @param text the answer with markers [1], [2] that refer to {@code citations} in order
   * @param publicSourcesOnly every cited document is public: the answer may be shared in a channel
   * @param actions feedback, "quiz me on this"
   */
  record Answer(
      Language language,
      String question,
      String text,
      List<Citation> citations,
      boolean abstained,
      boolean publicSourcesOnly,
      List<Action> actions)
      implements Reply {
    public Answer {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(text, "text");
      citations = List.copyOf(citations);
      actions = List.copyOf(actions);
    }

    @Override
    public String fallbackText() {
      return text;
    }
  }

  /**
   * A quiz question: one action per choice.
   *
   * @param cardId unguessable id of this card; choices carry it in their values
   * @param reason why the learner gets this question now
   */
  record QuizQuestion(
      Language language,
      String cardId,
      String reason,
      String stem,
      List<Action> choices,
      Optional<Lesson.Course> course)
      implements Reply {
    public QuizQuestion {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(cardId, "cardId");
      Objects.requireNonNull(reason, "reason");
      Objects.requireNonNull(stem, "stem");
      choices = List.copyOf(choices);
      if (choices.size() < 2) {
        throw new IllegalArgumentException("a quiz question needs at least two choices");
      }
      Objects.requireNonNull(course, "course");
    }

    public QuizQuestion(
        Language language, String cardId, String reason, String stem, List<Action> choices) {
      this(language, cardId, reason, stem, choices, Optional.empty());
    }

    /**
     * The question with an external course offered beside it, for a learner going beyond what the
     * question asks (advanced work, a next role).
     */
    public QuizQuestion offering(Lesson.Course further) {
      return new QuizQuestion(language, cardId, reason, stem, choices, Optional.of(further));
    }

    @Override
    public String fallbackText() {
      return reason + "\n" + stem;
    }
  }

  /**
   * The result of an answer; it replaces its question's card.
   *
   * @param choices the question's choices, to show which was chosen and which is right
   * @param chosen zero-based index of the choice that counted (the first one sent)
   * @param headline "Right!" or "Not quite: the answer is ..."
   * @param note what happened to the answer when it was not simply recorded (a repeat, saved
   *     later); empty otherwise
   * @param readMore the handbook section the question tests
   * @param actions "Next question", a micro-lesson after a miss
   */
  record QuizFeedback(
      Language language,
      String cardId,
      String stem,
      List<String> choices,
      int chosen,
      int correctChoice,
      String headline,
      String explanation,
      String note,
      Citation readMore,
      List<Action> actions)
      implements Reply {
    public QuizFeedback {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(cardId, "cardId");
      Objects.requireNonNull(stem, "stem");
      choices = List.copyOf(choices);
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(note, "note");
      Objects.requireNonNull(readMore, "readMore");
      actions = List.copyOf(actions);
      if (chosen < 0 || chosen >= choices.size() || outOfRange(correctChoice, choices)) {
        throw new IllegalArgumentException("chosen and correct choices must be among the choices");
      }
    }

    private static boolean outOfRange(int index, List<String> choices) {
      return index < 0 || index >= choices.size();
    }

    public boolean right() {
      return chosen == correctChoice;
    }

    @Override
    public String fallbackText() {
      return headline + " " + explanation + (note.isEmpty() ? "" : "\n" + note);
    }
  }

  /**
   * A short handbook section to read before more questions.
   *
   * @param course an external course on the skill offered beside the section, in the reader's
   *     language when the content has one
   */
  record Lesson(
      Language language,
      String intro,
      Citation source,
      List<Action> actions,
      Optional<Course> course)
      implements Reply {
    public Lesson {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(intro, "intro");
      Objects.requireNonNull(source, "source");
      actions = List.copyOf(actions);
      Objects.requireNonNull(course, "course");
    }

    /** A lesson with the handbook section only. */
    public Lesson(Language language, String intro, Citation source, List<Action> actions) {
      this(language, intro, source, actions, Optional.empty());
    }

    /**
     * An external course (an LMS or LinkedIn Learning page).
     *
     * @param url an {@code https://} address
     * @param language the language it is taught in
     */
    public record Course(String title, String url, int minutes, Language language) {
      public Course {
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(language, "language");
      }

      /** "Course: Leave essentials · 20 min", in the reader's language. */
      public String label(Language reader) {
        return Messages.get(reader, "render.course", title, minutes);
      }
    }

    @Override
    public String fallbackText() {
      return intro;
    }
  }

  /** A short message: welcome, help, something unavailable or not allowed, a confirmation. */
  record Notice(Language language, Kind kind, String text, List<Action> actions) implements Reply {

    /** Why the core says it; renderers may style them differently. */
    public enum Kind {
      WELCOME,
      HELP,
      INFO,
      UNAVAILABLE,
      NOT_ALLOWED,
      INVALID
    }

    public Notice {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(kind, "kind");
      Objects.requireNonNull(text, "text");
      actions = List.copyOf(actions);
    }

    public static Notice of(Language language, Kind kind, String text) {
      return new Notice(language, kind, text, List.of());
    }

    @Override
    public String fallbackText() {
      return text;
    }
  }

  /**
   * A learner's settings as a form. A channel with forms (a Slack modal, a Teams card with inputs)
   * shows the fields and sends them back as {@link Input.FormSubmitted} with the names below; any
   * other shows {@link #summary()} with the {@link #quickChanges()} buttons.
   *
   * @param summary the settings in one line, with a lead such as "Saved." when there is one
   * @param quizDays the days of the week the learner takes the daily quiz
   * @param spoken the language LearnLoop speaks to the learner
   * @param nextRole the value of the choice of {@code nextRoles} in force
   * @param nextRoles the roles to choose from, "none" first; empty where there is nothing to choose
   */
  record SettingsForm(
      Language language,
      String summary,
      java.time.LocalTime quizAt,
      java.util.Set<java.time.DayOfWeek> quizDays,
      Language spoken,
      boolean paused,
      List<Action> quickChanges,
      String nextRole,
      List<Choice> nextRoles)
      implements Reply {

    /** One option of a field: what is sent back, and what is shown. */
    public record Choice(String value, String label) {
      public Choice {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(label, "label");
      }
    }

    /** The role the learner works toward: the value of one of {@link #nextRoles()}. */
    public static final String NEXT_ROLE = "next_role";

    /** The quiz's local time, {@code HH:MM}. */
    public static final String TIME = "time";

    /** The quiz days, day names ({@code MONDAY}) separated by commas. */
    public static final String DAYS = "days";

    /** {@code en} or {@code id}. */
    public static final String LANGUAGE = "language";

    /** {@code true} while the daily quiz is paused. */
    public static final String PAUSED = "paused";

    public SettingsForm {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(quizAt, "quizAt");
      quizDays = java.util.Set.copyOf(quizDays);
      Objects.requireNonNull(spoken, "spoken");
      quickChanges = List.copyOf(quickChanges);
      Objects.requireNonNull(nextRole, "nextRole");
      nextRoles = List.copyOf(nextRoles);
    }

    @Override
    public String fallbackText() {
      return summary;
    }
  }

  /**
   * A learner's progress toward their role's targets.
   *
   * @param skills one line per role skill
   */
  record Progress(
      Language language,
      String title,
      List<SkillLine> skills,
      int streakDays,
      long points,
      int reviewsDue,
      String summary)
      implements Reply {

    /**
     * @param mastery the learner model's estimate, 0 to 1
     * @param target the role's target, 0 to 1
     */
    public record SkillLine(String skill, double mastery, double target) {
      public SkillLine {
        Objects.requireNonNull(skill, "skill");
      }
    }

    public Progress {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(title, "title");
      skills = List.copyOf(skills);
      Objects.requireNonNull(summary, "summary");
    }

    @Override
    public String fallbackText() {
      return title + "\n" + summary;
    }
  }

  /**
   * A manager's weekly coaching nudge about their own reports. With no reports it is short: {@code
   * title} and {@code summary} only, every list empty.
   *
   * @param summary the week in one sentence (participation), or the friendly note for a manager
   *     with no reports
   * @param activeReports reports who answered at least one question in the last 7 days
   * @param skills team mastery per skill the reports' roles target, in the roles' order
   * @param weakest the (at most two) skills furthest below target, weakest first
   * @param inactive reports with no answer for 7 days or more, by name
   * @param prompts two or three things to do in a 10-minute conversation
   * @param dashboardPath the dashboard page of these reports on this server, starting with {@code
   *     /} and keeping the nudge's language ({@code /dashboard/teams/<team>?lang=id}); empty for a
   *     manager with no reports
   */
  record ManagerNudge(
      Language language,
      String title,
      String summary,
      int activeReports,
      int reports,
      List<TeamSkill> skills,
      List<WeakSkill> weakest,
      List<InactiveReport> inactive,
      List<String> prompts,
      String dashboardPath)
      implements Reply {

    /**
     * @param mastery the mean of the learner model's estimates over the reports whose role targets
     *     the skill, 0 to 1
     * @param uncertainty the standard deviation of that mean
     * @param target the mean of their roles' targets, 0 to 1
     * @param atTarget reports whose estimate less its uncertainty reaches their target
     * @param learners reports whose role targets the skill
     */
    public record TeamSkill(
        String skill,
        double mastery,
        double uncertainty,
        double target,
        int atTarget,
        int learners) {
      public TeamSkill {
        Objects.requireNonNull(skill, "skill");
        if (atTarget < 0 || atTarget > learners) {
          throw new IllegalArgumentException("at target is 0 to " + learners + ": " + atTarget);
        }
      }
    }

    /**
     * @param mostMissed the skill's questions the reports missed most in the last four weeks
     */
    public record WeakSkill(
        String skill, double mastery, double target, List<MissedItem> mostMissed) {
      public WeakSkill {
        Objects.requireNonNull(skill, "skill");
        mostMissed = List.copyOf(mostMissed);
      }
    }

    /**
     * @param question the item's question as written in the quiz bank
     * @param misses wrong answers to it
     * @param learners reports who answered it wrong at least once
     */
    public record MissedItem(String question, int misses, int learners) {
      public MissedItem {
        Objects.requireNonNull(question, "question");
      }
    }

    /**
     * @param daysInactive whole days since their last answer; empty when they never answered
     */
    public record InactiveReport(String name, OptionalInt daysInactive) {
      public InactiveReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(daysInactive, "daysInactive");
      }
    }

    public ManagerNudge {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(summary, "summary");
      skills = List.copyOf(skills);
      weakest = List.copyOf(weakest);
      inactive = List.copyOf(inactive);
      prompts = List.copyOf(prompts);
      Objects.requireNonNull(dashboardPath, "dashboardPath");
      if (!dashboardPath.isEmpty() && !dashboardPath.startsWith("/dashboard")) {
        throw new IllegalArgumentException("not a dashboard path: " + dashboardPath);
      }
      if (activeReports < 0 || activeReports > reports) {
        throw new IllegalArgumentException("active reports are 0 to " + reports);
      }
    }

    @Override
    public String fallbackText() {
      return title + "\n" + summary;
    }
  }

  /**
   * The reveal of a team round; it replaces the round's card.
   *
   * @param counts how many chose each choice, in the choices' order
   * @param leaderboard the round's answerers with the most points first
   */
  record RoundResult(
      Language language,
      String roundId,
      String stem,
      List<String> choices,
      List<Integer> counts,
      int correctChoice,
      String headline,
      String explanation,
      Citation readMore,
      List<Standing> leaderboard)
      implements Reply {

    /**
     * One answerer's place: renderers name them as their channel does (a Slack mention), never by
     * an internal id.
     *
     * @param learner the learner's key, {@code channel:workspace:user} when they joined through a
     *     channel
     */
    public record Standing(String learner, long points, int streakDays) {
      public Standing {
        Objects.requireNonNull(learner, "learner");
      }

      /** The person as the channel knows them, when the key names one. */
      public Optional<ChannelUser> channelUser() {
        String[] parts = learner.split(":", 3);
        try {
          return parts.length == 3
              ? Optional.of(new ChannelUser(parts[0], parts[1], parts[2]))
              : Optional.empty();
        } catch (IllegalArgumentException e) {
          return Optional.empty();
        }
      }
    }

    public RoundResult {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(roundId, "roundId");
      Objects.requireNonNull(stem, "stem");
      choices = List.copyOf(choices);
      counts = List.copyOf(counts);
      Objects.requireNonNull(headline, "headline");
      Objects.requireNonNull(explanation, "explanation");
      Objects.requireNonNull(readMore, "readMore");
      leaderboard = List.copyOf(leaderboard);
      if (counts.size() != choices.size() || correctChoice < 0 || correctChoice >= choices.size()) {
        throw new IllegalArgumentException("one count per choice, and the right one among them");
      }
    }

    @Override
    public String fallbackText() {
      return headline + " " + explanation;
    }
  }

  /**
   * A question passed to the experts, posted in their conversation where all of them read it: the
   * question, the answer's sources (all of them public, so every expert may open them) and a way
   * back to the asker. An expert's reply in its thread goes back to the asker.
   *
   * @param asker who asked; renderers name them as their channel does (a Slack mention), never by
   *     an internal id
   * @param sources the numbered sources of the bot's answer; empty when it found none
   * @param link opens the asker's message, for experts who may read it; empty when there is none (a
   *     direct conversation)
   */
  record QuestionForExperts(
      Language language, ChannelUser asker, String question, List<Citation> sources, String link)
      implements Reply {
    public QuestionForExperts {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(asker, "asker");
      Objects.requireNonNull(question, "question");
      sources = List.copyOf(sources);
      Objects.requireNonNull(link, "link");
    }

    @Override
    public String fallbackText() {
      return Messages.get(language, "experts.question", question);
    }
  }

  /**
   * An expert's reply to a question the asker passed to the experts, told to the asker.
   *
   * @param expert who replied; renderers name them as their channel does
   * @param text what they wrote, as their channel gave it, shortened
   * @param link opens the reply in the experts' thread (Slack's permalink); empty where the channel
   *     gives none
   */
  record ExpertReplied(
      Language language, ChannelUser expert, String question, String text, String link)
      implements Reply {
    /** Longest reply text carried; the link opens the whole of it. */
    public static final int MAX_TEXT = 1500;

    public ExpertReplied {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(expert, "expert");
      Objects.requireNonNull(question, "question");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(link, "link");
      text = text.strip();
      if (text.length() > MAX_TEXT) {
        text = text.substring(0, MAX_TEXT - 1) + "…";
      }
    }

    @Override
    public String fallbackText() {
      return Messages.get(language, "experts.replied", question) + "\n" + text;
    }
  }

  /**
   * A file for the person alone, e.g. the export of their own data. Renderers serialize {@code
   * document} as JSON.
   *
   * @param fileName what the file is called, e.g. {@code learnloop-export.json}
   * @param document maps, lists, strings, numbers and booleans
   */
  record Export(Language language, String text, String fileName, Map<String, Object> document)
      implements Reply {
    public Export {
      Objects.requireNonNull(language, "language");
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(fileName, "fileName");
      if (!fileName.matches("[A-Za-z0-9._-]{1,100}")) {
        throw new IllegalArgumentException("not a file name: " + fileName);
      }
      document = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(document));
    }

    @Override
    public String fallbackText() {
      return text;
    }
  }
}
