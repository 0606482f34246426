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
 * The roster as one Redis hash, {@code learnloop:{roster}:entries}: learner id → the entry as JSON.
 * An import is written to a staging hash of its own and renamed over the roster, so that readers
 * see the old roster or the new one and two imports at once never mix.
 */
public final class RedisRoster implements Roster {

  static final String ENTRIES = "learnloop:{roster}:entries";
  private static final String STAGING = "learnloop:{roster}:staging:";
  private static final int BATCH = 500;
  private static final long STAGING_TTL_MS = 600_000;
  // RENAME carries the staging key's expiry over; the roster itself must not expire.
  private static final String SWAP =
      "redis.call('RENAME', KEYS[1], KEYS[2]) redis.call('PERSIST', KEYS[2]) return 1";

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
          .forEach(e -> batch.put(e.learner().value(), encode(e)));
      run("write the roster", () -> redis.sync().hset(staging, batch));
      run("write the roster", () -> redis.sync().pexpire(staging, STAGING_TTL_MS));
    }
    run(
        "replace the roster",
        () ->
            redis
                .sync()
                .<Long>eval(SWAP, ScriptOutputType.INTEGER, new String[] {staging, ENTRIES}));
  }

  @Override
  public List<RosterEntry> all() {
    Map<String, String> fields = run("read the roster", () -> redis.sync().hgetall(ENTRIES));
    List<RosterEntry> entries = new ArrayList<>(fields.size());
    fields.values().forEach(value -> entries.add(decode(value)));
    return entries;
  }

  @Override
  public Optional<RosterEntry> find(LearnerId learner) {
    String value = run("read the roster", () -> redis.sync().hget(ENTRIES, learner.value()));
    return Optional.ofNullable(value).map(this::decode);
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
    try {
      return json.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a roster entry that is not JSON", e);
    }
  }

  private RosterEntry decode(String value) {
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
          Boolean.TRUE.equals(fields.get("peopleManager")));
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
