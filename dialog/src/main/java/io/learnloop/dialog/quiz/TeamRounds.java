package io.learnloop.dialog.quiz;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.RandomTokens;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.channel.ShortDigest;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.i18n.Messages;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.AnswersNotKeptException;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Team quiz rounds in a shared conversation: one question, everyone answers once (their own answer
 * id, round × learner, feeds their own learner model), each is told privately what they chose, and
 * the reveal replaces the card with the counts, the explanation and the leaderboard.
 */
public final class TeamRounds {

  /** How long a round stays open unless the caller says otherwise. */
  public static final Duration TIME_BOX = Duration.ofMinutes(10);

  private final Catalog catalog;
  private final Rounds rounds;
  private final AnswerRecorder recorder;
  private final AnswerLog answers;
  private final SectionTitles titles;
  private final Clock clock;

  public TeamRounds(
      Catalog catalog,
      Rounds rounds,
      AnswerRecorder recorder,
      AnswerLog answers,
      SectionTitles titles,
      Clock clock) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.rounds = Objects.requireNonNull(rounds, "rounds");
    this.recorder = Objects.requireNonNull(recorder, "recorder");
    this.answers = Objects.requireNonNull(answers, "answers");
    this.titles = Objects.requireNonNull(titles, "titles");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  /** Opens a round in {@code where} on an item in {@code language} when there is one. */
  public Reply.QuizQuestion start(ConversationRef where, Language language) {
    // Everyone in the conversation sees the card: only items on public documents.
    List<Item> publicItems =
        catalog.items().stream()
            .filter(i -> titles.groupsOf(DocumentLinks.document(i.source())).isEmpty())
            .toList();
    List<Item> items = publicItems.stream().filter(i -> i.language() == language).toList();
    List<Item> pool = items.isEmpty() ? publicItems : items;
    if (pool.isEmpty()) {
      throw new IllegalStateException("no quiz item is on a public document");
    }
    String id = "r-" + RandomTokens.of(16);
    // A different item each round (the id is random), from the pool in the round's language.
    Item item =
        pool.get(
            (int)
                Math.floorMod(
                    clock.instant().getEpochSecond() / 3600 + id.hashCode(), pool.size()));
    Instant closesAt = clock.instant().plus(TIME_BOX);
    rounds.opened(new Round(id, where.key(), item.id(), language, closesAt, Optional.empty()));
    List<Action> choices = new ArrayList<>();
    for (int i = 0; i < item.choices().size(); i++) {
      choices.add(Action.of(ActionIds.ROUND_CHOICE, id + "." + (i + 1), item.choices().get(i)));
    }
    String reason = Messages.get(language, "round.intro", TIME_BOX.toMinutes());
    return new Reply.QuizQuestion(language, id, reason, item.question(), choices);
  }

  /**
   * The open rounds whose time box has ended by {@code now}, with the conversation each is in;
   * rounds the store no longer knows are closed on the way.
   */
  public List<Map.Entry<String, ConversationRef>> due(Instant now) {
    List<Map.Entry<String, ConversationRef>> due = new ArrayList<>();
    for (String id : rounds.closingBy(now, 500)) {
      Optional<Round> round = rounds.find(id);
      String[] where = round.map(r -> r.conversation().split(":", 3)).orElse(new String[0]);
      if (where.length != 3) {
        rounds.close(id);
        continue;
      }
      due.add(Map.entry(id, ConversationRef.shared(where[0], where[1], where[2])));
    }
    return due;
  }

  public void posted(String roundId, String messageId) {
    rounds.posted(roundId, messageId);
  }

