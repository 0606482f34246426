package io.learnloop.integrations.roster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.roster.ImportRoster;
import io.learnloop.dialog.roster.InMemoryRoster;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.roster.RosterImported;
import io.learnloop.dialog.roster.RosterRow;
import io.learnloop.integrations.content.ContentFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvRosterFileTest {

  @TempDir Path dir;

  private CsvRosterFile file(String text) throws IOException {
    Path file = dir.resolve("roster.csv");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return new CsvRosterFile(file);
  }

  @Test
  void should_read_utf8_names_with_a_byte_order_mark_and_columns_in_any_order_and_case()
      throws Exception {
    CsvRosterFile roster =
        file(
            "\uFEFFName,Employee No,EMAIL,Manager\n"
                + "Siti Nurhaliza,1001,siti@example.com,budi@example.com\n"
                + "Ñoño Müller-Lüdenscheidt,1002,nono@example.com,\n");

    List<RosterRow> rows = roster.rows();

    assertThat(rows)
        .extracting(RosterRow::name)
        .containsExactly("Siti Nurhaliza", "Ñoño Müller-Lüdenscheidt");
    assertThat(rows.get(0).email()).isEqualTo("siti@example.com");
    assertThat(rows.get(0).manager()).isEqualTo("budi@example.com");
    assertThat(rows.get(0).role()).isEmpty();
    assertThat(rows).extracting(RosterRow::line).containsExactly(2, 3);
  }

  @Test
  void should_number_rows_by_the_line_they_start_on_past_blank_lines_and_quoted_line_breaks()
      throws Exception {
    CsvRosterFile roster =
        file(
            "email,name,team\na@example.com,Ani,x\n\nb@example.com,\"Bayu\nSecond\",y\r\nc@example.com,Citra,z\n\n\nd@example.com,Dodi,w");

    assertThat(roster.rows()).extracting(RosterRow::line).containsExactly(2, 4, 6, 9);
  }

  @Test
  void should_take_a_short_row_as_blank_last_fields() throws Exception {
    CsvRosterFile roster = file("email,name,role,team\na@example.com,Ani\n");

    assertThat(roster.rows()).singleElement().satisfies(row -> assertThat(row.team()).isEmpty());
  }

  @Test
  void should_name_file_and_line_of_an_unclosed_quote() throws Exception {
    CsvRosterFile roster = file("email,name\na@example.com,Ani\nb@example.com,\"Bayu\n");

    assertThatThrownBy(roster::rows)
        .isInstanceOf(RosterFileException.class)
        .hasMessageStartingWith("roster.csv:3: not valid CSV");
  }

  @Test
  void should_refuse_a_header_without_the_columns_that_name_a_person() throws Exception {
    CsvRosterFile roster = file("full name,mail\nSiti,siti@example.com\n");

    assertThatThrownBy(roster::rows)
        .isInstanceOf(RosterFileException.class)
        .hasMessageStartingWith("roster.csv:1: the header needs a 'name' column");
  }

  @Test
  void should_import_the_sample_roster_against_the_sample_roles_without_a_problem()
      throws Exception {
    Catalog catalog = new ContentFolder(Path.of("..", "content")).load();
    CsvRosterFile sample = new CsvRosterFile(Path.of("..", "content", CsvRosterFile.FILE));
    InMemoryRoster roster = new InMemoryRoster();

    RosterImported result =
        new ImportRoster(
                catalog,
                new InMemoryLearners(),
                roster,
                new ImportRoster.Defaults(
                    new RoleId("new-joiner-general"),
                    ZoneId.of("Asia/Jakarta"),
                    Language.INDONESIAN),
                learner -> {})
            .run(sample.name(), sample.rows());

    assertThat(result.problems()).isEmpty();
    assertThat(result.imported()).isEqualTo(result.rows()).isGreaterThanOrEqualTo(5);
    assertThat(roster.managers())
        .extracting(RosterEntry::name)
        .contains("Rina Wijaya", "Made Wirawan");
    assertThat(roster.all()).extracting(RosterEntry::name).contains("Siti Nurhaliza");
  }
}
