package io.learnloop.knowledge.answer;

import java.util.List;
import java.util.Objects;

/**
 * The answer to a question.
 *
 * @param mode {@code extractive} (passages from the docs) or {@code llm} (written by a language
 *     model from the same passages)
 * @param language {@code en} or {@code id}: the question's language, which the answer's own words
 *     use
 * @param unsure whether the text says the docs may not answer exactly this question
 */
public record Answer(
    String text,
    String mode,
    boolean abstained,
    List<Citation> citations,
    String language,
    boolean unsure) {

  public static final String EXTRACTIVE = "extractive";
  public static final String LLM = "llm";

  public Answer {
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(mode, "mode");
    citations = List.copyOf(citations);
    Objects.requireNonNull(language, "language");
  }

  /** An answer given without reservation (or an abstention). */
  public Answer(
      String text, String mode, boolean abstained, List<Citation> citations, String language) {
    this(text, mode, abstained, citations, language, false);
  }
}
