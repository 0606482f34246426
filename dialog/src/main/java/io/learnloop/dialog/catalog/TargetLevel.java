package io.learnloop.dialog.catalog;

/** How well a role needs a skill. */
public enum TargetLevel {
  /** Knows the basics. */
  BASIC(1),
  /** Applies it unaided. */
  PROFICIENT(2),
  /** Can teach it to others. */
  EXPERT(3);

  private final int number;

  TargetLevel(int number) {
    this.number = number;
  }

  /** The level as written in the roles file: 1, 2 or 3. */
  public int number() {
    return number;
  }

  /**
   * @throws IllegalArgumentException for a number other than 1, 2 or 3
   */
  public static TargetLevel of(int number) {
    for (TargetLevel level : values()) {
      if (level.number == number) {
        return level;
      }
    }
    throw new IllegalArgumentException("a target level is 1, 2 or 3 but was " + number);
  }
}
