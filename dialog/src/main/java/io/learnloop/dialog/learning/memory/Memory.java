package io.learnloop.dialog.learning.memory;

/**
 * FSRS's memory state of one learner for one item.
 *
 * @param stability days until recall probability falls to 90%
 * @param difficulty 1 (easy) to 10 (hard)
 */
public record Memory(double stability, double difficulty) {

  public Memory {
    if (!(stability > 0) || !(difficulty >= 1 && difficulty <= 10)) {
      throw new IllegalArgumentException(
          "need stability > 0 and difficulty in [1, 10] but got "
              + stability
              + " and "
              + difficulty);
    }
  }
}
