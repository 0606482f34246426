package io.learnloop.app.knowledge;

import io.learnloop.knowledge.answer.Answer;
import io.learnloop.knowledge.answer.Citation;
import java.util.List;

/** The JSON of {@code POST /api/ask} and of {@code ask --json}: other tools rely on these names. */
public record AskResponse(String answer, String mode, boolean abstained, List<Citation> citations) {

  public static AskResponse of(Answer answer) {
    return new AskResponse(answer.text(), answer.mode(), answer.abstained(), answer.citations());
  }
}
