package io.learnloop.integrations.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.LearnersUnavailableException;
import io.learnloop.dialog.learning.QuestionAsked;
import io.learnloop.dialog.learning.QuizHistory;
import io.learnloop.dialog.learning.UnknownLearnerException;
import io.lettuce.core.Range;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import java.time.DayOfWeek;
import java.time.Duration;
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
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps learner profiles in Redis:
 *
 * <ul>
 *   <li>{@code learnloop:learner:{id}:profile} hash of the profile's fields; {@code identities} is
 *       one {@code channel:user} per line
 *   <li>{@code learnloop:identity:{channel:user}} the learner id holding that channel identity
 *   <li>{@code learnloop:learner:{id}:asked} sorted set skill → latest time asked (epoch ms)
 * </ul>
 *
 * Every script touches one key or one learner's keys, so all of it runs on a Redis Cluster, where a
 * learner's keys and each identity live in their own slots. Without one atomic step across them,
 * the profile is the truth: an identity key counts only while the profile it names lists the
 * identity back. A save claims the identities first, writes the profile, then releases those the
 * profile no longer lists; a crash in between leaves a claim no profile confirms, which a lookup
 * ignores and the next claim of that identity takes over.
 *
 * <p>Which learner holds an identity is remembered on this instance, so a known sender costs one
 * read (the profile), which also confirms the holder: a link or forget on another instance is
 * noticed at the next lookup.
 */
public final class RedisLearners implements Learners {

  private static final Logger log = LoggerFactory.getLogger(RedisLearners.class);

  static final String IDENTITY_PREFIX = "learnloop:identity:";

  /** The index of earlier versions: one hash for everyone, which no cluster slot can share. */
  static final String LEGACY_IDENTITIES = "learnloop:identities";

  private static final String SAVE_PROFILE = LuaScripts.load("save-profile.lua");
  private static final String CLAIM_IDENTITY = LuaScripts.load("claim-identity.lua");
  private static final String RELEASE_IDENTITY = LuaScripts.load("release-identity.lua");
  private static final String QUESTION_ASKED = LuaScripts.load("question-asked.lua");

  private final RedisConnector redis;
  private final Cache<String, LearnerId> holders =
      Caffeine.newBuilder().maximumSize(200_000).expireAfterAccess(Duration.ofHours(1)).build();
  private final AtomicBoolean legacyMoved = new AtomicBoolean();

