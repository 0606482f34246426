package io.learnloop.dialog.channel;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a learner can ask for by name: a slash command, a Teams command, a typed keyword. */
public enum Command {
  ASK("ask", "tanya"),
  QUIZ("quiz", "kuis"),
  PROGRESS("progress", "kemajuan"),
  SETTINGS("settings", "pengaturan"),
  FORGET_ME("forget-me", "lupakan-saya"),
  EXPORT("export", "ekspor"),
  ROUND("round", "ronde"),
  LINK("link", "tautkan"),
  HELP("help", "bantuan");

  private final String english;
  private final String indonesian;

  Command(String english, String indonesian) {
    this.english = english;
    this.indonesian = indonesian;
  }

  public String word() {
    return english;
  }

  /** The command a word names in either language, e.g. {@code kuis} or {@code forget-me}. */
  public static Optional<Command> named(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT).replace(' ', '-');
    return Arrays.stream(values())
        .filter(c -> c.english.equals(w) || c.indonesian.equals(w))
        .findFirst();
  }
}
