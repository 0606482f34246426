package io.learnloop.app.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Messages;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Renders the core's replies for the web chat page; the only place that knows its format. */
final class WebRenderer {

  private static final ObjectMapper EXPORT_JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private WebRenderer() {}

  static WebMessage render(String id, Outgoing outgoing) {
    Reply reply = outgoing.reply();
    Draft m = new Draft(id, reply.language().code());
    m.onlyYou = outgoing.audience().onlyUser().isPresent() ? Boolean.TRUE : null;
    m.text = reply.fallbackText();
    if (reply instanceof Reply.Answer answer) {
      m.kind = "answer";
      m.text = answer.text();
      m.abstained = answer.abstained();
      m.citations = sources(answer.citations());
      m.actions = buttons(answer.actions());
    } else if (reply instanceof Reply.QuizQuestion question) {
      m.kind = "quiz";
      m.actions = buttons(question.choices());
      m.quiz = new WebMessage.Quiz(question.cardId(), question.reason(), question.stem());
      m.citations =
          question
              .course()
              .map(course -> List.of(courseSource(1, course, question.language())))
              .orElse(List.of());
    } else if (reply instanceof Reply.QuizFeedback feedback) {
      m.kind = "feedback";
      m.actions = buttons(feedback.actions());
      m.feedback =
          new WebMessage.Feedback(
              feedback.stem(),
              feedback.choices(),
              feedback.chosen(),
              feedback.correctChoice(),
              feedback.right(),
              feedback.headline(),
              feedback.explanation(),
              feedback.note(),
              source(1, feedback.readMore()));
    } else if (reply instanceof Reply.Lesson lesson) {
      m.kind = "lesson";
      m.citations =
          lesson
              .course()
              .map(
                  course ->
                      List.of(
                          source(1, lesson.source()), courseSource(2, course, lesson.language())))
              .orElse(List.of(source(1, lesson.source())));
      m.actions = buttons(lesson.actions());
    } else if (reply instanceof Reply.Notice notice) {
      m.kind = "notice";
      m.actions = buttons(notice.actions());
      m.noticeKind = notice.kind().name().toLowerCase(Locale.ROOT);
    } else if (reply instanceof Reply.SettingsForm form) {
      // The web chat shows the quick changes; its page has no form of its own (yet).
      m.kind = "notice";
      m.actions = buttons(form.quickChanges());
      m.noticeKind = "info";
    } else if (reply instanceof Reply.RoundResult round) {
      m.kind = "round-result";
      m.text =
          round.fallbackText()
              + round.leaderboard().stream()
                  .map(
                      standing ->
                          "\n"
                              + Messages.get(
                                  round.language(),
                                  "render.standing",
                                  Messages.get(round.language(), "render.teammate"),
                                  standing.points(),
                                  standing.streakDays()))
                  .collect(java.util.stream.Collectors.joining());
      m.citations = List.of(source(1, round.readMore()));
    } else if (reply instanceof Reply.Export export) {
      m.kind = "file";
      m.file = new WebMessage.File(export.fileName(), json(export.document()));
    } else if (reply instanceof Reply.ManagerNudge nudge) {
      m.kind = "nudge";
      m.text = nudge.summary();
      m.nudge = WebNudges.render(nudge);
    } else if (reply instanceof Reply.QuestionForExperts || reply instanceof Reply.ExpertReplied) {
      // The web chat has no experts' conversation: it never offers "Ask a person", so these reach
      // it only as text.
      m.kind = "notice";
      m.noticeKind = "info";
    } else if (reply instanceof Reply.Progress progress) {
      m.kind = "progress";
      m.text = progress.summary();
      m.progress =
          new WebMessage.Progress(
              progress.title(),
              progress.skills().stream()
                  .map(s -> new WebMessage.Progress.Skill(s.skill(), s.mastery(), s.target()))
                  .toList(),
              progress.streakDays(),
              progress.points(),
              progress.reviewsDue());
    }
    return m.done();
  }

  /** The parts of one message while it is drawn; absent parts stay out of the JSON. */
  private static final class Draft {
    final String id;
    final String language;
    String kind;
    String text;
    Boolean abstained;
    Boolean onlyYou;
    List<WebMessage.Source> citations;
    List<WebMessage.Button> actions;
    WebMessage.Quiz quiz;
    WebMessage.Feedback feedback;
    WebMessage.Progress progress;
    String noticeKind;
    WebMessage.File file;
    WebMessage.Nudge nudge;

    Draft(String id, String language) {
      this.id = id;
      this.language = language;
    }

    WebMessage done() {
      return new WebMessage(
          id,
          kind,
          language,
          text,
          abstained,
          onlyYou,
          citations,
          actions,
          quiz,
          feedback,
          progress,
          noticeKind,
          file,
          nudge);
    }
  }

  private static String json(Object document) {
    try {
      return EXPORT_JSON.writeValueAsString(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("an export document that is not JSON", e);
    }
  }

  private static List<WebMessage.Source> sources(List<Citation> citations) {
    return IntStream.range(0, citations.size())
        .mapToObj(i -> source(i + 1, citations.get(i)))
        .toList();
  }

  private static WebMessage.Source courseSource(
      int number, Reply.Lesson.Course course, io.learnloop.dialog.i18n.Language reader) {
    return source(number, new Citation(course.url(), course.label(reader), "", course.url(), 1));
  }

  static WebMessage.Source source(int number, Citation citation) {
    String title = citation.title().isBlank() ? citation.source() : citation.title();
    String label = citation.section().isBlank() ? title : title + " › " + citation.section();
    return new WebMessage.Source(
        number, label, title, citation.section(), citation.url(), citation.source());
  }

  private static List<WebMessage.Button> buttons(List<Action> actions) {
    return actions.stream()
        .map(
            a ->
                new WebMessage.Button(
                    a.id(), a.value(), a.label(), a.style().name().toLowerCase(Locale.ROOT)))
        .toList();
  }
}