  /**
   * @param choiceNumber 1 for the first choice
   * @return a confirmation for the learner only
   */
  public Outgoing answer(
      Learner learner, ChannelUser who, ConversationRef where, String roundId, int choiceNumber) {
    Optional<Round> found = rounds.find(roundId);
    if (found.isEmpty() || !found.get().conversation().equals(where.key())) {
      return Outgoing.onlyTo(who, notice(Language.ENGLISH, "quiz.expired"));
    }
    Round round = found.get();
    Language language = round.language();
    Optional<Item> asked = catalog.item(round.item());
    if (rounds.closed(roundId) || asked.isEmpty() || clock.instant().isAfter(round.closesAt())) {
      return Outgoing.onlyTo(who, notice(language, "round.closed"));
    }
    Item item = asked.get();
    if (choiceNumber < 1 || choiceNumber > item.choices().size()) {
      return Outgoing.onlyTo(who, notice(language, "chat.unknown-action"));
    }
    int choice = choiceNumber - 1;
    int counted = rounds.answered(roundId, learner.id(), choice);
    Instant now = clock.instant();
    try {
      recorder.record(
          new RecordAnswer(
              new AnswerEvent(
                  answerId(roundId, learner.id()),
                  learner.id(),
                  item.id(),
                  counted,
                  counted == item.answer(),
                  Duration.ZERO,
                  now,
                  AnswerContext.TEAM_ROUND),
              item.skills(),
              learner.team(),
              learner.timezone()));
    } catch (AnswersNotKeptException full) {
      return Outgoing.onlyTo(
          who,
          Reply.Notice.of(
              language, Reply.Notice.Kind.UNAVAILABLE, Messages.get(language, "quiz.not-kept")));
    }
    String key = counted == choice ? "round.answered" : "round.already";
    return Outgoing.onlyTo(
        who,
        Reply.Notice.of(
            language,
            Reply.Notice.Kind.INFO,
            Messages.get(language, key, item.choices().get(counted))));
  }

  /**
   * Closes the round and reveals it in place of its card.
   *
   * @return empty when the round is unknown or was revealed before
   */
  public Optional<Outgoing> reveal(String roundId, ConversationRef where) {
    Optional<Round> found = rounds.find(roundId);
    if (found.isEmpty() || !rounds.close(roundId)) {
      return Optional.empty();
    }
    Round round = found.get();
    Item item = catalog.item(round.item()).orElseThrow();
    Language language = round.language();
    Map<LearnerId, Integer> chosen = rounds.answers(roundId);
    List<Integer> counts = new ArrayList<>();
    for (int i = 0; i < item.choices().size(); i++) {
      int choice = i;
      counts.add((int) chosen.values().stream().filter(c -> c == choice).count());
    }
    List<Reply.RoundResult.Standing> leaderboard =
        chosen.keySet().stream()
            .map(
                l -> {
                  var stats = answers.stats(l);
                  return new Reply.RoundResult.Standing(
                      l.value(), stats.points(), stats.streakDays());
                })
            .sorted(
                Comparator.comparingLong(Reply.RoundResult.Standing::points)
                    .reversed()
                    .thenComparing(Reply.RoundResult.Standing::learner))
            .limit(10)
            .toList();
    long right = chosen.values().stream().filter(c -> c == item.answer()).count();
    Reply.RoundResult result =
        new Reply.RoundResult(
            language,
            roundId,
            item.question(),
            item.choices(),
            counts,
            item.answer(),
            Messages.get(language, "round.result", right, chosen.size(), item.correctChoice()),
            item.explanation(),
            titles.cite(item.source()),
            leaderboard);
    return Optional.of(
        round
            .messageId()
            .map(id -> Outgoing.replacing(new MessageRef(where, id), result))
            .orElseGet(() -> Outgoing.toEveryone(result)));
  }

  // One answer per learner per round, within AnswerId's 120 characters whatever the learner id.
  static AnswerId answerId(String roundId, LearnerId learner) {
    return new AnswerId(roundId + "." + ShortDigest.of(learner.value(), 12));
  }

  private static Reply notice(Language language, String key) {
    return Reply.Notice.of(language, Reply.Notice.Kind.INFO, Messages.get(language, key));
  }
}
