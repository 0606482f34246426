package io.learnloop.dialog.learning;

import java.util.List;

/** {@link AnswerJournal#none()}. */
enum NoAnswerJournal implements AnswerJournal {
  INSTANCE;

  @Override
  public List<RecordAnswer> unstored() {
    return List.of();
  }

  @Override
  public void append(RecordAnswer answer) {}

  @Override
  public void sync() {}

  @Override
  public void stored(AnswerId answer) {}

  @Override
  public int pending() {
    return 0;
  }

  @Override
  public void close() {}
}
