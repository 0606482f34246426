package io.learnloop.integrations.redis;

import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearnersUnavailableException;
import io.learnloop.dialog.learning.QuestionAsked;
import io.learnloop.dialog.learning.UnknownLearnerException;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScoredValue;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.ZAddArgs;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Keeps learner profiles in Redis:
 *
 * <ul>
 *   <li>{@code learnloop:learner:{id}:profile} hash of the profile's fields; {@code identities} is
 *       one {@code channel:user} per line
 *   <li>{@code learnloop:identities} hash {@code channel:user} → learner id
 *   <li>{@code learnloop:learner:{id}:asked} sorted set skill → latest time asked (epoch ms)
 * </ul>
 *
 * A save is one {@code EVAL} of {@code save-learner.lua}, so the identity check and the update are
 * atomic. The identity index is one key for everyone: on Redis Cluster it would live in its own
 * slot and the save would need two steps.
 */
public final class RedisLearners implements Learners {

  static final String IDENTITIES = "learnloop:identities";
  private static final String SCRIPT = LuaScripts.load("save-learner.lua");

  private final RedisConnector redis;

  public RedisLearners(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public void save(Learner learner) {
    List<String> identities =
        new TreeMap<>(learner.identities())
            .entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
    List<String> args = new ArrayList<>();
    args.add(learner.id().value());
    args.add(Integer.toString(identities.size()));
    args.addAll(identities);
    fields(learner, identities)
        .forEach(
            (field, value) -> {
              args.add(field);
              args.add(value);
            });
    List<Object> reply =
        call(
            () ->
                redis
                    .sync()
                    .eval(
                        SCRIPT,
                        ScriptOutputType.MULTI,
                        new String[] {profileKey(learner.id()), IDENTITIES},
                        args.toArray(String[]::new)),
            "save learner " + learner.id());
    if ("taken".equals(reply.get(0))) {
      String[] identity = ((String) reply.get(1)).split(":", 2);
      throw new IllegalArgumentException(
          identity[0]
              + " user '"
              + identity[1]
              + "' already belongs to learner '"
              + reply.get(2)
              + "'");
    }
  }

  private static Map<String, String> fields(Learner learner, List<String> identities) {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("id", learner.id().value());
    fields.put("identities", String.join("\n", identities));
    fields.put("role", learner.role().value());
    fields.put("team", learner.team());
    fields.put("manager", learner.manager().map(LearnerId::value).orElse(""));
    fields.put("timezone", learner.timezone().getId());
    fields.put("language", learner.language().code());
    fields.put("quiz_at", learner.preferences().dailyQuizAt().toString());
    fields.put("questions_per_day", Integer.toString(learner.preferences().questionsPerDay()));
    fields.put("team_rounds", Boolean.toString(learner.preferences().teamRounds()));
    fields.put("language_chosen", Boolean.toString(learner.preferences().languageChosen()));
    fields.put("paused", Boolean.toString(learner.preferences().paused()));
    return fields;
  }

  @Override
  public Optional<Learner> find(LearnerId id) {
    Map<String, String> fields = call(() -> redis.sync().hgetall(profileKey(id)), "read " + id);
    return fields.isEmpty() ? Optional.empty() : Optional.of(learner(fields));
  }

  @Override
  public Optional<Learner> findByIdentity(String channel, String user) {
    String id = call(() -> redis.sync().hget(IDENTITIES, channel + ":" + user), "read identities");
    return id == null ? Optional.empty() : find(new LearnerId(id));
  }

  @Override
  public void questionAsked(QuestionAsked question) {
    LearnerId learner = question.learner();
    long exists = call(() -> redis.sync().exists(profileKey(learner)), "read " + learner);
    if (exists == 0) {
      throw new UnknownLearnerException(learner);
    }
    if (question.skills().isEmpty()) {
      return;
    }
    double at = question.at().toEpochMilli();
    Object[] scored =
        question.skills().stream().map(s -> ScoredValue.just(at, s.value())).toArray();
    call(
        () -> redis.sync().zadd(askedKey(learner), ZAddArgs.Builder.gt(), scored),
        "record a question of " + learner);
  }

  @Override
  public Set<SkillId> recentlyAsked(LearnerId learner, Instant since) {
    List<String> skills =
        call(
            () ->
                redis
                    .sync()
                    .zrangebyscore(
                        askedKey(learner),
                        Range.create((double) since.toEpochMilli(), Double.POSITIVE_INFINITY)),
            "read questions of " + learner);
    return skills.stream().map(SkillId::new).collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void lessonGiven(LearnerId learner, SkillId skill) {
    call(
        () -> redis.sync().sadd(lessonsKey(learner), skill.value()),
        "remember a lesson of " + learner);
  }

  @Override
  public void lessonDone(LearnerId learner, SkillId skill) {
    call(
        () -> redis.sync().srem(lessonsKey(learner), skill.value()),
        "forget a lesson of " + learner);
  }

  @Override
  public Set<SkillId> lessonsGiven(LearnerId learner) {
    return call(() -> redis.sync().smembers(lessonsKey(learner)), "read lessons of " + learner)
        .stream()
        .map(SkillId::new)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void placementSkipped(LearnerId learner) {
    call(
        () -> redis.sync().set(placementKey(learner), "skipped"),
        "remember the placement test of " + learner);
  }

  @Override
  public boolean skippedPlacement(LearnerId learner) {
    return call(
        () -> "skipped".equals(redis.sync().get(placementKey(learner))),
        "read the placement test of " + learner);
  }

  private static Learner learner(Map<String, String> f) {
    Map<String, String> identities = new LinkedHashMap<>();
    for (String identity : f.get("identities").split("\n")) {
      if (!identity.isEmpty()) {
        String[] parts = identity.split(":", 2);
        identities.put(parts[0], parts[1]);
      }
    }
    String manager = f.get("manager");
    return new Learner(
        new LearnerId(f.get("id")),
        identities,
        new RoleId(f.get("role")),
        f.get("team"),
        manager.isEmpty() ? Optional.empty() : Optional.of(new LearnerId(manager)),
        ZoneId.of(f.get("timezone")),
        Language.fromCode(f.get("language")),
        new Learner.Preferences(
            LocalTime.parse(f.get("quiz_at")),
            Integer.parseInt(f.get("questions_per_day")),
            Boolean.parseBoolean(f.get("team_rounds")),
            Boolean.parseBoolean(f.get("language_chosen")),
            Boolean.parseBoolean(f.get("paused"))));
  }

  @Override
  public void forget(LearnerId learner) {
    Optional<Learner> known = find(learner);
    call(
        () -> {
          if (known.isPresent()) {
            String[] identities =
                known.get().identities().entrySet().stream()
                    .map(e -> e.getKey() + ":" + e.getValue())
                    .toArray(String[]::new);
            if (identities.length > 0) {
              redis.sync().hdel(IDENTITIES, identities);
            }
          }
          return redis
              .sync()
              .del(
                  profileKey(learner),
                  lessonsKey(learner),
                  askedKey(learner),
                  placementKey(learner));
        },
        "forget " + learner);
  }

  private <T> T call(Supplier<T> operation, String what) {
    try {
      return operation.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new LearnersUnavailableException(
          "Could not " + what + " in Redis at " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }

  static String profileKey(LearnerId learner) {
    return "learnloop:learner:{" + learner.value() + "}:profile";
  }

  private static String placementKey(LearnerId learner) {
    return "learnloop:learner:{" + learner.value() + "}:placement";
  }

  private static String lessonsKey(LearnerId learner) {
    return "learnloop:learner:{" + learner.value() + "}:lessons";
  }

  private static String askedKey(LearnerId learner) {
    return "learnloop:learner:{" + learner.value() + "}:asked";
  }
}
