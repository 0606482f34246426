package io.learnloop.dialog.learning;

/**
 * The answer store is unavailable and the {@link AnswerRecorder} already keeps as many answers as
 * it may: this answer was not recorded and not kept. Recording it again later is safe.
 */
public final class AnswersNotKeptException extends AnswerLogUnavailableException {

  public AnswersNotKeptException(String message) {
    super(message, null);
  }
}
