package io.learnloop.dialog.learning.memory;

/** How a review went, on FSRS's four-point scale. Only {@link #AGAIN} means forgotten. */
public enum Rating {
  AGAIN(1),
  HARD(2),
  GOOD(3),
  EASY(4);

  private final int value;

  Rating(int value) {
    this.value = value;
  }

  public int value() {
    return value;
  }

  public boolean recalled() {
    return this != AGAIN;
  }

  /**
   * @throws IllegalArgumentException for a value other than 1 to 4
   */
  public static Rating of(int value) {
    if (value < 1 || value > 4) {
      throw new IllegalArgumentException("a rating is 1 (again) to 4 (easy) but was " + value);
    }
    return values()[value - 1];
  }
}
