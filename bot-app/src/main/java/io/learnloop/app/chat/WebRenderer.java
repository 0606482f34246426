package io.learnloop.app.chat;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Reply;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

/** Renders the core's replies for the web chat page; the only place that knows its format. */
final class WebRenderer {

  private WebRenderer() {}

  static WebMessage render(String id, Outgoing outgoing) {
    Reply reply = outgoing.reply();
    Boolean onlyYou = outgoing.audience().onlyUser().isPresent() ? Boolean.TRUE : null;
    String language = reply.language().code();
    if (reply instanceof Reply.Answer answer) {
      return new WebMessage(
          id,
          "answer",
          language,
          answer.text(),
          answer.abstained(),
          onlyYou,
          sources(answer.citations()),
          buttons(answer.actions()),
          null,
          null,
          null,
          null);
    }
    if (reply instanceof Reply.QuizQuestion question) {
      return new WebMessage(
          id,
          "quiz",
          language,
          question.fallbackText(),
          null,
          onlyYou,
          null,
          buttons(question.choices()),
          new WebMessage.Quiz(question.cardId(), question.reason(), question.stem()),
          null,
          null,
          null);
    }
    if (reply instanceof Reply.QuizFeedback feedback) {
      return new WebMessage(
          id,
          "feedback",
          language,
          feedback.fallbackText(),
          null,
          onlyYou,
          null,
          buttons(feedback.actions()),
          null,
          new WebMessage.Feedback(
              feedback.stem(),
              feedback.choices(),
              feedback.chosen(),
              feedback.correctChoice(),
              feedback.right(),
              feedback.headline(),
              feedback.explanation(),
              feedback.note(),
              source(1, feedback.readMore())),
          null,
          null);
    }
    if (reply instanceof Reply.Lesson lesson) {
      return new WebMessage(
          id,
          "lesson",
          language,
          lesson.intro(),
          null,
          onlyYou,
          List.of(source(1, lesson.source())),
          buttons(lesson.actions()),
          null,
          null,
          null,
          null);
    }
    if (reply instanceof Reply.Notice notice) {
      return new WebMessage(
          id,
          "notice",
          language,
          notice.text(),
          null,
          onlyYou,
          null,
          buttons(notice.actions()),
          null,
          null,
          null,
          notice.kind().name().toLowerCase(Locale.ROOT));
    }
    if (reply instanceof Reply.RoundResult round) {
      return new WebMessage(
          id,
          "round-result",
          language,
          round.fallbackText() + "\n" + String.join("\n", round.leaderboard()),
          null,
          onlyYou,
          List.of(source(1, round.readMore())),
          null,
          null,
          null,
          null,
          null);
    }
    Reply.Progress progress = (Reply.Progress) reply;
    return new WebMessage(
        id,
        "progress",
        language,
        progress.summary(),
        null,
        onlyYou,
        null,
        null,
        null,
        null,
        new WebMessage.Progress(
            progress.title(),
            progress.skills().stream()
                .map(s -> new WebMessage.Progress.Skill(s.skill(), s.mastery(), s.target()))
                .toList(),
            progress.streakDays(),
            progress.points(),
            progress.reviewsDue()),
        null);
  }

  private static List<WebMessage.Source> sources(List<Citation> citations) {
    return IntStream.range(0, citations.size())
        .mapToObj(i -> source(i + 1, citations.get(i)))
        .toList();
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
