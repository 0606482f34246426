package io.learnloop.app.chat;

import static org.assertj.core.api.Assertions.assertThat;

import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebRendererCourseTest {

  @Test
  void should_carry_the_course_offered_beside_a_question_as_its_link() {
    Reply.QuizQuestion question =
        new Reply.QuizQuestion(
                Language.ENGLISH,
                "card1",
                "Toward your next role, Risk analyst: Phishing.",
                "Which sender is genuine?",
                List.of(
                    Action.of("quiz.choice", "card1.1", "a"),
                    Action.of("quiz.choice", "card1.2", "b")))
            .offering(
                new Reply.Lesson.Course(
                    "Spotting phishing",
                    "https://lms.example.com/phishing-101",
                    15,
                    Language.ENGLISH));

    WebMessage message = WebRenderer.render("m-1", Outgoing.toEveryone(question));
    WebMessage plain =
        WebRenderer.render(
            "m-2",
            Outgoing.toEveryone(
                new Reply.QuizQuestion(
                    Language.ENGLISH, "card2", "", "Stem?", question.choices())));

    assertThat(message.citations())
        .singleElement()
        .satisfies(
            course -> {
              assertThat(course.label()).isEqualTo("Course: Spotting phishing · 15 min");
              assertThat(course.url()).isEqualTo("https://lms.example.com/phishing-101");
            });
    assertThat(plain.citations()).isEmpty();
  }
}
