package io.learnloop.dialog.learning;

/**
 * Where learning activity is reported beyond the learner model, such as a Learning Record Store.
 *
 * <p>Implementations must return quickly and must not throw for an outage of their own: callers
 * report after the fact, when the learner's reply no longer depends on it. Whatever an
 * implementation cannot deliver now it keeps and delivers later.
 */
public interface LearningRecords {

  /**
   * An answer reached the answer store for the first time. Never called for a duplicate (a second
   * press on the same card), except for an answer an earlier run journaled: whether that run
   * reported it before it stopped is unknown, so it is reported again with the same content and id.
   */
  void answered(RecordAnswer answer);

  /**
   * An answer is about to be offered to the answer store. An implementation that must not lose the
   * report of a recorded answer keeps it durably now, held back until {@link #answered} or {@link
   * #notRecorded}: a stop between the store's write and {@link #answered} would otherwise lose it.
   * A report held from a run that stopped is resolved at the next start from the answer store.
   * Nothing by default.
   */
  default void answering(RecordAnswer answer) {}

  /**
   * An answer announced by {@link #answering} was not recorded by this call (a duplicate of an
   * answer already reported, refused, or not kept): its held report is forgotten. Nothing by
   * default.
   */
  default void notRecorded(RecordAnswer answer) {}

  /** A micro-lesson (a handbook section) was sent to the learner. */
  void lessonViewed(LessonViewed lesson);

  /** Reports nothing. */
  static LearningRecords none() {
    return None.INSTANCE;
  }

  enum None implements LearningRecords {
    INSTANCE;

    @Override
    public void answered(RecordAnswer answer) {}

    @Override
    public void lessonViewed(LessonViewed lesson) {}
  }
}
