package io.learnloop.dialog.channel;

/** The store of conversation references cannot be reached. */
public final class ConversationReferencesUnavailableException extends RuntimeException {
  public ConversationReferencesUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
