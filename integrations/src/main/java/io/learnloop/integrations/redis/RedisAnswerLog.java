package io.learnloop.integrations.redis;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.AnswerLogUnavailableException;
import io.learnloop.dialog.learning.LeaderboardEntry;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.LearnerState;
import io.learnloop.dialog.learning.LearnerStats;
import io.learnloop.dialog.learning.Points;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Recorded;
import io.learnloop.dialog.learning.SkillCount;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.learning.memory.Card;
import io.learnloop.dialog.learning.memory.Memory;
import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.KeyValue;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.Limit;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisNoScriptException;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.StreamMessage;
import io.lettuce.core.ZAddArgs;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Keeps answers and learner state in Redis. One answer is one {@code EVALSHA} of {@code
 * record-answer.lua}, atomic, on the learner's keys only; they share the hash tag {@code {learner}}
 * and so one cluster slot. The team's leaderboard, in another slot, is then set to the learner's
 * points in that team with {@code ZADD GT}: idempotent, so that a retry after a failure between the
 * two steps (the answer then comes back as a duplicate, with the same total) repairs it.
 *
 * <ul>
 *   <li>{@code learnloop:learner:{id}:answer-ids} set of recorded answer ids (idempotency)
 *   <li>{@code learnloop:learner:{id}:answers} stream of answers, the source of truth
 *   <li>{@code learnloop:learner:{id}:cards} hash item → {@code stability|difficulty|last|due}
 *   <li>{@code learnloop:learner:{id}:due} sorted set item → due time (epoch ms)
 *   <li>{@code learnloop:learner:{id}:skills} hash {@code skill:attempts}, {@code skill:wins}
 *   <li>{@code learnloop:learner:{id}:stats} hash points, answers, correct, streak, streak_day
 *   <li>{@code learnloop:learner:{id}:team-points} hash team → points earned in that team
 *   <li>{@code learnloop:team:<team>:points} sorted set learner → points (leaderboard)
 * </ul>
 */
public final class RedisAnswerLog implements AnswerLog {

  static final String SCRIPT = LuaScripts.load("record-answer.lua");
  static final String TEAM_PREFIX = "learnloop:team:";
  static final String LEARNER_PREFIX = "learnloop:learner:{";
  static final String SEEDED = "learnloop:migrations:team-points-seeded";

  private final RedisConnector redis;
  private final Spacing spacing;
  private final String[] spacingArgs;
  private volatile String sha;

  public RedisAnswerLog(RedisConnector redis, Spacing spacing) {
    this.redis = Objects.requireNonNull(redis, "redis");
    this.spacing = Objects.requireNonNull(spacing, "spacing");
    double[] w = spacing.parameters().w();
    spacingArgs = new String[w.length];
    for (int i = 0; i < w.length; i++) {
      spacingArgs[i] = Double.toString(w[i]);
    }
  }

  /**
   * With {@code appendfsync everysec}, Redis's default, a write postponed behind a slow fsync waits
   * at most two seconds, and an fsync is started every second; five seconds leaves room for both
   * and for a machine slower than Redis expects.
   */
  private static final Duration LOSABLE = Duration.ofSeconds(5);

  @Override
  public Duration acknowledgedButLosable() {
    return LOSABLE;
  }

  @Override
  public void whenReconnected(Runnable callback) {
    redis.whenReconnected(callback);
  }

  @Override
  public Recorded record(RecordAnswer command) {
    return call(
        () -> {
          List<Object> reply = eval(keysOf(command), args(command, command.localDay(), "record"));
          if (!command.team().isEmpty()) {
            redis
                .sync()
                .zadd(
                    teamKey(command.team()),
                    ZAddArgs.Builder.gt(),
                    teamTotal(reply),
                    command.answer().learner().value());
          }
          return outcome(reply);
        },
        "record answer " + command.answer().id());
  }

