package io.learnloop.dialog.learning;

/** An answer could not be written to the {@link AnswerJournal}. */
public class AnswerJournalException extends RuntimeException {

  public AnswerJournalException(String message, Throwable cause) {
    super(message, cause);
  }
}
