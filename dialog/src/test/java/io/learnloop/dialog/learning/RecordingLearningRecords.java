package io.learnloop.dialog.learning;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Keeps what it is told, for tests to assert on. */
public final class RecordingLearningRecords implements LearningRecords {

  public final List<RecordAnswer> answers = new CopyOnWriteArrayList<>();
  public final List<LessonViewed> lessons = new CopyOnWriteArrayList<>();

  @Override
  public void answered(RecordAnswer answer) {
    answers.add(answer);
  }

  @Override
  public void lessonViewed(LessonViewed lesson) {
    lessons.add(lesson);
  }
}
