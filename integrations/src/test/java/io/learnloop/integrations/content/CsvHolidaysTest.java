package io.learnloop.integrations.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvHolidaysTest {

  @TempDir Path dir;

  @Test
  void should_read_the_shipped_indonesian_holidays_without_a_problem() throws IOException {
    CsvHolidays.Read read = CsvHolidays.read(Path.of("../content").resolve(CsvHolidays.FILE));

    assertThat(read.problems()).isEmpty();
    assertThat(read.days())
        .containsEntry(LocalDate.parse("2026-08-17"), "Hari Kemerdekaan Republik Indonesia")
        .containsEntry(LocalDate.parse("2026-12-25"), "Hari Raya Natal");
  }

  @Test
  void should_report_a_bad_row_by_file_and_line_and_keep_the_others() throws IOException {
    Path file = dir.resolve("libur.csv");
    Files.writeString(
        file,
        "\uFEFFdate,name\n"
            + "# a comment\n"
            + "2026-08-17,Hari Kemerdekaan\n"
            + "17/08/2026,Hari Kemerdekaan\n"
            + "2026-08-17,Again\n"
            + "2026-12-25,\"Natal, Christmas\"\n",
        StandardCharsets.UTF_8);

    CsvHolidays.Read read = CsvHolidays.read(file);

    assertThat(read.days())
        .containsOnlyKeys(LocalDate.parse("2026-08-17"), LocalDate.parse("2026-12-25"))
        .containsEntry(LocalDate.parse("2026-12-25"), "Natal, Christmas");
    assertThat(read.problems())
        .containsExactly(
            "libur.csv:4: '17/08/2026' is not a date (YYYY-MM-DD)",
            "libur.csv:5: 2026-08-17 is already listed as Hari Kemerdekaan");
  }

  @Test
  void should_refuse_a_file_without_a_date_column() throws IOException {
    Path file = dir.resolve("holidays.csv");
    Files.writeString(file, "day,name\n2026-08-17,Hari Kemerdekaan\n", StandardCharsets.UTF_8);

    assertThatThrownBy(() -> CsvHolidays.read(file))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("holidays.csv:1")
        .hasMessageContaining("'date'");
  }
}