  /**
   * Sends every answer's script call before waiting for the first reply: one round trip's wait for
   * the whole list. Redis runs them in the order sent, as one after the other.
   */
  @Override
  public List<Recorded> recordAll(List<RecordAnswer> commands) {
    if (commands.isEmpty()) {
      return List.of();
    }
    // The first answer goes alone and must succeed before the rest are written: were the
    // connection to come back while a pipeline is being written, the answers rejected before it
    // would be recorded after the ones sent behind them.
    Recorded first = record(commands.get(0));
    List<Recorded> outcomes = new ArrayList<>(commands.size());
    outcomes.add(first);
    List<RecordAnswer> rest = commands.subList(1, commands.size());
    if (!rest.isEmpty()) {
      outcomes.addAll(call(() -> applyAll(rest), "record " + rest.size() + " answers"));
    }
    return outcomes;
  }

  private List<Recorded> applyAll(List<RecordAnswer> commands) {
    if (sha == null) {
      sha = redis.sync().scriptLoad(SCRIPT);
    }
    String current = sha;
    RedisClusterAsyncCommands<String, String> async = redis.async();
    List<RedisFuture<List<Object>>> replies = new ArrayList<>(commands.size());
    for (RecordAnswer command : commands) {
      replies.add(
          async.evalsha(
              current,
              ScriptOutputType.MULTI,
              keysOf(command),
              args(command, command.localDay(), "record")));
    }
    long timeout = redis.timeout().toMillis();
    List<Recorded> outcomes = new ArrayList<>(commands.size());
    List<RedisFuture<Long>> leaderboards = new ArrayList<>();
    for (int i = 0; i < commands.size(); i++) {
      RecordAnswer command = commands.get(i);
      List<Object> reply;
      try {
        reply = LettuceFutures.awaitOrCancel(replies.get(i), timeout, TimeUnit.MILLISECONDS);
      } catch (RedisNoScriptException e) {
        // A restarted Redis forgot the script: this and the later calls failed, none applied.
        reply = eval(keysOf(command), args(command, command.localDay(), "record"));
      }
      outcomes.add(outcome(reply));
      if (!command.team().isEmpty()) {
        leaderboards.add(
            async.zadd(
                teamKey(command.team()),
                ZAddArgs.Builder.gt(),
                teamTotal(reply),
                command.answer().learner().value()));
      }
    }
    for (RedisFuture<Long> leaderboard : leaderboards) {
      LettuceFutures.awaitOrCancel(leaderboard, timeout, TimeUnit.MILLISECONDS);
    }
    return outcomes;
  }

  private Recorded apply(RecordAnswer command, long localDay, String mode) {
    return outcome(eval(keysOf(command), args(command, localDay, mode)));
  }

  private static double teamTotal(List<Object> reply) {
    return (Long) reply.get(4);
  }

  private static String[] keysOf(RecordAnswer command) {
    return new Keys(command.answer().learner()).forScript();
  }

  private String[] args(RecordAnswer command, long localDay, String mode) {
    AnswerEvent a = command.answer();
    String[] args = new String[16 + spacingArgs.length];
    args[0] = a.id().value();
    args[1] = a.learner().value();
    args[2] = a.item().value();
    args[3] =
        command.skills().stream().map(SkillId::value).sorted().collect(Collectors.joining(","));
    args[4] = a.correct() ? "1" : "0";
    args[5] = Integer.toString(a.choice());
    args[6] = Long.toString(a.responseTime().toMillis());
    args[7] = Long.toString(a.at().toEpochMilli());
    args[8] = a.context().name();
    args[9] = Long.toString(localDay);
    args[10] = command.team();
    args[11] = mode;
    args[12] = Integer.toString(a.rating().value());
    args[13] = Double.toString(spacing.desiredRetention());
    args[14] = Long.toString(spacing.maximumDays());
    args[15] = Integer.toString(Points.of(a.correct()));
    System.arraycopy(spacingArgs, 0, args, 16, spacingArgs.length);
    return args;
  }

