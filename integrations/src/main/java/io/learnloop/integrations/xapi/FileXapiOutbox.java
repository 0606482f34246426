package io.learnloop.integrations.xapi;

import io.learnloop.integrations.AppendOnlyFiles;
import io.learnloop.integrations.ChecksummedLines;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statements waiting for the LRS, in an append-only file of checksummed JSON lines ({@code
 * outbox.jsonl}, the format of the answer journal) in a folder of its own. A statement is fsync'd
 * before {@link #append} returns; the mark that the LRS has it is written without fsync, because
 * resending a delivered statement is harmless: its id is the same and the LRS keeps one. When every
 * statement is delivered the file is emptied; at open it is compacted when it held more.
 *
 * <p>A statement the LRS refuses for good is moved to {@code dead-letter.jsonl} (fsync'd, then
 * marked sent), so that it stops blocking the others and can still be sent by hand. A damaged line
 * is reported with its file and line and the file as it was kept beside it; the rest is read.
 */
public final class FileXapiOutbox implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(FileXapiOutbox.class);

  static final String FILE_NAME = "outbox.jsonl";
  static final String DEAD_LETTER = "dead-letter.jsonl";

  private final ChecksummedLines<OutboxEntry> lines = new ChecksummedLines<>(OutboxEntry.class);
  private final Path file;
  private final FileChannel lockChannel;
  private final FileChannel channel;
  private final Map<String, XapiStatement> waiting;
  private final List<String> damaged;

  private FileXapiOutbox(
      Path file,
      FileChannel lockChannel,
      FileChannel channel,
      Map<String, XapiStatement> waiting,
      List<String> damaged) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.channel = channel;
    this.waiting = waiting;
    this.damaged = List.copyOf(damaged);
  }

  /**
   * Opens the outbox in {@code dir}, created if missing, with what an earlier run left to send.
   *
   * @throws IllegalStateException when another process has it open
   * @throws UncheckedIOException when the folder cannot be read or written
   */
  public static FileXapiOutbox open(Path dir) {
    Path folder = dir.toAbsolutePath().normalize();
    Path file = folder.resolve(FILE_NAME);
    FileChannel lockChannel = null;
    try {
      Files.createDirectories(folder);
      lockChannel = AppendOnlyFiles.lock(folder, "outbox.lock", "the xAPI outbox");
      AppendOnlyFiles.Read<OutboxEntry> read =
          AppendOnlyFiles.read(
              file, new ChecksummedLines<>(OutboxEntry.class), entry -> entry, "not sent");
      AppendOnlyFiles.keepDamaged(file, read.damaged(), log);
      Map<String, XapiStatement> waiting = waiting(read.records());
      if (read.records().size() != waiting.size() || !read.damaged().isEmpty()) {
        AppendOnlyFiles.rewrite(file, encoded(waiting.values()));
      } else if (!Files.exists(file)) {
        Files.createFile(file);
      }
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      if (!waiting.isEmpty()) {
        log.info("{} xAPI statements in {} wait for the LRS", waiting.size(), file);
      }
      return new FileXapiOutbox(file, lockChannel, channel, waiting, read.damaged());
    } catch (IOException e) {
      AppendOnlyFiles.closeQuietly(lockChannel);
      throw new UncheckedIOException("Could not open the xAPI outbox " + file, e);
    } catch (RuntimeException e) {
      AppendOnlyFiles.closeQuietly(lockChannel);
      throw e;
    }
  }

  /**
   * Keeps the statements durably. One already waiting (the same id) is not kept twice.
   *
   * @throws UncheckedIOException when they could not be written or fsync'd
   */
  public synchronized void append(Collection<XapiStatement> statements) {
    try {
      for (XapiStatement statement : statements) {
        if (!waiting.containsKey(statement.id())) {
          write(lines.encode(OutboxEntry.of(statement)));
          waiting.put(statement.id(), statement);
        }
      }
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write xAPI statements to " + file, e);
    }
  }

  /** The oldest statements waiting, at most {@code max}. */
  public synchronized List<XapiStatement> oldest(int max) {
    return waiting.values().stream().limit(max).toList();
  }

  /** The LRS has these statements: they are not sent again. */
  public synchronized void delivered(Collection<String> ids) {
    List<String> removed = ids.stream().filter(id -> waiting.remove(id) != null).toList();
    if (removed.isEmpty() || !channel.isOpen()) {
      return;
    }
    try {
      if (waiting.isEmpty()) {
        channel.truncate(0);
        channel.force(false);
      } else {
        for (String id : removed) {
          write(lines.encode(OutboxEntry.sent(id)));
        }
      }
    } catch (IOException e) {
      // They are sent again after a restart with the same ids; the LRS keeps one of each.
      log.warn("Could not mark {} xAPI statements delivered in {}: {}", removed.size(), file, e);
    }
  }

  /**
   * Moves a statement the LRS refused for good to the dead-letter file, with the LRS's reason.
   *
   * @throws UncheckedIOException when the dead-letter file could not be written; the statement then
   *     stays in the outbox
   */
  public synchronized void deadLetter(XapiStatement statement, String reason) {
    Path dead = file.resolveSibling(DEAD_LETTER);
    byte[] line = lines.encode(OutboxEntry.refused(statement, reason));
    try (FileChannel out =
        FileChannel.open(
            dead, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
      AppendOnlyFiles.write(out, line);
      out.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not set statement " + statement.id() + " aside", e);
    }
    delivered(List.of(statement.id()));
  }

  /** The statements set aside, as they were refused. */
  public List<XapiStatement> deadLetters() {
    try {
      return List.copyOf(
          waiting(
                  AppendOnlyFiles.read(
                          file.resolveSibling(DEAD_LETTER), lines, entry -> entry, "unreadable")
                      .records())
              .values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public synchronized int pending() {
    return waiting.size();
  }

  /** The lines found damaged at open, each as {@code file:line: problem}. */
  public List<String> damaged() {
    return damaged;
  }

  public Path file() {
    return file;
  }

  @Override
  public synchronized void close() {
    AppendOnlyFiles.closeQuietly(channel);
    AppendOnlyFiles.closeQuietly(lockChannel);
  }

  private void write(byte[] line) throws IOException {
    AppendOnlyFiles.write(channel, line);
  }

  private static Map<String, XapiStatement> waiting(List<OutboxEntry> records) {
    Map<String, XapiStatement> waiting = new LinkedHashMap<>();
    for (OutboxEntry entry : records) {
      if (entry.isStatement()) {
        waiting.putIfAbsent(entry.id(), new XapiStatement(entry.id(), entry.statement()));
      } else {
        waiting.remove(entry.id());
      }
    }
    return waiting;
  }

  private static List<byte[]> encoded(Collection<XapiStatement> statements) {
    ChecksummedLines<OutboxEntry> lines = new ChecksummedLines<>(OutboxEntry.class);
    return statements.stream().map(s -> lines.encode(OutboxEntry.of(s))).toList();
  }
}
