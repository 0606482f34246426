package io.learnloop.dialog.learning;

class InMemoryAnswerJournalTest extends AnswerJournalContract {

  @Override
  protected AnswerJournal open() {
    return new InMemoryAnswerJournal();
  }

  @Override
  protected AnswerJournal reopen(AnswerJournal journal) {
    journal.close();
    return ((InMemoryAnswerJournal) journal).reopen();
  }
}
