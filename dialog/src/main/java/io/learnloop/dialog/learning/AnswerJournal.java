package io.learnloop.dialog.learning;

import java.util.List;

/**
 * Answers kept while the {@link AnswerLog} is unavailable, written where they survive a restart of
 * this process, so that the next start records them. Entries leave the journal once {@link
 * #stored(AnswerId) stored}; since the answer log is idempotent by answer id, an entry stored but
 * not yet marked before a crash is replayed as a duplicate and still counted once.
 *
 * <p>Implementations are safe for use by several threads.
 */
public interface AnswerJournal extends AutoCloseable {

  /**
   * The answers appended and not yet stored, in the order they were appended, as found when the
   * journal was opened. Records the journal cannot read whole (a write cut short by a crash) are
   * left out and reported by the implementation; they are never silently dropped from its storage.
   */
  List<RecordAnswer> unstored();

  /**
   * Appends an answer, in order; it survives a crash of the process once a later {@link #sync()}
   * has returned.
   *
   * @throws AnswerJournalException when the answer could not be written
   */
  void append(RecordAnswer answer);

  /**
   * Makes every answer appended so far durable. Threads that sync at the same time may share one
   * write to disk, so that many answers kept at once do not wait for one disk write each.
   *
   * @throws AnswerJournalException when the answers could not be made durable
   */
  void sync();

  /**
   * The answer reached the answer log and need not be replayed. Journals may make this mark less
   * durable than {@link #append}: replaying a stored answer is harmless.
   */
  void stored(AnswerId answer);

  /** How many appended answers are not yet stored. */
  int pending();

  @Override
  void close();

  /** A journal that keeps nothing: answers kept during an outage live only in memory. */
  static AnswerJournal none() {
    return NoAnswerJournal.INSTANCE;
  }
}
