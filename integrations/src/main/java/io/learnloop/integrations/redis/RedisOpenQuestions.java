package io.learnloop.integrations.redis;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.quiz.OpenQuestion;
import io.learnloop.dialog.quiz.OpenQuestions;
import io.learnloop.dialog.quiz.OpenQuestionsUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Open questions in Redis, so that a card can be answered after a restart or on another instance: a
 * hash {@code learnloop:quiz:open:<quiz id>} per question and a string {@code
 * learnloop:quiz:waiting:<conversation>} holding the quiz id a typed number in that conversation
 * answers. Both expire {@link #KEPT_FOR} after the question was asked; an answered question a week
 * after its answer.
 */
public final class RedisOpenQuestions implements OpenQuestions {

  static final String QUESTION_PREFIX = "learnloop:quiz:open:";
  static final String WAITING_PREFIX = "learnloop:quiz:waiting:";

  /** A week: a daily question left for the weekend can still be answered on Monday. */
  static final Duration KEPT_FOR = Duration.ofDays(7);

  // The question and its expiry in one step: a hash without an expiry would never leave.
  private static final String SAVE_EXPIRING_HASH =
      "redis.call('hset', KEYS[1], unpack(ARGV, 2)) "
          + "return redis.call('pexpire', KEYS[1], ARGV[1])";

  // Only the question it was waiting for may clear a sender's waiting quiz: a newer one stays.
  private static final String CLEAR_IF_WAITING_FOR =
      "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) end return 0";

  // A card whose question expired must not come back as a hash with only its message.
  private static final String SET_IF_EXISTS =
      "if redis.call('exists', KEYS[1]) == 1 then return redis.call('hset', KEYS[1], ARGV[1], ARGV[2])"
          + " end return 0";

  private final RedisConnector redis;

  public RedisOpenQuestions(RedisConnector redis) {
    this.redis = redis;
  }

  @Override
  public void opened(String quizId, OpenQuestion question) {
    Map<String, String> fields =
        Map.of(
            "conversation", question.conversation(),
            "learner", question.learner().value(),
            "role", question.role().value(),
            "team", question.team(),
            "zone", question.zone().getId(),
            "item", question.item().value(),
            "asked-at", Long.toString(question.askedAt().toEpochMilli()),
            "language", question.language().code(),
            "context", question.context().name());
    String key = QUESTION_PREFIX + quizId;
    run(
        "save open question " + quizId,
        () -> {
          String[] arguments = new String[1 + 2 * fields.size()];
          arguments[0] = Long.toString(KEPT_FOR.toMillis());
          int next = 1;
          for (var field : fields.entrySet()) {
            arguments[next++] = field.getKey();
            arguments[next++] = field.getValue();
          }
          // Two keys, possibly in two cluster slots, sent together: if the second write fails
          // the card's button still answers the question; only a typed number does not.
          RedisClusterAsyncCommands<String, String> async = redis.async();
          redis.awaitAll(
              async.eval(
                  SAVE_EXPIRING_HASH, ScriptOutputType.INTEGER, new String[] {key}, arguments),
              async.psetex(WAITING_PREFIX + question.conversation(), KEPT_FOR.toMillis(), quizId));
          return null;
        });
  }

  @Override
  public void posted(String quizId, String messageId) {
    run(
        "remember the message of open question " + quizId,
        () ->
            redis
                .sync()
                .eval(
                    SET_IF_EXISTS,
                    ScriptOutputType.INTEGER,
                    new String[] {QUESTION_PREFIX + quizId},
                    "message",
                    messageId));
  }

  @Override
  public Optional<OpenQuestion> find(String quizId) {
    Map<String, String> fields =
        run("read open question " + quizId, () -> redis.sync().hgetall(QUESTION_PREFIX + quizId));
    if (fields == null || fields.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(question(fields));
    } catch (RuntimeException e) {
      throw new OpenQuestionsUnavailableException(
          "Open question " + quizId + " in " + redis.displayUrl() + " is unreadable: " + e, e);
    }
  }

  private static OpenQuestion question(Map<String, String> fields) {
    // Cards opened before conversations were keyed by conversation name their sender instead.
    String conversation = fields.getOrDefault("conversation", fields.get("sender"));
    return new OpenQuestion(
        conversation,
        new LearnerId(fields.get("learner")),
        new RoleId(fields.get("role")),
        fields.get("team"),
        ZoneId.of(fields.get("zone")),
        new ItemId(fields.get("item")),
        Instant.ofEpochMilli(Long.parseLong(fields.get("asked-at"))),
        Language.fromCode(fields.get("language")),
        AnswerContext.valueOf(fields.getOrDefault("context", AnswerContext.DAILY.name())),
        Optional.ofNullable(fields.get("message")));
  }

  @Override
  public Optional<String> waitingFor(String conversation) {
    return Optional.ofNullable(
        run(
            "read the waiting question of " + conversation,
            () -> redis.sync().get(WAITING_PREFIX + conversation)));
  }

  @Override
  public void answered(String conversation, String quizId) {
    run(
        "close open question " + quizId,
        () -> {
          redis.awaitAll(close(conversation, quizId));
          return null;
        });
  }

  /** Sent on the connection every later command of this instance follows, so they see it. */
  @Override
  public CompletionStage<Void> answeredLater(String conversation, String quizId) {
    String what = "close open question " + quizId;
    RedisFuture<?>[] commands;
    try {
      commands = close(conversation, quizId);
    } catch (RedisException | RedisUnavailableException e) {
      return CompletableFuture.failedFuture(unavailable(what, e));
    }
    return CompletableFuture.allOf(
            Arrays.stream(commands)
                .map(RedisFuture::toCompletableFuture)
                .toArray(CompletableFuture<?>[]::new))
        .orTimeout(redis.timeout().toMillis(), TimeUnit.MILLISECONDS)
        .handle(
            (done, failed) -> {
              if (failed != null) {
                Throwable cause =
                    failed instanceof CompletionException && failed.getCause() != null
                        ? failed.getCause()
                        : failed;
                throw new CompletionException(unavailable(what, cause));
              }
              return null;
            });
  }

  private RedisFuture<?>[] close(String conversation, String quizId) {
    RedisClusterAsyncCommands<String, String> async = redis.async();
    return new RedisFuture<?>[] {
      async.eval(
          CLEAR_IF_WAITING_FOR,
          ScriptOutputType.INTEGER,
          new String[] {WAITING_PREFIX + conversation},
          quizId),
      // A repeat click within a week of the answer says "already counted", not "expired".
      async.pexpire(QUESTION_PREFIX + quizId, KEPT_FOR.toMillis())
    };
  }

  private <T> T run(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw unavailable(what, e);
    }
  }

  private OpenQuestionsUnavailableException unavailable(String what, Throwable e) {
    return new OpenQuestionsUnavailableException(
        "Could not " + what + " in " + redis.displayUrl() + ": " + e.getMessage(), e);
  }
}
