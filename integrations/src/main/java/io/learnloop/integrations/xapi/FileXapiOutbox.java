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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Statements waiting for the LRS, in an append-only file of checksummed JSON lines ({@code
 * outbox.jsonl}, the format of the answer journal) in a folder of its own. A statement is fsync'd
 * before {@link #append} returns; the mark that the LRS has it is written without fsync, because
 * resending a delivered statement is harmless: its id is the same and the LRS keeps one. When every
 * statement is delivered the file is emptied; at open it is compacted when it held more.
 *
 * <p>An answer's statement is written ahead of the answer: held (fsync'd, not sent) before the
 * answer store records it, released once it has (no fsync: a lost release is found again from the
 * store at the next start), dropped when it did not.
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
  // Statements of answers not yet known to be recorded: kept, not sent.
  private final Map<String, HeldAnswer> held;
  private final Set<String> heldByEarlierRun;
  private final List<String> damaged;

  private FileXapiOutbox(
      Path file, FileChannel lockChannel, FileChannel channel, Kept kept, List<String> damaged) {
    this.file = file;
    this.lockChannel = lockChannel;
    this.channel = channel;
    this.waiting = kept.waiting();
    this.held = kept.held();
    this.heldByEarlierRun = new LinkedHashSet<>(kept.held().keySet());
    this.damaged = List.copyOf(damaged);
  }

  /** What the file holds: statements by id, oldest first, and which of them are held. */
  private record Kept(Map<String, XapiStatement> waiting, Map<String, HeldAnswer> held) {}

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
      Kept kept = kept(read.records());
      Map<String, XapiStatement> waiting = kept.waiting();
      if (read.records().size() != waiting.size() || !read.damaged().isEmpty()) {
        AppendOnlyFiles.rewrite(file, encoded(kept));
      } else if (!Files.exists(file)) {
        Files.createFile(file);
      }
      FileChannel channel =
          FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
      if (!waiting.isEmpty()) {
        log.info(
            "{} xAPI statements in {} wait for the LRS, {} of them for their answer to be found",
            waiting.size(),
            file,
            kept.held().size());
      }
      return new FileXapiOutbox(file, lockChannel, channel, kept, read.damaged());
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
      boolean written = false;
      for (XapiStatement statement : statements) {
        if (held.containsKey(statement.id())) {
          release(statement.id());
        } else if (!waiting.containsKey(statement.id())) {
          write(lines.encode(OutboxEntry.of(statement)));
          waiting.put(statement.id(), statement);
          written = true;
        }
      }
      if (written) {
        channel.force(false);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write xAPI statements to " + file, e);
    }
  }

  /**
   * Keeps the statement of an answer about to be recorded durably, but not to be sent until {@link
   * #append} releases it or {@link #drop} forgets it. One already waiting (the same id) is left as
   * it is.
   *
   * @throws UncheckedIOException when it could not be written or fsync'd
   */
  synchronized void hold(XapiStatement statement, HeldAnswer answer) {
    if (waiting.containsKey(statement.id())) {
      return;
    }
    try {
      write(lines.encode(OutboxEntry.held(statement, answer)));
      channel.force(false);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write xAPI statement to " + file, e);
    }
    waiting.put(statement.id(), statement);
    held.put(statement.id(), answer);
  }

  // Without fsync: a release lost in a stop is found again from the answer store at the next start.
  private void release(String id) throws IOException {
    held.remove(id);
    heldByEarlierRun.remove(id);
    write(lines.encode(OutboxEntry.released(id)));
  }

  /**
   * Lets a held statement be sent: its answer is recorded.
   *
   * @return false when no statement of that id is held
   */
  synchronized boolean releaseHeld(String id) {
    if (!held.containsKey(id)) {
      return false;
    }
    try {
      release(id);
    } catch (IOException e) {
      log.warn("Could not mark xAPI statement {} released in {}: {}", id, file, e.toString());
    }
    return true;
  }

  /** Forgets a held statement: its answer was not recorded. One already released stays. */
  synchronized void drop(String id) {
    if (held.remove(id) == null) {
      return;
    }
    heldByEarlierRun.remove(id);
    waiting.remove(id);
    try {
      write(lines.encode(OutboxEntry.sent(id)));
    } catch (IOException e) {
      // Found held again at the next start, and dropped then unless its answer is recorded.
      log.warn("Could not mark held xAPI statement {} dropped in {}: {}", id, file, e.toString());
    }
  }

  /** The statements an earlier run held and never released nor dropped, by id. */
  synchronized Map<String, HeldAnswer> heldByEarlierRun() {
    Map<String, HeldAnswer> earlier = new LinkedHashMap<>();
    heldByEarlierRun.forEach(id -> earlier.put(id, held.get(id)));
    return earlier;
  }

  /** The oldest statements that may be sent, at most {@code max}. */
  public synchronized List<XapiStatement> oldest(int max) {
    return waiting.values().stream().filter(s -> !held.containsKey(s.id())).limit(max).toList();
  }

  /** The LRS has these statements: they are not sent again. */
  public synchronized void delivered(Collection<String> ids) {
    List<String> removed =
        ids.stream()
            .filter(id -> !held.containsKey(id))
            .filter(id -> waiting.remove(id) != null)
            .toList();
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
          kept(AppendOnlyFiles.read(
                      file.resolveSibling(DEAD_LETTER), lines, entry -> entry, "unreadable")
                  .records())
              .waiting()
              .values());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Statements waiting to be sent, those held for their answer not counted. */
  public synchronized int pending() {
    return waiting.size() - held.size();
  }

  /** Statements held until their answer is known to be recorded. */
  public synchronized int held() {
    return held.size();
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

  private static Kept kept(List<OutboxEntry> records) {
    Map<String, XapiStatement> waiting = new LinkedHashMap<>();
    Map<String, HeldAnswer> held = new LinkedHashMap<>();
    for (OutboxEntry entry : records) {
      switch (entry.type()) {
        case OutboxEntry.STATEMENT ->
            waiting.putIfAbsent(entry.id(), new XapiStatement(entry.id(), entry.statement()));
        case OutboxEntry.HELD -> {
          if (waiting.putIfAbsent(entry.id(), new XapiStatement(entry.id(), entry.statement()))
              == null) {
            held.put(entry.id(), new HeldAnswer(entry.answer(), entry.learner()));
          }
        }
        case OutboxEntry.RELEASED -> held.remove(entry.id());
        default -> {
          waiting.remove(entry.id());
          held.remove(entry.id());
        }
      }
    }
    return new Kept(waiting, held);
  }

  private static List<byte[]> encoded(Kept kept) {
    ChecksummedLines<OutboxEntry> lines = new ChecksummedLines<>(OutboxEntry.class);
    return kept.waiting().values().stream()
        .map(
            s ->
                kept.held().containsKey(s.id())
                    ? lines.encode(OutboxEntry.held(s, kept.held().get(s.id())))
                    : lines.encode(OutboxEntry.of(s)))
        .toList();
  }
}