  private static Recorded outcome(List<Object> reply) {
    String status = (String) reply.get(0);
    long due = (Long) reply.get(3);
    return new Recorded(
        status.equals("duplicate"),
        status.equals("out-of-order"),
        (Long) reply.get(1),
        ((Long) reply.get(2)).intValue(),
        due < 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(due)));
  }

  private List<Object> eval(String[] keys, String[] args) {
    RedisClusterCommands<String, String> sync = redis.sync();
    String current = sha;
    if (current == null) {
      current = sha = sync.scriptLoad(SCRIPT);
    }
    try {
      return sync.evalsha(current, ScriptOutputType.MULTI, keys, args);
    } catch (RedisNoScriptException e) {
      // A restarted or failed-over Redis has an empty script cache.
      sha = sync.scriptLoad(SCRIPT);
      return sync.evalsha(sha, ScriptOutputType.MULTI, keys, args);
    }
  }

  /**
   * Seeds the points per team of learners recorded before {@code team-points} existed from the
   * leaderboards, once (a marker key remembers it); later answers add to them, so that the
   * leaderboards keep counting from where they were. Safe to run again and on every start.
   *
   * @return how many learner-team totals were seeded
   * @throws AnswerLogUnavailableException when Redis cannot be reached
   */
  public long seedTeamPointsFromLeaderboards() {
    return call(
        () -> {
          var sync = redis.sync();
          if (sync.exists(SEEDED) == 1) {
            return 0L;
          }
          long seeded = 0;
          ScanCursor cursor = ScanCursor.INITIAL;
          do {
            KeyScanCursor<String> page =
                sync.scan(cursor, ScanArgs.Builder.matches(TEAM_PREFIX + "*:points").limit(500));
            for (String key : page.getKeys()) {
              String team = key.substring(TEAM_PREFIX.length(), key.length() - ":points".length());
              for (ScoredValue<String> entry : sync.zrangeWithScores(key, 0, -1)) {
                String teamPoints = new Keys(new LearnerId(entry.getValue())).teamPoints;
                if (sync.hsetnx(teamPoints, team, Long.toString((long) entry.getScore()))) {
                  seeded++;
                }
              }
            }
            cursor = page;
          } while (!cursor.isFinished());
          sync.set(SEEDED, "1");
          return seeded;
        },
        "seed team points");
  }

  @Override
  public Optional<Card> card(LearnerId learner, ItemId item) {
    String value = call(() -> redis.sync().hget(new Keys(learner).cards, item.value()), "read");
    return Optional.ofNullable(value).map(RedisAnswerLog::card);
  }

  // One HMGET for all of them: a learner's snapshot needs a card per item answered.
  @Override
  public Map<ItemId, Card> cards(LearnerId learner, Collection<ItemId> items) {
    if (items.isEmpty()) {
      return Map.of();
    }
    String[] fields = items.stream().map(ItemId::value).toArray(String[]::new);
    List<KeyValue<String, String>> values =
        call(() -> redis.sync().hmget(new Keys(learner).cards, fields), "read");
    Map<ItemId, Card> cards = new HashMap<>();
    values.forEach(v -> v.ifHasValue(value -> cards.put(new ItemId(v.getKey()), card(value))));
    return cards;
  }

  private static Card card(String value) {
    String[] parts = value.split("\\|");
    return new Card(
        Card.Phase.REVIEW,
        0,
        new Memory(Double.parseDouble(parts[0]), Double.parseDouble(parts[1])),
        Instant.ofEpochMilli(Long.parseLong(parts[2])),
        Instant.ofEpochMilli(Long.parseLong(parts[3])));
  }

  @Override
  public List<ItemId> due(LearnerId learner, Instant now, int limit) {
    requirePositive(limit);
    return dueItems(
        call(
            () ->
                redis
                    .sync()
                    .zrangebyscoreWithScores(new Keys(learner).due, dueBy(now), first(limit)),
            "read due items"));
  }

  private static Range<Double> dueBy(Instant now) {
    return Range.create(Double.NEGATIVE_INFINITY, (double) now.toEpochMilli());
  }

  private static Limit first(int limit) {
    return Limit.create(0, limit);
  }

  private static List<ItemId> dueItems(List<ScoredValue<String>> due) {
    return due.stream()
        .sorted(
            Comparator.comparingDouble((ScoredValue<String> v) -> v.getScore())
                .thenComparing(ScoredValue::getValue))
        .map(v -> new ItemId(v.getValue()))
        .toList();
  }

  @Override
  public LearnerStats stats(LearnerId learner) {
    Keys keys = new Keys(learner);
    Map<String, String> stats = call(() -> redis.sync().hgetall(keys.stats), "read stats");
    Map<String, String> skills = call(() -> redis.sync().hgetall(keys.skills), "read skills");
    return stats(stats, skills);
  }

  private static LearnerStats stats(Map<String, String> stats, Map<String, String> skills) {
    Map<SkillId, SkillCount> counts = new HashMap<>();
    for (String field : new TreeSet<>(skills.keySet())) {
      if (field.endsWith(":attempts")) {
        String skill = field.substring(0, field.length() - ":attempts".length());
        counts.put(
            new SkillId(skill),
            new SkillCount(
                Integer.parseInt(skills.get(field)),
                Integer.parseInt(skills.getOrDefault(skill + ":wins", "0"))));
      }
    }
    Function<String, Long> number = f -> Long.parseLong(stats.getOrDefault(f, "0"));
    return new LearnerStats(
        number.apply("points"),
        number.apply("answers").intValue(),
        number.apply("correct").intValue(),
        number.apply("streak").intValue(),
        counts);
  }

  // Sent in one go; each part is waited for when it is first asked for.
  @Override
  public LearnerState readState(LearnerId learner, Instant now, int dueLimit) {
    requirePositive(dueLimit);
    Keys keys = new Keys(learner);
    RedisClusterAsyncCommands<String, String> async = call(redis::async, "read");
    RedisFuture<Map<String, String>> cards = async.hgetall(keys.cards);
    RedisFuture<Map<String, String>> stats = async.hgetall(keys.stats);
    RedisFuture<Map<String, String>> skills = async.hgetall(keys.skills);
    RedisFuture<List<ScoredValue<String>>> due =
        async.zrangebyscoreWithScores(keys.due, dueBy(now), first(dueLimit));
    return new LearnerState() {
      @Override
      public Map<ItemId, Card> cards() {
        Map<ItemId, Card> read = new HashMap<>();
        call(() -> redis.await(cards), "read cards")
            .forEach((item, value) -> read.put(new ItemId(item), card(value)));
        return read;
      }

      @Override
      public LearnerStats stats() {
        return RedisAnswerLog.stats(
            call(() -> redis.await(stats), "read stats"),
            call(() -> redis.await(skills), "read skills"));
      }

      @Override
      public List<ItemId> due() {
        return dueItems(call(() -> redis.await(due), "read due items"));
      }
    };
  }

  // One pipelined HGET per learner: a dashboard of 500 people asks this on every view.
  @Override
  public List<Integer> answerCounts(List<LearnerId> learners) {
    return call(
        () -> {
          RedisClusterAsyncCommands<String, String> async = redis.async();
          List<RedisFuture<String>> replies = new ArrayList<>(learners.size());
          for (LearnerId learner : learners) {
            replies.add(async.hget(new Keys(learner).stats, "answers"));
          }
          long timeout = redis.timeout().toMillis();
          List<Integer> counts = new ArrayList<>(learners.size());
          for (RedisFuture<String> reply : replies) {
            String count = LettuceFutures.awaitOrCancel(reply, timeout, TimeUnit.MILLISECONDS);
            counts.add(count == null ? 0 : Integer.parseInt(count));
          }
          return counts;
        },
        "read answer counts");
  }

  @Override
  public List<LeaderboardEntry> leaderboard(String team, int limit) {
    requirePositive(limit);
    List<ScoredValue<String>> top =
        call(
            () -> redis.sync().zrevrangeWithScores(teamKey(team), 0, limit - 1),
            "read leaderboard");
    return top.stream()
        .map(v -> new LeaderboardEntry(new LearnerId(v.getValue()), (long) v.getScore()))
        .toList();
  }

  @Override
  public List<AnswerEvent> answers(LearnerId learner) {
    return entries(learner).stream().map(m -> event(learner, m.getBody())).toList();
  }

  /** Scans for the learners' answer streams: every node of a cluster, a page at a time. */
  @Override
  public Set<LearnerId> learners() {
    return call(
        () -> {
          var sync = redis.sync();
          Set<LearnerId> learners = new HashSet<>();
          ScanCursor cursor = ScanCursor.INITIAL;
          do {
            KeyScanCursor<String> page =
                sync.scan(
                    cursor, ScanArgs.Builder.matches(LEARNER_PREFIX + "*}:answers").limit(500));
            for (String key : page.getKeys()) {
              learners.add(
                  new LearnerId(
                      key.substring(LEARNER_PREFIX.length(), key.length() - "}:answers".length())));
            }
            cursor = page;
          } while (!cursor.isFinished());
          return learners;
        },
        "list learners");
  }

  @Override
  public void forget(LearnerId learner) {
    Keys keys = new Keys(learner);
    call(
        () -> {
          for (String team : redis.sync().hkeys(keys.teamPoints)) {
            redis.sync().zrem(teamKey(team), learner.value());
          }
          return redis.sync().del(keys.forScript());
        },
        "forget the answers of " + learner);
  }

  @Override
  public void rebuild(LearnerId learner) {
    Keys keys = new Keys(learner);
    List<StreamMessage<String, String>> entries = entries(learner);
    call(
        () ->
            redis
                .sync()
                .del(
                    keys.answerIds, keys.cards, keys.due, keys.skills, keys.stats, keys.teamPoints),
        "clear derived state");
    for (StreamMessage<String, String> entry : entries) {
      Map<String, String> body = entry.getBody();
      AnswerEvent event = event(learner, body);
      RecordAnswer command =
          new RecordAnswer(
              event,
              java.util.Arrays.stream(body.get("skills").split(","))
                  .map(SkillId::new)
                  .collect(Collectors.toSet()),
              body.get("team"),
              java.time.ZoneOffset.UTC);
      // The local day was computed in the learner's zone when recorded: replay it as stored.
      long day = Long.parseLong(body.get("day"));
      call(() -> apply(command, day, "replay"), "rebuild " + learner);
    }
  }

  private List<StreamMessage<String, String>> entries(LearnerId learner) {
    return call(
        () -> redis.sync().xrange(new Keys(learner).answers, Range.create("-", "+")),
        "read answers");
  }

  private static AnswerEvent event(LearnerId learner, Map<String, String> body) {
    return new AnswerEvent(
        new AnswerId(body.get("id")),
        learner,
        new ItemId(body.get("item")),
        Integer.parseInt(body.get("choice")),
        body.get("correct").equals("1"),
        Duration.ofMillis(Long.parseLong(body.get("response_ms"))),
        Instant.ofEpochMilli(Long.parseLong(body.get("at"))),
        AnswerContext.valueOf(body.get("context")));
  }

  private <T> T call(java.util.function.Supplier<T> operation, String what) {
    try {
      return operation.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new AnswerLogUnavailableException(
          "Could not " + what + " in Redis at " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }

  private static void requirePositive(int limit) {
    if (limit <= 0) {
      throw new IllegalArgumentException("limit must be positive but was " + limit);
    }
  }

  static String teamKey(String team) {
    return TEAM_PREFIX + team + ":points";
  }

  /** The learner's keys; the hash tag keeps them in one cluster slot. */
  static final class Keys {
    final String answerIds;
    final String answers;
    final String cards;
    final String due;
    final String skills;
    final String stats;
    final String teamPoints;

    Keys(LearnerId learner) {
      String prefix = LEARNER_PREFIX + learner.value() + "}:";
      answerIds = prefix + "answer-ids";
      answers = prefix + "answers";
      cards = prefix + "cards";
      due = prefix + "due";
      skills = prefix + "skills";
      stats = prefix + "stats";
      teamPoints = prefix + "team-points";
    }

    String[] forScript() {
      return new String[] {answerIds, answers, cards, due, skills, stats, teamPoints};
    }
  }
}
