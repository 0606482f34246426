package io.learnloop.dialog.learning.policy;

import io.learnloop.dialog.catalog.LocalizedText;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import java.util.List;
import java.util.Objects;

/**
 * Why LearnLoop recommends something, as a message key under {@code recommend.} and its arguments,
 * so that it can be shown in the learner's language.
 */
public record Reason(Kind kind, List<Object> arguments) {

  /** The kinds of reasons; each has a message in every language. */
  public enum Kind {
    DUE_REVIEW("recommend.due-review"),
    MISSED_BEFORE("recommend.missed-before"),
    NEXT_STEP("recommend.next-step"),
    NEXT_ROLE("recommend.next-role"),
    MICRO_LESSON("recommend.micro-lesson"),
    ADVANCED("recommend.advanced"),
    JUST_IN_TIME("recommend.just-in-time"),
    PLACEMENT("recommend.placement"),
    ALL_DONE("recommend.all-done");

    private final String key;

    Kind(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  public Reason {
    Objects.requireNonNull(kind, "kind");
    arguments = List.copyOf(arguments);
  }

  public static Reason of(Kind kind, Object... arguments) {
    return new Reason(kind, List.of(arguments));
  }

  /** The reason in {@code language}; localized arguments (skill names) are resolved too. */
  public String text(Language language) {
    Object[] resolved =
        arguments.stream()
            .map(a -> a instanceof LocalizedText text ? text.in(language) : a)
            .toArray();
    return Messages.get(language, kind.key(), resolved);
  }
}
