package io.learnloop.integrations;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.slf4j.Logger;

/**
 * What the append-only files of {@link ChecksummedLines} records share (the answer journal, the
 * xAPI outbox): one process per folder, reading back what a crash left, and compacting by
 * write-then-rename.
 *
 * <p>Outside every adapter's package: plumbing the adapters share, not an adapter of its own.
 */
public final class AppendOnlyFiles {

  private AppendOnlyFiles() {}

  /**
   * The records of a file and its damaged lines, each as {@code file:line: problem}.
   *
   * @param records the whole records, in the order they were written
   */
  public record Read<T>(List<T> records, List<String> damaged) {}

  /**
   * Takes the folder's lock file, so that two processes never append to one file.
   *
   * @param what names the file in the error, e.g. "the answer journal"
   * @throws IllegalStateException when another process holds it
   */
  public static FileChannel lock(Path folder, String lockFile, String what) throws IOException {
    FileChannel channel =
        FileChannel.open(
            folder.resolve(lockFile), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      closeQuietly(channel);
      throw new IllegalStateException(
          "Another LearnLoop process is using "
              + what
              + " in "
              + folder
              + ". Stop it, or set LEARNLOOP_DATA_DIR to another folder.");
    }
    return channel;
  }

  /**
   * Reads every whole record. A line that is not one, such as the last when the process died while
   * writing it, is reported and skipped; the records around it are read.
   *
   * @param check turns a record into what the caller keeps, throwing for an invalid one, which is
   *     then reported with its line like a damaged one
   * @param skipped what happens to a damaged line, for the report, e.g. "not replayed"
   */
  public static <T, R> Read<R> read(
      Path file, ChecksummedLines<T> lines, Function<T, R> check, String skipped)
      throws IOException {
    List<R> records = new ArrayList<>();
    List<String> damaged = new ArrayList<>();
    if (!Files.exists(file)) {
      return new Read<>(records, damaged);
    }
    // Lenient decoding: a write cut inside a character must not hide the records before it.
    String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    int number = 0;
    int start = 0;
    while (start < text.length()) {
      number++;
      int end = text.indexOf('\n', start);
      if (end < 0) {
        damaged.add(file + ":" + number + ": record cut short (no end of line), " + skipped);
        break;
      }
      String line = text.substring(start, end);
      start = end + 1;
      if (line.isBlank()) {
        continue;
      }
      try {
        records.add(check.apply(lines.decode(line)));
      } catch (RuntimeException e) {
        damaged.add(file + ":" + number + ": " + e.getMessage() + ", " + skipped);
      }
    }
    return new Read<>(records, damaged);
  }

  /** Copies a file found damaged beside it, so that nothing is deleted, and logs each problem. */
  public static void keepDamaged(Path file, List<String> damaged, Logger log) throws IOException {
    if (damaged.isEmpty()) {
      return;
    }
    Path copy = file.resolveSibling(file.getFileName() + ".damaged-" + System.currentTimeMillis());
    Files.copy(file, copy);
    damaged.forEach(problem -> log.warn("{}; the file as it was is kept in {}", problem, copy));
  }

  /** Write-then-rename, so that a crash leaves either the old file or the new one whole. */
  public static void rewrite(Path file, Iterable<byte[]> records) throws IOException {
    Path next = file.resolveSibling(file.getFileName() + ".next");
    try (FileChannel out =
        FileChannel.open(
            next,
            StandardOpenOption.CREATE,
            StandardOpenOption.WRITE,
            StandardOpenOption.TRUNCATE_EXISTING)) {
      for (byte[] record : records) {
        write(out, record);
      }
      out.force(true);
    }
    Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    try (FileChannel dir = FileChannel.open(file.getParent(), StandardOpenOption.READ)) {
      dir.force(true);
    } catch (IOException e) {
      // Not every platform can fsync a folder (Windows); the rename is still atomic there.
    }
  }

  public static void write(FileChannel channel, byte[] record) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(record);
    while (buffer.hasRemaining()) {
      channel.write(buffer);
    }
  }

  public static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
