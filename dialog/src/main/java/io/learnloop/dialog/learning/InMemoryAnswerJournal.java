package io.learnloop.dialog.learning;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A journal whose storage is a list in this process, for tests: {@link #reopen()} stands for the
 * next start of the application, reading what the previous instance left.
 */
public final class InMemoryAnswerJournal implements AnswerJournal {

  private final List<RecordAnswer> storage;
  private final List<RecordAnswer> unstoredAtOpen;

  public InMemoryAnswerJournal() {
    this(new ArrayList<>());
  }

  private InMemoryAnswerJournal(List<RecordAnswer> storage) {
    this.storage = storage;
    synchronized (storage) {
      this.unstoredAtOpen = List.copyOf(storage);
    }
  }

  /** A new journal over the same storage, as the next start of the process would see it. */
  public InMemoryAnswerJournal reopen() {
    return new InMemoryAnswerJournal(storage);
  }

  @Override
  public List<RecordAnswer> unstored() {
    return unstoredAtOpen;
  }

  @Override
  public void append(RecordAnswer answer) {
    Objects.requireNonNull(answer, "answer");
    synchronized (storage) {
      storage.add(answer);
    }
  }

  @Override
  public void sync() {}

  @Override
  public void stored(AnswerId answer) {
    synchronized (storage) {
      storage.removeIf(kept -> kept.answer().id().equals(answer));
    }
  }

  @Override
  public int pending() {
    synchronized (storage) {
      return storage.size();
    }
  }

  @Override
  public void close() {}
}
