package io.learnloop.dialog.conversation;

import io.learnloop.dialog.quiz.AnswerQuestion;
import io.learnloop.dialog.quiz.AskNextQuestion;
import io.learnloop.dialog.quiz.JustInTimePractice;
import io.learnloop.dialog.quiz.ShowProgress;
import io.learnloop.dialog.quiz.TeamRounds;
import java.util.Objects;

/** The quiz use cases the assistant offers when there is quiz content. */
public record Quizzing(
    AskNextQuestion ask,
    AnswerQuestion answer,
    JustInTimePractice justInTime,
    ShowProgress progress,
    TeamRounds rounds) {
  public Quizzing {
    Objects.requireNonNull(ask, "ask");
    Objects.requireNonNull(answer, "answer");
    Objects.requireNonNull(justInTime, "justInTime");
    Objects.requireNonNull(progress, "progress");
    Objects.requireNonNull(rounds, "rounds");
  }
}
