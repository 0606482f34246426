package io.learnloop.integrations.roster;

import io.learnloop.dialog.roster.RosterRow;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * A roster exported from an HR system as CSV (RFC 4180, UTF-8, a byte order mark allowed): a header
 * row naming the columns, in any order and any case, then one row per person. Columns it does not
 * know are ignored, so that an export can be used as it comes. See the README's "Roster" section.
 */
public final class CsvRosterFile {

  /** The name of the roster in the content folder. */
  public static final String FILE = "roster.csv";

  static final String EMAIL = "email";
  static final String CHAT_USERS = "chat_users";
  static final String NAME = "name";
  static final String ROLE = "role";
  static final String TEAM = "team";
  static final String MANAGER = "manager";
  static final String NEXT_ROLE = "next_role";
  static final String TIMEZONE = "timezone";
  static final String LANGUAGE = "language";
  static final String PEOPLE_MANAGER = "people_manager";

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreHeaderCase(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setAllowMissingColumnNames(true)
          .get();

  private static final java.util.regex.Pattern LINE_BREAK =
      java.util.regex.Pattern.compile("\\r\\n|\\r|\\n");

  private final Path file;

  public CsvRosterFile(Path file) {
    this.file = Objects.requireNonNull(file, "file");
  }

  /** The file's name as problems name it. */
  public String name() {
    return file.getFileName().toString();
  }

  /**
   * Reads every row; whether a row makes sense is for the import to say.
   *
   * @throws RosterFileException when the file cannot be read, is not CSV (an unclosed quote), or
   *     its header names neither {@code email} nor {@code chat_users}, or no {@code name}
   */
  public List<RosterRow> rows() throws RosterFileException {
    try (Reader reader =
            new InputStreamReader(
                BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(),
                StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      requireColumns(parser.getHeaderMap());
      List<RosterRow> rows = new ArrayList<>();
      Iterator<CSVRecord> records = parser.iterator();
      long lastEnd = parser.getCurrentLineNumber();
      while (hasNext(records, lastEnd)) {
        CSVRecord record = records.next();
        lastEnd = parser.getCurrentLineNumber();
        // The parser stands on the record's last line; a quoted value may span several.
        long line = lastEnd - lineBreaksIn(record);
        rows.add(row(record, (int) line));
      }
      return rows;
    } catch (IOException e) {
      throw new RosterFileException(name() + ": cannot be read: " + e.getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new RosterFileException(name() + ":1: " + e.getMessage(), e);
    }
  }

  // The parser has read on to the end of the file by then: the faulty row starts after the last.
  private boolean hasNext(Iterator<CSVRecord> records, long lastEnd) throws RosterFileException {
    try {
      return records.hasNext();
    } catch (UncheckedIOException e) {
      throw new RosterFileException(
          name() + ":" + (lastEnd + 1) + ": not valid CSV: " + e.getCause().getMessage(), e);
    }
  }

  private static long lineBreaksIn(CSVRecord record) {
    return record.stream().mapToLong(value -> LINE_BREAK.matcher(value).results().count()).sum();
  }

  private void requireColumns(Map<String, Integer> header) throws RosterFileException {
    Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    columns.addAll(header.keySet());
    if (!columns.contains(NAME) || (!columns.contains(EMAIL) && !columns.contains(CHAT_USERS))) {
      throw new RosterFileException(
          name()
              + ":1: the header needs a 'name' column and an 'email' or 'chat_users' column, but has "
              + header.keySet(),
          null);
    }
  }

  private static RosterRow row(CSVRecord record, int line) {
    return new RosterRow(
        line,
        field(record, EMAIL),
        field(record, CHAT_USERS),
        field(record, NAME),
        field(record, ROLE),
        field(record, TEAM),
        field(record, MANAGER),
        field(record, NEXT_ROLE),
        field(record, TIMEZONE),
        field(record, LANGUAGE),
        field(record, PEOPLE_MANAGER));
  }

  // A short row leaves its last columns blank rather than failing.
  private static String field(CSVRecord record, String column) {
    return record.isMapped(column) && record.isSet(column) ? record.get(column) : "";
  }
}
