package io.learnloop.integrations.journal;

import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerJournal;
import io.learnloop.dialog.learning.AnswerJournalException;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.integrations.AppendOnlyFiles;
import io.learnloop.integrations.ChecksummedLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The journal as an append-only file of JSON lines, {@code answers.jsonl} in a folder of its own.
 * An answer is written by {@link #append} and fsync'd by {@link #sync}, once for all the answers
 * appended meanwhile (group commit); a stored mark is written without fsync (replaying a stored
 * answer is harmless). When every answer is stored the file is emptied; at open it is rewritten
 * with only the unstored answers when it held more.
 *
 * <p>A line that is not a whole record, such as the last one when the process died while writing
 * it, is reported with its file and line; the complete records around it are read. The file as it
 * was is first copied beside it ({@code answers.jsonl.damaged-<epoch ms>}), so nothing is deleted.
 */
public final class FileAnswerJournal implements AnswerJournal {

  private static final Logger log = LoggerFactory.getLogger(FileAnswerJournal.class);

  static final String FILE_NAME = "answers.jsonl";

  private final ChecksummedLines<JournalEntry> lines = new ChecksummedLines<>(JournalEntry.class);
  private final Path file;
  private final FileChannel lockChannel;
  private final List<RecordAnswer> unstoredAtOpen;
  private final List<String> damaged;
  private final Set<AnswerId> outstanding = new HashSet<>();
  private final FileChannel channel;
  private final Object syncing = new Object();
  // Bytes appended since open (a count, not a file position: emptying the file keeps counting),
  // and how many of them are known to be on disk. Lock order: syncing, then this; never reverse.
  private long written;
  private long synced;

  private FileAnswerJournal(
      Path file, FileChannel lockChannel, Opened opened, FileChannel channel) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.unstoredAtOpen = List.copyOf(opened.unstored.values());
    this.damaged = List.copyOf(opened.damaged);
    this.outstanding.addAll(opened.unstored.keySet());
    this.channel = channel;
  }

  /**
   * Opens the journal in {@code dir}, created if missing, reading what an earlier run left.
   *
   * @throws IllegalStateException when another process has the journal open
   * @throws UncheckedIOException when the folder cannot be read or written
   */
  public static FileAnswerJournal open(Path dir) {
    Path folder = dir.toAbsolutePath().normalize();
    Path file = folder.resolve(FILE_NAME);
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(folder);
      lockChannel = AppendOnlyFiles.lock(folder, "journal.lock", "the answer journal");
      Opened opened = read(file);
      AppendOnlyFiles.keepDamaged(file, opened.damaged, log);
      if (opened.records != opened.unstored.size() || !opened.damaged.isEmpty()) {
        ChecksummedLines<JournalEntry> lines = new ChecksummedLines<>(JournalEntry.class);
        AppendOnlyFiles.rewrite(
            file,
            opened.unstored.values().stream().map(a -> lines.encode(JournalEntry.of(a))).toList());
      } else if (!Files.exists(file)) {
        Files.createFile(file);
      }
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      if (!opened.unstored.isEmpty()) {
        log.info("{} answers in {} wait to be recorded", opened.unstored.size(), file);
      }
      return new FileAnswerJournal(file, lockChannel, opened, channel);
    } catch (IOException e) {
      AppendOnlyFiles.closeQuietly(lockChannel);
      throw new UncheckedIOException("Could not open the answer journal " + file, e);
    } catch (RuntimeException e) {
      AppendOnlyFiles.closeQuietly(lockChannel);
      throw e;
    }
  }

  @Override
  public List<RecordAnswer> unstored() {
    return unstoredAtOpen;
  }

  /** The lines found damaged at open, each as {@code file:line: problem}. */
  public List<String> damaged() {
    return damaged;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void append(RecordAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    try {
      byte[] line = lines.encode(JournalEntry.of(answer));
      write(line);
      written += line.length;
      outstanding.add(answer.answer().id());
    } catch (IOException | RuntimeException e) {
      throw new AnswerJournalException(
          "Could not journal answer " + answer.answer().id() + " in " + file, e);
    }
  }

  /**
   * Group commit: a thread that finds an fsync under way waits for it, then fsyncs once for every
   * answer appended meanwhile, so that each waiting thread is done.
   */
  @Override
  public void sync() {
    long mine;
    synchronized (this) {
      mine = written;
    }
    synchronized (syncing) {
      if (synced >= mine) {
        return;
      }
      long upTo;
      synchronized (this) {
        upTo = written;
      }
      try {
        channel.force(false);
      } catch (IOException e) {
        throw new AnswerJournalException("Could not fsync the answer journal " + file, e);
      }
      synced = upTo;
    }
  }

  @Override
  public synchronized void stored(AnswerId answer) {
    if (!outstanding.remove(answer) || !channel.isOpen()) {
      return;
    }
    try {
      if (outstanding.isEmpty()) {
        channel.truncate(0);
        channel.force(false);
      } else {
        write(lines.encode(JournalEntry.stored(answer)));
      }
    } catch (IOException e) {
      // The answer is replayed at the next start and found a duplicate there: counted once.
      log.warn("Could not mark answer {} stored in {}: {}", answer, file, e.toString());
    }
  }

  @Override
  public synchronized int pending() {
    return outstanding.size();
  }

  @Override
  public synchronized void close() {
    AppendOnlyFiles.closeQuietly(channel);
    AppendOnlyFiles.closeQuietly(lockChannel);
  }

  private void write(byte[] line) throws IOException {
    AppendOnlyFiles.write(channel, line);
  }

  /**
   * @param records how many whole records the file held; more than the unstored answers when it is
   *     worth compacting
   */
  private record Opened(Map<AnswerId, RecordAnswer> unstored, List<String> damaged, int records) {}

  private static Opened read(Path file) throws IOException {
    // Each record as its answer id and the answer, or no answer for a stored mark.
    AppendOnlyFiles.Read<Map.Entry<AnswerId, Optional<RecordAnswer>>> read =
        AppendOnlyFiles.read(
            file,
            new ChecksummedLines<>(JournalEntry.class),
            entry ->
                Map.entry(
                    entry.answerId(),
                    entry.isAnswer() ? Optional.of(entry.toAnswer()) : Optional.empty()),
            "not replayed");
    Map<AnswerId, RecordAnswer> unstored = new LinkedHashMap<>();
    for (Map.Entry<AnswerId, Optional<RecordAnswer>> record : read.records()) {
      if (record.getValue().isPresent()) {
        unstored.putIfAbsent(record.getKey(), record.getValue().get());
      } else {
        unstored.remove(record.getKey());
      }
    }
    return new Opened(unstored, read.damaged(), read.records().size());
  }
}
