package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.RandomTokens;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Quiz cards as the core sends them: unguessable ids, one action per choice. */
final class QuizCards {

  private static final Pattern CHOICE_VALUE = Pattern.compile("(q-[A-Za-z0-9_-]{22})\\.(\\d{1,2})");
  static final Pattern CARD_ID = Pattern.compile("q-[A-Za-z0-9_-]{22}");

  private QuizCards() {}

  /** 128 random bits: a card id cannot be guessed from another. */
  static String newCardId() {
    return "q-" + RandomTokens.of(16);
  }

  static Reply.QuizQuestion question(String cardId, Item item, String reason, Language language) {
    List<Action> choices = new ArrayList<>();
    for (int i = 0; i < item.choices().size(); i++) {
      choices.add(Action.of(ActionIds.QUIZ_CHOICE, cardId + "." + (i + 1), item.choices().get(i)));
    }
    return new Reply.QuizQuestion(language, cardId, reason, item.question(), choices);
  }

  /** A choice action's value: the card and the one-based choice. */
  record Choice(String cardId, int number) {}

  static Optional<Choice> parse(String value) {
    Matcher m = CHOICE_VALUE.matcher(value);
    return m.matches()
        ? Optional.of(new Choice(m.group(1), Integer.parseInt(m.group(2))))
        : Optional.empty();
  }
}
