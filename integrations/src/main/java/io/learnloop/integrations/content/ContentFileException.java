package io.learnloop.integrations.content;

import java.nio.file.Path;

/**
 * A content file that cannot be used. The message reads {@code file:line: problem}, the form
 * editors and CI logs turn into links; line is 0 when the problem concerns the whole file.
 */
public class ContentFileException extends RuntimeException {

  private final transient Path file;
  private final int line;

  public ContentFileException(Path file, int line, String problem) {
    super(line > 0 ? file + ":" + line + ": " + problem : file + ": " + problem);
    this.file = file;
    this.line = line;
  }

  public Path file() {
    return file;
  }

  public int line() {
    return line;
  }
}
