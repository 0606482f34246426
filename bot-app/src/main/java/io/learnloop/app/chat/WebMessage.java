package io.learnloop.app.chat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * A reply as the web chat page shows it: one JSON object per message, its parts by kind. The page
 * draws choices once, as buttons, and replaces a message when one with the same id comes again.
 *
 * @param id the message id; a later message with the same id replaces it
 * @param kind {@code answer}, {@code quiz}, {@code feedback}, {@code lesson}, {@code notice},
 *     {@code progress}, {@code file}, {@code nudge}
 * @param onlyYou shown only to the person, in a channel others read
 * @param noticeKind for a notice: {@code welcome}, {@code help}, {@code info}, {@code unavailable},
 *     {@code not_allowed}, {@code invalid}
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record WebMessage(
    String id,
    String kind,
    String language,
    String text,
    Boolean abstained,
    Boolean onlyYou,
    List<Source> citations,
    List<Button> actions,
    Quiz quiz,
    Feedback feedback,
    Progress progress,
    String noticeKind,
    File file,
    Nudge nudge) {

  /** A numbered source: "Document title › Section". */
  record Source(
      int number, String label, String title, String section, String url, String source) {}

  record Button(String id, String value, String label, String style) {}

  /** A file to download: its name and its JSON text. */
  record File(String name, String content) {}

  record Quiz(String cardId, String reason, String stem) {}

  record Feedback(
      String stem,
      List<String> choices,
      int chosen,
      int correct,
      boolean right,
      String headline,
      String explanation,
      String note,
      Source readMore) {}

  record Progress(String title, List<Skill> skills, int streakDays, long points, int reviewsDue) {
    record Skill(String name, double mastery, double target) {}
  }

  /**
   * A manager's weekly nudge: the team's skills as bars, then each list under its heading, every
   * line already written in the reader's language.
   */
  record Nudge(
      String title,
      String summary,
      int activeReports,
      int reports,
      List<Skill> skills,
      List<Section> sections) {
    record Skill(
        String name,
        double mastery,
        double uncertainty,
        double target,
        int atTarget,
        int learners,
        String label) {}

    record Section(String heading, List<String> lines) {}
  }
}
