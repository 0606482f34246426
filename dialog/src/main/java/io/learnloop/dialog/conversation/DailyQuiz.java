package io.learnloop.dialog.conversation;

import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.channel.DeliveriesUnavailableException;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.schedule.DailyQuizTimes;
import io.learnloop.dialog.schedule.FanOut;
import io.learnloop.dialog.schedule.QuizCalendar;
import io.learnloop.dialog.schedule.Workdays;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The daily micro-quiz: on workdays, at each learner's quiz time in their own time zone, their next
 * question in their direct conversation on every channel that can write first. A sweep sends what
 * is due; each learner's day is claimed once in the shared delivery store, so two instances, a
 * retried sweep or a restart never send a day's quiz twice.
 */
public final class DailyQuiz {

  /** Learners one sweep takes at most; the rest are due at the next sweep. */
  static final int SWEEP_LIMIT = 5_000;

  /**
   * Learners sent to at once in a sweep. A post Slack or Teams throttles holds its sender for the
   * {@code Retry-After}: with 16 senders, 50 throttled posts of a 1,000-learner sweep took 1.3-1.5
   * times what the limits allow, with 64 they overlap (0.7-0.8 times, docs/BENCHMARKS-SLACK.md).
   * The senders mostly wait on the network; the work they do is the same in total.
   */
  static final int SENDERS = 64;

  private static final Logger log = Logger.getLogger(DailyQuiz.class.getName());
  private static final Duration REMEMBER_DAY = Duration.ofHours(36);

  private final Assistant assistant;
  private final Learners learners;
  private final QuizCalendar calendar;
  private final Deliveries deliveries;
  private final Set<String> channels;
  private final Workdays workdays;

  /**
   * @param channels the channels that can write first (Slack, Teams), in the order tried
   */
  public DailyQuiz(
      Assistant assistant,
      Learners learners,
      QuizCalendar calendar,
      Deliveries deliveries,
      Set<String> channels) {
    this(assistant, learners, calendar, deliveries, channels, Workdays.weekendsOnly());
  }

  /**
   * @param workdays the days a quiz goes out, in each learner's local date
   */
  public DailyQuiz(
      Assistant assistant,
      Learners learners,
      QuizCalendar calendar,
      Deliveries deliveries,
      Set<String> channels,
      Workdays workdays) {
    this.workdays = Objects.requireNonNull(workdays, "workdays");
    this.assistant = Objects.requireNonNull(assistant, "assistant");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.calendar = Objects.requireNonNull(calendar, "calendar");
    this.deliveries = Objects.requireNonNull(deliveries, "deliveries");
    this.channels = Set.copyOf(channels);
  }

  /** The first workday quiz time after {@code after}, in the learner's zone. */
  public static Instant nextSlot(Learner learner, Instant after) {
    return DailyQuizTimes.next(learner, after);
  }

  /** Puts a learner on the calendar for their next quiz time. */
  public static void plan(QuizCalendar calendar, Learner learner, Instant now) {
    calendar.plan(learner.id(), nextSlot(learner, now));
  }

  /**
   * Sends every quiz due at {@code now} and plans each learner's next one.
   *
   * @return how many learners got their quiz
   */
  public int sendDue(Instant now) {
    List<LearnerId> due = calendar.due(now, SWEEP_LIMIT);
    return FanOut.count(due, SENDERS, "daily-quiz", id -> sendTo(id, now));
  }

  private boolean sendTo(LearnerId id, Instant now) {
    Optional<Learner> found = learners.find(id);
    if (found.isEmpty()) {
      calendar.forget(id);
      return false;
    }
    Learner learner = found.get();
    // Planned before a holiday was known or the learner changed their days.
    LocalDate today = now.atZone(learner.timezone()).toLocalDate();
    boolean quizDay =
        workdays.isWorkday(today)
            && learner.preferences().quizDays().contains(today.getDayOfWeek());
    boolean sent =
        quizDay && !learner.preferences().paused() && firstTimeToday(learner, now) && send(learner);
    calendar.plan(id, DailyQuizTimes.next(learner, now, workdays));
    return sent;
  }

  private boolean firstTimeToday(Learner learner, Instant now) {
    LocalDate today = now.atZone(learner.timezone()).toLocalDate();
    String key = "daily-quiz:" + learner.id().value() + ":" + today;
    try {
      return deliveries.claim(key, REMEMBER_DAY);
    } catch (DeliveriesUnavailableException e) {
      // Without the shared store a second instance could send the same quiz: wait for it.
      log.log(Level.WARNING, "Daily quiz of " + learner.id() + " postponed: " + e.getMessage());
      return false;
    }
  }

  private boolean send(Learner learner) {
    List<String> reachable =
        channels.stream().filter(learner.identities()::containsKey).sorted().toList();
    for (String channel : reachable) {
      try {
        if (!assistant.sendNextQuestion(learner, channel).isEmpty()) {
          return true;
        }
      } catch (RuntimeException e) {
        log.log(Level.WARNING, "Daily quiz of " + learner.id() + " not sent on " + channel, e);
      }
    }
    return false;
  }
}
