package io.learnloop.knowledge.ingest;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * An HTML table as {@link TableRows}: cells spanning several rows or columns ({@code rowspan},
 * {@code colspan}) are repeated into every row and column they cover, so that each row names all
 * its values; the header is the {@code thead} rows, or leading rows made only of {@code th} cells.
 */
final class HtmlTables {

  /** Spans beyond this are treated as this: a typo like rowspan=10000 must not blow up memory. */
  private static final int MAX_SPAN = 1000;

  private HtmlTables() {}

  static String render(Element table) {
    List<Element> rows = new ArrayList<>();
    for (Element row : table.select("tr")) {
      if (row.closest("table") == table) {
        rows.add(row);
      }
    }
    List<List<String>> grid = grid(rows);
    int headerRows = 0;
    while (headerRows < rows.size() && isHeader(rows.get(headerRows))) {
      headerRows++;
    }
    if (headerRows == rows.size()) {
      headerRows = Math.min(1, rows.size());
    }
    List<String> header = new ArrayList<>();
    for (int r = 0; r < headerRows; r++) {
      List<String> cells = grid.get(r);
      for (int c = 0; c < cells.size(); c++) {
        String cell = cells.get(c);
        if (c >= header.size()) {
          header.add(cell);
        } else if (!cell.isEmpty() && !header.get(c).equals(cell)) {
          header.set(c, (header.get(c) + " " + cell).strip());
        }
      }
    }
    return TableRows.render(header, grid.subList(headerRows, grid.size()));
  }

  private static boolean isHeader(Element row) {
    if (row.parent() != null && row.parent().normalName().equals("thead")) {
      return true;
    }
    List<Element> cells = row.children().stream().filter(HtmlTables::isCell).toList();
    return !cells.isEmpty() && cells.stream().allMatch(cell -> cell.normalName().equals("th"));
  }

  private static boolean isCell(Element element) {
    return element.normalName().equals("td") || element.normalName().equals("th");
  }

  /** The cell texts row by row, with spanned cells copied into each position they cover. */
  private static List<List<String>> grid(List<Element> rows) {
    List<List<String>> grid = new ArrayList<>();
    for (int r = 0; r < rows.size(); r++) {
      while (grid.size() <= r) {
        grid.add(new ArrayList<>());
      }
      int column = 0;
      for (Element cell : rows.get(r).children()) {
        if (!isCell(cell)) {
          continue;
        }
        List<String> current = grid.get(r);
        while (column < current.size() && current.get(column) != null) {
          column++;
        }
        int rowSpan = span(cell.attr("rowspan"));
        int colSpan = span(cell.attr("colspan"));
        String text = cell.text();
        for (int dr = 0; dr < rowSpan && r + dr < rows.size(); dr++) {
          while (grid.size() <= r + dr) {
            grid.add(new ArrayList<>());
          }
          List<String> target = grid.get(r + dr);
          for (int dc = 0; dc < colSpan; dc++) {
            while (target.size() <= column + dc) {
              target.add(null);
            }
            target.set(column + dc, text);
          }
        }
        column += colSpan;
      }
    }
    List<List<String>> filled = new ArrayList<>();
    for (List<String> row : grid) {
      filled.add(row.stream().map(cell -> cell == null ? "" : cell).toList());
    }
    return filled;
  }

  private static int span(String value) {
    try {
      return Math.max(1, Math.min(MAX_SPAN, Integer.parseInt(value.strip())));
    } catch (NumberFormatException e) {
      return 1;
    }
  }
}
