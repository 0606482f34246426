package io.learnloop.dialog.learning.evaluation;

import java.nio.file.Path;

/** A row of an input file that was skipped, and why. */
public record MalformedRow(Path file, long line, String reason) {

  /** {@code file:line: reason}, the format compilers use, so editors can jump to it. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + reason;
  }
}