  public RedisLearners(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public void save(Learner learner) {
    moveLegacyIdentities();
    List<String> identities = identities(learner);
    List<String> claimed = new ArrayList<>();
    try {
      for (String identity : identities) {
        if (claim(learner.id(), identity)) {
          claimed.add(identity);
        }
      }
    } catch (RuntimeException e) {
      claimed.forEach(identity -> releaseQuietly(learner.id(), identity));
      throw e;
    }
    List<String> args = new ArrayList<>();
    fields(learner, identities)
        .forEach(
            (field, value) -> {
              args.add(field);
              args.add(value);
            });
    String old =
        call(
            () ->
                redis
                    .sync()
                    .eval(
                        SAVE_PROFILE,
                        ScriptOutputType.VALUE,
                        new String[] {profileKey(learner.id())},
                        args.toArray(String[]::new)),
            "save learner " + learner.id());
    for (String identity : old.split("\n")) {
      if (!identity.isEmpty() && !identities.contains(identity)) {
        holders.invalidate(identity);
        call(() -> release(learner.id(), identity), "release " + identity + " of " + learner.id());
      }
    }
    identities.forEach(identity -> holders.put(identity, learner.id()));
  }

  /**
   * @return true when the identity was free and is now the learner's, false when it was theirs
   * @throws IllegalArgumentException when another learner's profile lists it
   */
  private boolean claim(LearnerId learner, String identity) {
    String stale = "";
    while (true) {
      String from = stale;
      List<Object> reply =
          call(
              () ->
                  redis
                      .sync()
                      .eval(
                          CLAIM_IDENTITY,
                          ScriptOutputType.MULTI,
                          new String[] {identityKey(identity)},
                          learner.value(),
                          from),
              "claim " + identity + " for " + learner);
      if (!"taken".equals(reply.get(0))) {
        return "new".equals(reply.get(0));
      }
      LearnerId holder = new LearnerId((String) reply.get(1));
      if (!stale.isEmpty() || find(holder).filter(h -> lists(h, identity)).isPresent()) {
        String[] parts = identity.split(":", 2);
        throw new IllegalArgumentException(
            parts[0] + " user '" + parts[1] + "' already belongs to learner '" + holder + "'");
      }
      stale = holder.value();
    }
  }

  private Long release(LearnerId learner, String identity) {
    return redis
        .sync()
        .eval(
            RELEASE_IDENTITY,
            ScriptOutputType.INTEGER,
            new String[] {identityKey(identity)},
            learner.value());
  }

  // Undoing a claim is a courtesy: a claim no profile lists back is ignored and taken over.
  private void releaseQuietly(LearnerId learner, String identity) {
    try {
      release(learner, identity);
    } catch (RuntimeException e) {
      // the claim stays unconfirmed; lookups ignore it
    }
  }

  private static List<String> identities(Learner learner) {
    return new TreeMap<>(learner.identities())
        .entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toList();
  }

  private static boolean lists(Learner learner, String identity) {
    String[] parts = identity.split(":", 2);
    return parts[1].equals(learner.identities().get(parts[0]));
  }

  // Copies the old one-hash index to the per-identity keys once; SET NX never overwrites a claim
  // made since, and a second instance doing the same copies the same values.
  private void moveLegacyIdentities() {
    if (legacyMoved.get()) {
      return;
    }
    call(
        () -> {
          if (redis.sync().exists(LEGACY_IDENTITIES) == 1) {
            redis
                .sync()
                .hgetall(LEGACY_IDENTITIES)
                .forEach(
                    (identity, learner) ->
                        redis.sync().set(identityKey(identity), learner, SetArgs.Builder.nx()));
            redis.sync().del(LEGACY_IDENTITIES);
          }
          return null;
        },
        "move the identity index to one key per identity");
    legacyMoved.set(true);
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
    fields.put(
        "quiz_days",
        learner.preferences().quizDays().stream()
            .sorted()
            .map(DayOfWeek::name)
            .collect(Collectors.joining(",")));
    fields.put("next_role", learner.preferences().nextRole().map(RoleId::value).orElse(""));
    return fields;
  }

  @Override
  public Optional<Learner> find(LearnerId id) {
    Map<String, String> fields = call(() -> redis.sync().hgetall(profileKey(id)), "read " + id);
    return fields.isEmpty() ? Optional.empty() : Optional.of(learner(fields));
  }

  @Override
  public Optional<Learner> findByIdentity(String channel, String user) {
    String identity = channel + ":" + user;
    LearnerId remembered = holders.getIfPresent(identity);
    if (remembered != null) {
      Optional<Learner> confirmed = find(remembered).filter(l -> lists(l, identity));
      if (confirmed.isPresent()) {
        return confirmed;
      }
      holders.invalidate(identity);
    }
    moveLegacyIdentities();
    String holder = call(() -> redis.sync().get(identityKey(identity)), "read " + identity);
    if (holder == null) {
      return Optional.empty();
    }
    Optional<Learner> confirmed = find(new LearnerId(holder)).filter(l -> lists(l, identity));
    confirmed.ifPresent(l -> holders.put(identity, l.id()));
    return confirmed;
  }

  @Override
  public void questionAsked(QuestionAsked question) {
    LearnerId learner = question.learner();
    if (question.skills().isEmpty()) {
      return;
    }
    List<String> args = new ArrayList<>();
    args.add(Long.toString(question.at().toEpochMilli()));
    question.skills().forEach(s -> args.add(s.value()));
    long known =
        call(
            () ->
                redis
                    .sync()
                    .<Long>eval(
                        QUESTION_ASKED,
                        ScriptOutputType.INTEGER,
                        new String[] {profileKey(learner), askedKey(learner)},
                        args.toArray(String[]::new)),
            "record a question of " + learner);
    if (known == 0) {
      throw new UnknownLearnerException(learner);
    }
  }

  @Override
  public Set<SkillId> recentlyAsked(LearnerId learner, Instant since) {
    List<String> skills =
        call(
            () -> redis.sync().zrangebyscore(askedKey(learner), from(since)),
            "read questions of " + learner);
    return skills(skills);
  }

  @Override
  public void lessonGiven(LearnerId learner, SkillId skill) {
    call(
        () -> redis.sync().sadd(lessonsKey(learner), skill.value()),
        "remember a lesson of " + learner);
  }

  // Not waited for: losing the mark only means a lesson may be offered again, and later commands
  // on the connection run after it, so a read sees it.
  @Override
  public void lessonDone(LearnerId learner, SkillId skill) {
    call(
        () ->
            redis
                .async()
                .srem(lessonsKey(learner), skill.value())
                .whenComplete(
                    (removed, failure) -> {
                      if (failure != null) {
                        log.warn(
                            "Could not forget a lesson of {} in {}: {}",
                            learner,
                            redis.displayUrl(),
                            failure.toString());
                      }
                    }),
        "forget a lesson of " + learner);
  }

  @Override
  public Set<SkillId> lessonsGiven(LearnerId learner) {
    return skills(
        call(() -> redis.sync().smembers(lessonsKey(learner)), "read lessons of " + learner));
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

  // Sent in one go; each part is waited for when it is first asked for.
  @Override
  public QuizHistory readQuizHistory(LearnerId learner, Instant askedSince) {
    var async = call(redis::async, "read the quiz history of " + learner);
    RedisFuture<List<String>> asked = async.zrangebyscore(askedKey(learner), from(askedSince));
    RedisFuture<Set<String>> lessons = async.smembers(lessonsKey(learner));
    RedisFuture<String> placement = async.get(placementKey(learner));
    return new QuizHistory() {
      @Override
      public Set<SkillId> recentlyAsked() {
        return skills(call(() -> redis.await(asked), "read questions of " + learner));
      }

      @Override
      public Set<SkillId> lessonsGiven() {
        return skills(call(() -> redis.await(lessons), "read lessons of " + learner));
      }

      @Override
      public boolean skippedPlacement() {
        return "skipped"
            .equals(call(() -> redis.await(placement), "read the placement test of " + learner));
      }
    };
  }

  private static Range<Double> from(Instant since) {
    return Range.create((double) since.toEpochMilli(), Double.POSITIVE_INFINITY);
  }

  private static Set<SkillId> skills(java.util.Collection<String> values) {
    return values.stream().map(SkillId::new).collect(Collectors.toUnmodifiableSet());
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
            Boolean.parseBoolean(f.get("paused")),
            quizDays(f.get("quiz_days")),
            nextRole(f.get("next_role"))));
  }

  // Profiles saved before a next role could be chosen have none.
  private static Optional<RoleId> nextRole(String saved) {
    return saved == null || saved.isBlank() ? Optional.empty() : Optional.of(new RoleId(saved));
  }

  // Profiles saved before quiz days could be chosen have none: the weekdays, as then.
  private static Set<DayOfWeek> quizDays(String saved) {
    if (saved == null || saved.isBlank()) {
      return Learner.Preferences.WEEKDAYS;
    }
    return java.util.Arrays.stream(saved.split(","))
        .map(DayOfWeek::valueOf)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public void forget(LearnerId learner) {
    moveLegacyIdentities();
    Optional<Learner> known = find(learner);
    call(
        () -> {
          for (String identity : known.map(RedisLearners::identities).orElse(List.of())) {
            holders.invalidate(identity);
            release(learner, identity);
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

  static String identityKey(String identity) {
    return IDENTITY_PREFIX + "{" + identity + "}";
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
