package io.learnloop.integrations.redis;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.roster.RosterUnavailableException;
import io.lettuce.core.RedisException;
import io.lettuce.core.ScriptOutputType;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The roster as two Redis hashes of learner id → the entry as JSON: {@code
 * learnloop:{roster}:entries} as imported and {@code learnloop:{roster}:profiles} from chat
 * profiles. An import is written to a staging hash of its own and renamed over the imported one, so
 * that readers see the old roster or the new one and two imports at once never mix; the profile
 * entries of the people it lists are then dropped, and until then the imported entry hides them.
 */
public final class RedisRoster implements Roster {

  static final String ENTRIES = "learnloop:{roster}:entries";
  static final String PROFILES = "learnloop:{roster}:profiles";
  private static final String STAGING = "learnloop:{roster}:staging:";
  private static final int BATCH = 500;
  private static final long STAGING_TTL_MS = 600_000;
  // RENAME carries the staging key's expiry over; the roster itself must not expire.
  private static final String SWAP =
      "redis.call('RENAME', KEYS[1], KEYS[2]) redis.call('PERSIST', KEYS[2]) return 1";

  // Checked and written at once, so that an import that lists the person always wins.
  private static final String PUT_PROFILE =
      "if redis.call('HEXISTS', KEYS[1], ARGV[1]) == 1 then return 0 end"
          + " redis.call('HSET', KEYS[2], ARGV[1], ARGV[2]) return 1";

  private final RedisConnector redis;
  private final ObjectMapper json = new ObjectMapper();

  public RedisRoster(RedisConnector redis) {
    this.redis = Objects.requireNonNull(redis, "redis");
  }

  @Override
  public void replaceAll(Collection<RosterEntry> entries) {
    Roster.requireDistinct(entries);
    if (entries.isEmpty()) {
      run("empty the roster", () -> redis.sync().del(ENTRIES));
      return;
    }
    String staging = STAGING + UUID.randomUUID();
    List<RosterEntry> all = List.copyOf(entries);
    for (int from = 0; from < all.size(); from += BATCH) {
      Map<String, String> batch = new LinkedHashMap<>();
      all.subList(from, Math.min(all.size(), from + BATCH))
          .forEach(e -> batch.put(e.learner().value(), encode(Roster.imported(e))));
      run("write the roster", () -> redis.sync().hset(staging, batch));
      run("write the roster", () -> redis.sync().pexpire(staging, STAGING_TTL_MS));
    }
    run(
        "replace the roster",
        () ->
            redis
                .sync()
                .<Long>eval(SWAP, ScriptOutputType.INTEGER, new String[] {staging, ENTRIES}));
    for (int from = 0; from < all.size(); from += BATCH) {
      String[] listed =
          all.subList(from, Math.min(all.size(), from + BATCH)).stream()
              .map(e -> e.learner().value())
              .toArray(String[]::new);
      run("replace the roster", () -> redis.sync().hdel(PROFILES, listed));
    }
  }

  @Override
  public boolean putFromProfile(RosterEntry entry) {
    Roster.requireProfile(entry);
    Long written =
        run(
            "write the roster",
            () ->
                redis
                    .sync()
                    .<Long>eval(
                        PUT_PROFILE,
                        ScriptOutputType.INTEGER,
                        new String[] {ENTRIES, PROFILES},
                        entry.learner().value(),
                        encode(entry)));
    return written != null && written == 1L;
  }

  @Override
  public List<RosterEntry> all() {
    Map<String, String> imported = run("read the roster", () -> redis.sync().hgetall(ENTRIES));
    Map<String, String> profiles = run("read the roster", () -> redis.sync().hgetall(PROFILES));
    List<RosterEntry> entries = new ArrayList<>(imported.size() + profiles.size());
    imported.values().forEach(value -> entries.add(decode(value, RosterEntry.Source.IMPORT)));
    profiles.forEach(
        (learner, value) -> {
          if (!imported.containsKey(learner)) {
            entries.add(decode(value, RosterEntry.Source.PROFILE));
          }
        });
    return entries;
  }

  @Override
  public Optional<RosterEntry> find(LearnerId learner) {
    String value = run("read the roster", () -> redis.sync().hget(ENTRIES, learner.value()));
    if (value != null) {
      return Optional.of(decode(value, RosterEntry.Source.IMPORT));
    }
    String profile = run("read the roster", () -> redis.sync().hget(PROFILES, learner.value()));
    return Optional.ofNullable(profile).map(v -> decode(v, RosterEntry.Source.PROFILE));
  }

  @Override
  public List<RosterEntry> reportsOf(LearnerId manager) {
    return all().stream()
        .filter(e -> e.manager().filter(manager::equals).isPresent())
        .sorted(RosterEntry.BY_NAME)
        .toList();
  }

  private String encode(RosterEntry entry) {
    Map<String, Object> fields = new LinkedHashMap<>();
    fields.put("learner", entry.learner().value());
    fields.put("name", entry.name());
    fields.put("role", entry.role().value());
    fields.put("nextRole", entry.nextRole().map(RoleId::value).orElse(""));
    fields.put("team", entry.team());
    fields.put("manager", entry.manager().map(LearnerId::value).orElse(""));
    fields.put("peopleManager", entry.peopleManager());
    fields.put("source", entry.source().name().toLowerCase(java.util.Locale.ROOT));
    try {
      return json.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a roster entry that is not JSON", e);
    }
  }

  private RosterEntry decode(String value, RosterEntry.Source source) {
    try {
      Map<?, ?> fields = json.readValue(value, Map.class);
      String next = (String) fields.get("nextRole");
      String manager = (String) fields.get("manager");
      return new RosterEntry(
          new LearnerId((String) fields.get("learner")),
          (String) fields.get("name"),
          new RoleId((String) fields.get("role")),
          next.isEmpty() ? Optional.empty() : Optional.of(new RoleId(next)),
          (String) fields.get("team"),
          manager.isEmpty() ? Optional.empty() : Optional.of(new LearnerId(manager)),
          Boolean.TRUE.equals(fields.get("peopleManager")),
          source);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a roster entry in Redis that is not JSON: " + value, e);
    }
  }

  private <T> T run(String what, Supplier<T> command) {
    try {
      return command.get();
    } catch (RedisException | RedisUnavailableException e) {
      throw new RosterUnavailableException(
          "Could not " + what + " in " + redis.displayUrl() + ": " + e.getMessage(), e);
    }
  }
}
