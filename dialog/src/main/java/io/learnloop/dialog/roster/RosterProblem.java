package io.learnloop.dialog.roster;

import java.util.Objects;

/**
 * Something wrong with one row of a roster file.
 *
 * @param rejected the row was not imported; otherwise it was imported without the faulty part
 */
public record RosterProblem(String file, int line, String problem, boolean rejected) {

  public RosterProblem {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(problem, "problem");
  }

  /** {@code file:line: problem}, as every content problem is reported. */
  @Override
  public String toString() {
    return file + ":" + line + ": " + problem;
  }
}
