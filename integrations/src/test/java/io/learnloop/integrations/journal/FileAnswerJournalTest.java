package io.learnloop.integrations.journal;

import static io.learnloop.dialog.learning.AnswerJournalContract.answer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerJournal;
import io.learnloop.dialog.learning.AnswerJournalContract;
import io.learnloop.integrations.ChecksummedLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileAnswerJournalTest extends AnswerJournalContract {

  @TempDir Path dir;

  @Override
  protected AnswerJournal open() {
    return FileAnswerJournal.open(dir);
  }

  @Override
  protected AnswerJournal reopen(AnswerJournal journal) {
    journal.close();
    return FileAnswerJournal.open(dir);
  }

  @Test
  void should_replay_the_complete_records_and_report_a_torn_last_one_with_file_and_line()
      throws IOException {
    try (AnswerJournal journal = open()) {
      IntStream.range(0, 3).forEach(i -> journal.append(answer("ayu", i)));
    }
    Path file = dir.resolve(FileAnswerJournal.FILE_NAME);
    byte[] whole = Files.readAllBytes(file);
    byte[] fourth =
        new ChecksummedLines<>(JournalEntry.class).encode(JournalEntry.of(answer("ayu", 3)));
    // The process died halfway through writing the fourth record.
    Files.write(file, Arrays.copyOf(fourth, fourth.length / 2), StandardOpenOption.APPEND);

    try (FileAnswerJournal journal = FileAnswerJournal.open(dir)) {
      assertThat(journal.unstored())
          .containsExactly(answer("ayu", 0), answer("ayu", 1), answer("ayu", 2));
      assertThat(journal.damaged())
          .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
          .startsWith(file + ":4: ")
          .contains("cut short");
      assertThat(damagedCopies()).hasSize(1);
      assertThat(Files.readAllBytes(damagedCopies().get(0)))
          .startsWith(whole)
          .hasSize(whole.length + fourth.length / 2);
    }
    try (FileAnswerJournal again = FileAnswerJournal.open(dir)) {
      assertThat(again.damaged()).isEmpty();
      assertThat(again.unstored()).hasSize(3);
    }
  }

  @Test
  void should_report_a_record_whose_checksum_does_not_match_and_read_the_ones_after_it()
      throws IOException {
    try (AnswerJournal journal = open()) {
      IntStream.range(0, 3).forEach(i -> journal.append(answer("budi", i)));
    }
    Path file = dir.resolve(FileAnswerJournal.FILE_NAME);
    List<String> lines = new ArrayList<>(Files.readAllLines(file));
    lines.set(1, lines.get(1).replace("\"choice\":1", "\"choice\":3"));
    Files.write(file, lines);

    try (FileAnswerJournal journal = FileAnswerJournal.open(dir)) {
      assertThat(journal.unstored()).containsExactly(answer("budi", 0), answer("budi", 2));
      assertThat(journal.damaged())
          .containsExactly(file + ":2: checksum does not match the record, not replayed");
    }
  }

  @Test
  void should_report_a_line_that_is_no_journal_record() throws IOException {
    Files.createDirectories(dir);
    Path file = dir.resolve(FileAnswerJournal.FILE_NAME);
    Files.writeString(file, "{\"hello\":\"world\"}\nnot json at all\n", StandardCharsets.UTF_8);

    try (FileAnswerJournal journal = FileAnswerJournal.open(dir)) {
      assertThat(journal.unstored()).isEmpty();
      assertThat(journal.damaged())
          .containsExactly(
              file + ":1: not a journal record (no 'crc' and 'entry'), not replayed",
              file + ":2: not a journal record (no 'crc' and 'entry'), not replayed");
    }
  }

  @Test
  void should_empty_the_file_once_every_answer_is_stored() throws IOException {
    try (AnswerJournal journal = open()) {
      journal.append(answer("citra", 0));
      journal.append(answer("citra", 1));
      journal.stored(new AnswerId("citra:answer-0"));
      assertThat(dir.resolve(FileAnswerJournal.FILE_NAME)).isNotEmptyFile();

      journal.stored(new AnswerId("citra:answer-1"));

      assertThat(dir.resolve(FileAnswerJournal.FILE_NAME)).isEmptyFile();
    }
  }

  @Test
  void should_write_one_json_line_per_answer_with_a_checksum() throws IOException {
    try (AnswerJournal journal = open()) {
      journal.append(answer("dewi", 0));
    }
    assertThat(Files.readAllLines(dir.resolve(FileAnswerJournal.FILE_NAME)))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .matches(
            "\\{\"crc\":\"[0-9a-f]{8}\",\"entry\":\\{\"type\":\"answer\",\"id\":\"dewi:answer-0\".*\\}\\}");
  }

  @Test
  void should_refuse_a_second_journal_on_the_same_folder() {
    try (AnswerJournal first = open()) {
      assertThatThrownBy(() -> FileAnswerJournal.open(dir))
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining("Another LearnLoop process is using the answer journal in");
    }
  }

  @Test
  void should_say_which_folder_it_cannot_use() throws IOException {
    Path notAFolder = Files.writeString(dir.resolve("file"), "x");

    assertThatThrownBy(() -> FileAnswerJournal.open(notAFolder))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining(notAFolder.toString());
  }

  private List<Path> damagedCopies() throws IOException {
    try (Stream<Path> files = Files.list(dir)) {
      return files.filter(f -> f.getFileName().toString().contains(".damaged-")).toList();
    }
  }
}
