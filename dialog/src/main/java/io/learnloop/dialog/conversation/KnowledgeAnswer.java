package io.learnloop.dialog.conversation;

import io.learnloop.dialog.channel.Citation;
import java.util.List;
import java.util.Objects;

/**
 * What the knowledge base says to a question.
 *
 * @param text the answer, with markers [1], [2] that refer to {@code citations} in order
 * @param abstained true when the docs hold no good evidence and the text says so
 */
public record KnowledgeAnswer(String text, boolean abstained, List<Citation> citations) {

  public KnowledgeAnswer {
    Objects.requireNonNull(text, "text");
    citations = List.copyOf(citations);
  }
}
