package io.learnloop.integrations.content;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.io.input.BOMInputStream;

/**
 * An organisation's public holidays as CSV (UTF-8, a byte order mark allowed, {@code #} starts a
 * comment line): a header {@code date,name}, then one row per day off, the date as {@code
 * YYYY-MM-DD}. A row that cannot be read is reported by file and line and the others are kept, so
 * one typo never turns every holiday into a workday.
 */
public final class CsvHolidays {

  /** The name of the holiday calendar in the content folder. */
  public static final String FILE = "holidays.csv";

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180
          .builder()
          .setHeader()
          .setSkipHeaderRecord(true)
          .setIgnoreHeaderCase(true)
          .setIgnoreEmptyLines(true)
          .setIgnoreSurroundingSpaces(true)
          .setCommentMarker('#')
          .get();

  /**
   * @param days the holidays read, by date
   * @param problems one line per row left out, {@code file:line: why}
   */
  public record Read(Map<LocalDate, String> days, List<String> problems) {
    public Read {
      days = Map.copyOf(days);
      problems = List.copyOf(problems);
    }
  }

  private CsvHolidays() {}

  /**
   * @throws IOException when the file cannot be read, is not CSV, or has no {@code date} column
   */
  public static Read read(Path file) throws IOException {
    Objects.requireNonNull(file, "file");
    String name = file.getFileName().toString();
    Map<LocalDate, String> days = new TreeMap<>();
    List<String> problems = new ArrayList<>();
    try (Reader reader =
            new InputStreamReader(
                BOMInputStream.builder().setInputStream(Files.newInputStream(file)).get(),
                StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(FORMAT).get()) {
      if (!parser.getHeaderMap().containsKey("date")) {
        throw new IOException(name + ":1: the header needs a 'date' column (and a 'name')");
      }
      for (CSVRecord record : parser) {
        long line = parser.getCurrentLineNumber();
        String date = record.isSet("date") ? record.get("date") : "";
        String holiday = record.isSet("name") ? record.get("name") : "";
        try {
          LocalDate day = LocalDate.parse(date);
          String earlier = days.putIfAbsent(day, holiday.isEmpty() ? date : holiday);
          if (earlier != null) {
            problems.add(name + ":" + line + ": " + date + " is already listed as " + earlier);
          }
        } catch (DateTimeParseException e) {
          problems.add(name + ":" + line + ": '" + date + "' is not a date (YYYY-MM-DD)");
        }
      }
    } catch (UncheckedIOException e) {
      throw new IOException(name + ": not valid CSV: " + e.getCause().getMessage(), e);
    } catch (IllegalArgumentException e) {
      throw new IOException(name + ":1: " + e.getMessage(), e);
    }
    return new Read(days, problems);
  }
}
