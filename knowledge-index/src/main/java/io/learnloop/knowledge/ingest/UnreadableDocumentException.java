package io.learnloop.knowledge.ingest;

/** A document that cannot be indexed (binary, corrupt, not UTF-8); the message names it. */
public class UnreadableDocumentException extends Exception {

  public UnreadableDocumentException(String message) {
    super(message);
  }

  public UnreadableDocumentException(String message, Throwable cause) {
    super(message, cause);
  }
}
