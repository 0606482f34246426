package io.learnloop.knowledge;

/** A docs folder that cannot be used; the message names the folder and what is wrong. */
public class DocsFolderException extends RuntimeException {

  public DocsFolderException(String message) {
    super(message);
  }
}
