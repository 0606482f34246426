package io.learnloop.dialog.identity;

import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationReferences;
import io.learnloop.dialog.escalation.Escalations;
import io.learnloop.dialog.escalation.InMemoryEscalations;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.LearnerStats;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.schedule.QuizCalendar;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A person's rights over what LearnLoop keeps about them: a copy of all of it, and its deletion —
 * profile, identities, every recorded answer and what was derived from them, the conversations the
 * bot may write to, the daily quiz plan, the questions they passed to the experts.
 */
public final class Privacy {

  private final Learners learners;
  private final AnswerLog answers;
  private final ConversationReferences references;
  private final QuizCalendar calendar;
  private final Escalations escalations;
  private final Clock clock;

  public Privacy(
      Learners learners,
      AnswerLog answers,
      ConversationReferences references,
      QuizCalendar calendar,
      Clock clock) {
    this(learners, answers, references, calendar, new InMemoryEscalations(clock), clock);
  }

  /**
   * @param escalations the questions the person passed to the experts, forgotten with them
   */
  public Privacy(
      Learners learners,
      AnswerLog answers,
      ConversationReferences references,
      QuizCalendar calendar,
      Escalations escalations,
      Clock clock) {
    this.escalations = Objects.requireNonNull(escalations, "escalations");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.references = Objects.requireNonNull(references, "references");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * Deletes everything about the learner. The profile goes last, so that a failure half way leaves
   * a learner who can ask again, never answers without an owner.
   */
  public void forget(LearnerId learner) {
    learners
        .find(learner)
        .ifPresent(
            known ->
                known
                    .identities()
                    .forEach(
                        (channel, identity) -> {
                          String[] parts = identity.split(":", 2);
                          if (parts.length == 2) {
                            escalations.forget(new ChannelUser(channel, parts[0], parts[1]));
                          }
                        }));
    answers.forget(learner);
    references.forget(learner);
    calendar.forget(learner);
    learners.forget(learner);
  }

  /** Everything kept about the learner, as a document of maps, lists, strings and numbers. */
  public Map<String, Object> export(Learner learner) {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("exported_at", clock.instant().toString());
    Map<String, Object> profile = new LinkedHashMap<>();
    profile.put("id", learner.id().value());
    profile.put("identities", new TreeMap<>(learner.identities()));
    profile.put("role", learner.role().value());
    profile.put("team", learner.team());
    profile.put("manager", learner.manager().map(LearnerId::value).orElse(null));
    profile.put("timezone", learner.timezone().getId());
    profile.put("language", learner.language().code());
    profile.put("daily_quiz_at", learner.preferences().dailyQuizAt().toString());
    profile.put("questions_per_day", learner.preferences().questionsPerDay());
    profile.put("team_rounds", learner.preferences().teamRounds());
    profile.put(
        "quiz_days", learner.preferences().quizDays().stream().sorted().map(Enum::name).toList());
    profile.put("paused", learner.preferences().paused());
    profile.put(
        "next_role",
        learner.preferences().nextRole().map(io.learnloop.dialog.catalog.RoleId::value).orElse(""));
    document.put("learner", profile);
    LearnerStats stats = answers.stats(learner.id());
    Map<String, Object> totals = new LinkedHashMap<>();
    totals.put("points", stats.points());
    totals.put("answers", stats.answers());
    totals.put("correct", stats.correct());
    totals.put("streak_days", stats.streakDays());
    document.put("stats", totals);
    List<Map<String, Object>> answered = new ArrayList<>();
    for (AnswerEvent event : answers.answers(learner.id())) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("id", event.id().value());
      row.put("item", event.item().value());
      row.put("choice", event.choice());
      row.put("correct", event.correct());
      row.put("response_time_ms", event.responseTime().toMillis());
      row.put("at", event.at().toString());
      row.put("context", event.context().name().toLowerCase(java.util.Locale.ROOT));
      answered.add(row);
    }
    document.put("answers", answered);
    document.put(
        "lessons_given",
        learners.lessonsGiven(learner.id()).stream().map(s -> s.value()).sorted().toList());
    return document;
  }
}
