package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.TargetLevel;

/** The mastery (P(correct) on a typical item) that each target level asks for. */
public final class Targets {

  private Targets() {}

  public static double threshold(TargetLevel level) {
    return switch (level) {
      case BASIC -> 0.65;
      case PROFICIENT -> 0.75;
      case EXPERT -> 0.85;
    };
  }
}
