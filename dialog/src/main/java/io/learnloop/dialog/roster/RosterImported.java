package io.learnloop.dialog.roster;

import java.util.List;

/**
 * What an import did.
 *
 * @param imported rows on the roster now
 * @param problems every problem by line, the file's order
 */
public record RosterImported(String file, int rows, int imported, List<RosterProblem> problems) {

  public RosterImported {
    problems = List.copyOf(problems);
  }

  public long rejected() {
    return problems.stream()
        .filter(RosterProblem::rejected)
        .map(RosterProblem::line)
        .distinct()
        .count();
  }
}
