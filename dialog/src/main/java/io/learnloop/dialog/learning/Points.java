package io.learnloop.dialog.learning;

/** Points for answers: taking part counts, being right counts more. */
public final class Points {

  public static final int PER_ANSWER = 1;
  public static final int PER_CORRECT_ANSWER = 10;

  private Points() {}

  public static int of(boolean correct) {
    return correct ? PER_CORRECT_ANSWER : PER_ANSWER;
  }
}
