package io.learnloop.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;

/**
 * Turns a table into lines a person can read on their own: each body row becomes one line that
 * names every cell by its column header ("Kota: Singapura · Batas per malam: SGD 250"), so that a
 * row quoted alone, or chunked away from the header, still says what its numbers are. A table whose
 * header has an empty first cell is a matrix: its rows open with their label instead.
 */
final class TableRows {

  /** Separates the cells of one row; never a character that table cells use. */
  static final String CELL_SEPARATOR = " · ";

  private TableRows() {}

  /**
   * @param header the column headers, possibly empty (a table without a header row) or shorter than
   *     some rows (a ragged table)
   * @param rows the body rows, each a list of cell texts
   * @return one line per row that has any text, joined by newlines
   */
  static String render(List<String> header, List<List<String>> rows) {
    List<String> lines = new ArrayList<>();
    boolean matrix = header.size() > 1 && clean(header.get(0)).isEmpty();
    for (List<String> row : rows) {
      List<String> parts = new ArrayList<>();
      for (int column = 0; column < row.size(); column++) {
        String cell = clean(row.get(column));
        if (cell.isEmpty()) {
          continue;
        }
        String name = column < header.size() ? clean(header.get(column)) : "";
        boolean label = matrix && column == 0;
        parts.add(name.isEmpty() || label || name.equals(cell) ? cell : name + ": " + cell);
      }
      if (!parts.isEmpty()) {
        lines.add(String.join(CELL_SEPARATOR, parts));
      }
    }
    if (rows.isEmpty() && !header.isEmpty()) {
      // A header with no body is still text a reader sees, e.g. a one-row "table" used as a box.
      List<String> cells = header.stream().map(TableRows::clean).filter(c -> !c.isEmpty()).toList();
      if (!cells.isEmpty()) {
        lines.add(String.join(CELL_SEPARATOR, cells));
      }
    }
    return String.join("\n", lines);
  }

  /** Cell text on one line, without the pipes of a table that the parser did not recognise. */
  static String clean(String cell) {
    return cell.replace('|', ' ').replaceAll("\\s+", " ").strip();
  }

  /**
   * A line written like a Markdown table row ("| a | b |") that was not parsed as a table, e.g. a
   * table without its separator line: its cells joined like a row of a table without headers.
   */
  static String withoutPipes(String line) {
    String trimmed = line.strip();
    if (trimmed.length() < 2 || !trimmed.startsWith("|") || !trimmed.endsWith("|")) {
      return line;
    }
    List<String> cells = new ArrayList<>();
    for (String cell : trimmed.substring(1, trimmed.length() - 1).split("\\|")) {
      String text = clean(cell);
      if (!text.isEmpty() && !text.matches(":?-+:?")) {
        cells.add(text);
      }
    }
    return String.join(CELL_SEPARATOR, cells);
  }
}
