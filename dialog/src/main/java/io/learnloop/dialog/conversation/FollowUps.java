package io.learnloop.dialog.conversation;

import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.ShortDigest;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * Follow-up questions in a thread: "and in Singapore?" after "What is the hotel limit per night in
 * Jakarta?" is searched as both together, since on its own it names nothing the handbook could
 * answer. The questions answered in a thread are kept in the {@link ConversationHistory} under the
 * thread, and under the answer's own message, which becomes the root of a thread when someone
 * replies to it (a Slack DM answer, a Teams reply chain). Channel-neutral: the thread is the one
 * {@link ConversationRef} names.
 *
 * <p>A follow-up is elliptical when it starts with a connective ("and", "what about", "kalau",
 * "bagaimana dengan", ...) and has at most {@link #CONNECTIVE_WORDS} words, or has at most {@link
 * #SHORT_WORDS} words and does not open with a question word of its own ("What is SEV1?" is a new
 * question, "Singapore?" is not). Only questions that stood on their own are kept, so a chain of
 * follow-ups ("and in Singapore?", "and Bali?") each goes with the question they all follow.
 */
public final class FollowUps {

  /** A follow-up of at most this many words, with no question word, leans on the one before. */
  static final int SHORT_WORDS = 4;

  /**
   * A follow-up that opens with a connective has at most this many words: "Kalau sakit, mulai hari
   * keberapa wajib pakai surat dokter?" opens with one ("if") and stands on its own.
   */
  static final int CONNECTIVE_WORDS = 7;

  private static final Logger log = Logger.getLogger(FollowUps.class.getName());
  private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");
  private static final List<String> CONNECTIVES =
      List.of(
          "and ",
          "or ",
          "also ",
          "what about ",
          "how about ",
          "what if ",
          "then ",
          "but ",
          "dan ",
          "atau ",
          "kalau ",
          "kalo ",
          "bagaimana dengan ",
          "gimana dengan ",
          "lalu ",
          "terus ",
          "sedangkan ",
          "juga ",
          "untuk ");
  private static final Set<String> QUESTION_WORDS =
      Set.of(
          "what",
          "how",
          "who",
          "when",
          "where",
          "why",
          "which",
          "can",
          "could",
          "do",
          "does",
          "is",
          "are",
          "should",
          "may",
          "will",
          "apa",
          "apakah",
          "berapa",
          "bagaimana",
          "kapan",
          "siapa",
          "mengapa",
          "kenapa",
          "dimana",
          "bisakah",
          "bolehkah",
          "haruskah");

  private final ConversationHistory history;
  private final Clock clock;

  public FollowUps(ConversationHistory history, Clock clock) {
    this.history = Objects.requireNonNull(history, "history");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /**
   * The question to search for: {@code text}, following the thread's latest question when it is an
   * elliptical follow-up in a thread; {@code text} alone anywhere else, and when the history cannot
   * be read.
   */
  public Question question(ConversationRef where, String text) {
    if (where.thread().isEmpty() || !elliptical(text)) {
      return new Question(text, Optional.empty());
    }
    try {
      // Only questions that stood on their own are kept under a thread: the latest is the one.
      List<ChatTurn> latest = history.latest(threadOf(where, where.thread().get()), 1);
      if (!latest.isEmpty()) {
        return new Question(text, Optional.of(latest.get(0).text()));
      }
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Thread history unavailable; answering the follow-up alone", e);
    }
    return new Question(text, Optional.empty());
  }

  /**
   * Remembers a question answered in {@code where}: a new one under its thread, and the question a
   * reply to the answer's message would follow under that message. A store that is down loses only
   * the context of later follow-ups.
   */
  public void answered(ConversationRef where, Question question, Optional<MessageRef> answer) {
    String standing = question.follows().orElse(question.asked());
    ChatTurn turn = new ChatTurn(Speaker.LEARNER, standing, clock.instant());
    try {
      if (question.follows().isEmpty() && where.thread().isPresent()) {
        history.append(threadOf(where, where.thread().get()), turn);
      }
      if (answer.isPresent() && !where.thread().equals(Optional.of(answer.get().messageId()))) {
        history.append(threadOf(where, answer.get().messageId()), turn);
      }
    } catch (RuntimeException e) {
      log.log(Level.WARNING, "Thread history unavailable; a follow-up will stand alone", e);
    }
  }

  static boolean elliptical(String text) {
    String lower = text.strip().toLowerCase(Locale.ROOT);
    List<String> words = WORD.matcher(lower).results().map(m -> m.group()).toList();
    if (words.isEmpty()) {
      return false;
    }
    if (CONNECTIVES.stream().anyMatch(lower::startsWith)) {
      return words.size() <= CONNECTIVE_WORDS;
    }
    return words.size() <= SHORT_WORDS && !QUESTION_WORDS.contains(words.get(0));
  }

  private static ConversationId threadOf(ConversationRef where, String thread) {
    return new ConversationId("thread:" + ShortDigest.of(where.key() + "/" + thread, 16));
  }

  /**
   * A question as asked, and the earlier question of its thread it follows, if any.
   *
   * @param asked what the person wrote
   * @param follows the thread's question that {@code asked} continues
   */
  public record Question(String asked, Optional<String> follows) {
    public Question {
      Objects.requireNonNull(asked, "asked");
      Objects.requireNonNull(follows, "follows");
    }

    /** What the knowledge base is asked: the question followed, then this one. */
    public String searched() {
      return follows.map(earlier -> earlier + " " + asked).orElse(asked);
    }
  }
}
