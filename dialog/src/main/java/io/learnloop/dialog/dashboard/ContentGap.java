package io.learnloop.dialog.dashboard;

import java.time.Instant;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A sign that the handbook is missing something: a question the knowledge base could not answer, or
 * an answer its reader marked "Not helpful".
 *
 * @param team the asker's team id; empty for someone on no team
 * @param subject the question as asked, or the documents the unhelpful answer cited (comma
 *     separated); whitespace collapsed, at most {@link #MAX_SUBJECT} characters
 */
public record ContentGap(Kind kind, String team, String subject, Instant at) {

  public static final int MAX_SUBJECT = 300;
  private static final Pattern SPACES = Pattern.compile("\\s+");
  private static final Pattern TEAM = Pattern.compile("[A-Za-z0-9._-]{0,120}");

  /** What showed the gap. */
  public enum Kind {
    UNANSWERED,
    NOT_HELPFUL
  }

  public ContentGap {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(team, "team");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(at, "at");
    if (!TEAM.matcher(team).matches()) {
      throw new IllegalArgumentException("not a team id: '" + team + "'");
    }
    subject = SPACES.matcher(subject).replaceAll(" ").strip();
    if (subject.length() > MAX_SUBJECT) {
      subject = subject.substring(0, MAX_SUBJECT);
    }
    if (subject.isEmpty()) {
      throw new IllegalArgumentException("a content gap needs a subject");
    }
  }
}
