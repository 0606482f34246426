package io.learnloop.dialog.roster;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ShortDigest;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Imports the roster from an HR export: every person becomes (or updates) a learner with the
 * roster's role, team and manager, and the roster is replaced. Rows that cannot be imported are
 * reported by line and the others imported: a duplicate person keeps their first row; a manager who
 * is not on the roster, or a chain of managers that comes back to a person, leaves those people
 * without a manager rather than off the roster.
 */
public final class ImportRoster {

  /**
   * What a row that leaves a field blank gets.
   *
   * @param role the learning path of people with no role on the roster
   */
  public record Defaults(RoleId role, ZoneId zone, Language language) {
    public Defaults {
      Objects.requireNonNull(role, "role");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(language, "language");
    }
  }

  private static final Set<String> YES = Set.of("yes", "y", "true", "1", "ya");
  private static final Set<String> NO = Set.of("no", "n", "false", "0", "tidak", "");

  private final Catalog catalog;
  private final Learners learners;
  private final Roster roster;
  private final Defaults defaults;
  private final Consumer<Learner> enrolled;

  /**
   * @param enrolled told of every learner the roster creates, e.g. to plan their daily quiz
   */
  public ImportRoster(
      Catalog catalog,
      Learners learners,
      Roster roster,
      Defaults defaults,
      Consumer<Learner> enrolled) {
    this.catalog = Objects.requireNonNull(catalog, "catalog");
    this.learners = Objects.requireNonNull(learners, "learners");
    this.roster = Objects.requireNonNull(roster, "roster");
    this.defaults = Objects.requireNonNull(defaults, "defaults");
    this.enrolled = Objects.requireNonNull(enrolled, "enrolled");
  }

  /** A row that passed its own checks. */
  private static final class Person {
    final RosterRow row;
    final Optional<String> email;
    final List<ChannelUser> users;
    final RoleId role;
    final Optional<RoleId> nextRole;
    final Optional<ZoneId> zone;
    final Optional<Language> language;
    final boolean peopleManager;
    Optional<Learner> existing = Optional.empty();
    LearnerId id;
    Person manager;

    Person(
        RosterRow row,
        Optional<String> email,
        List<ChannelUser> users,
        RoleId role,
        Optional<RoleId> nextRole,
        Optional<ZoneId> zone,
        Optional<Language> language,
        boolean peopleManager) {
      this.row = row;
      this.email = email;
      this.users = users;
      this.role = role;
      this.nextRole = nextRole;
      this.zone = zone;
      this.language = language;
      this.peopleManager = peopleManager;
    }

    List<String> keys() {
      List<String> keys = new ArrayList<>();
      email.ifPresent(keys::add);
      users.forEach(u -> keys.add(u.key()));
      return keys;
    }
  }

  /**
   * @param file the file's name, for the problems
   * @throws io.learnloop.dialog.learning.LearnersUnavailableException when the learners' store is
   *     down; the roster is left as it was
   */
  public RosterImported run(String file, List<RosterRow> rows) {
    Problems problems = new Problems(file);
    List<Person> people = new ArrayList<>();
    Map<String, Person> byKey = new HashMap<>();
    for (RosterRow row : rows) {
      Optional<Person> checked = check(row, problems);
      if (checked.isEmpty()) {
        continue;
      }
      Person person = checked.get();
      Optional<String> repeated = person.keys().stream().filter(byKey::containsKey).findFirst();
      if (repeated.isPresent()) {
        problems.reject(
            row,
            "'" + repeated.get() + "' is already on line " + byKey.get(repeated.get()).row.line());
        continue;
      }
      person.keys().forEach(key -> byKey.put(key, person));
      people.add(person);
    }
    people = withLearnerIds(people, problems);
    linkManagers(people, byKey, problems);
    breakCycles(people, problems);
    List<RosterEntry> entries = new ArrayList<>();
    for (Person person : people) {
      save(person, problems).ifPresent(entries::add);
    }
    roster.replaceAll(entries);
    return new RosterImported(file, rows.size(), entries.size(), problems.sorted());
  }

  private Optional<Person> check(RosterRow row, Problems problems) {
    List<String> wrong = new ArrayList<>();
    Optional<String> email =
        Optional.of(row.email().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty());
    if (email.filter(e -> !e.matches("[^@\\s]+@[^@\\s]+")).isPresent()) {
      wrong.add("'" + row.email() + "' is not an email address");
    }
    List<ChannelUser> users = new ArrayList<>();
    for (String key : row.chatUsers().split("\\s+")) {
      if (!key.isEmpty()) {
        channelUser(key)
            .ifPresentOrElse(
                users::add,
                () -> wrong.add("'" + key + "' is not a chat user key like slack:T0123:U0456"));
      }
    }
    if (users.stream().map(ChannelUser::channel).distinct().count() < users.size()) {
      wrong.add("one person has one chat user per channel");
    }
    if (email.isEmpty() && row.chatUsers().isEmpty()) {
      wrong.add("neither an email nor a chat user names the person");
    }
    if (row.name().isEmpty()) {
      wrong.add("the name is empty");
    } else if (row.name().length() > 200) {
      wrong.add("the name is longer than 200 characters");
    }
    RoleId role = row.role().isEmpty() ? defaults.role() : knownRole(row.role(), wrong);
    Optional<RoleId> next =
        row.nextRole().isEmpty()
            ? Optional.empty()
            : Optional.ofNullable(knownRole(row.nextRole(), wrong));
    Optional<ZoneId> zone = Optional.empty();
    if (!row.timezone().isEmpty()) {
      try {
        zone = Optional.of(ZoneId.of(row.timezone()));
      } catch (DateTimeException e) {
        wrong.add("'" + row.timezone() + "' is not a time zone like Asia/Jakarta");
      }
    }
    Optional<Language> language = Optional.empty();
    if (!row.language().isEmpty()) {
      language =
          java.util.Arrays.stream(Language.values())
              .filter(l -> l.code().equalsIgnoreCase(row.language()))
              .findFirst();
      if (language.isEmpty()) {
        wrong.add("'" + row.language() + "' is not a language LearnLoop speaks (en, id)");
      }
    }
    String flag = row.peopleManager().toLowerCase(Locale.ROOT);
    if (!YES.contains(flag) && !NO.contains(flag)) {
      wrong.add("people_manager is yes or no but was '" + row.peopleManager() + "'");
    }
    if (!wrong.isEmpty()) {
      problems.reject(row, String.join("; ", wrong));
      return Optional.empty();
    }
    return Optional.of(
        new Person(row, email, List.copyOf(users), role, next, zone, language, YES.contains(flag)));
  }

  private RoleId knownRole(String value, List<String> wrong) {
    String known =
        catalog.roles().stream()
            .map(r -> r.id().value())
            .sorted()
            .collect(Collectors.joining(", "));
    try {
      RoleId id = new RoleId(value);
      if (catalog.role(id).isPresent()) {
        return id;
      }
    } catch (IllegalArgumentException e) {
      // reported below like any unknown role
    }
    wrong.add("role '" + value + "' is not in roles.yaml (" + known + ")");
    return null;
  }

  private static Optional<ChannelUser> channelUser(String key) {
    String[] parts = key.split(":", 3);
    try {
      return parts.length == 3
          ? Optional.of(new ChannelUser(parts[0], parts[1], parts[2]))
          : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // The learner a person already is (one message to the bot enrolled them), else a new id.
  private List<Person> withLearnerIds(List<Person> people, Problems problems) {
    Map<LearnerId, Person> taken = new HashMap<>();
    List<Person> kept = new ArrayList<>();
    for (Person person : people) {
      Map<LearnerId, Learner> found = new LinkedHashMap<>();
      person.users.forEach(
          u ->
              learners
                  .findByIdentity(u.channel(), u.identity())
                  .ifPresent(l -> found.put(l.id(), l)));
      person
          .email
          .flatMap(e -> learners.findByIdentity(Enrollment.EMAIL, e))
          .ifPresent(l -> found.put(l.id(), l));
      if (found.size() > 1) {
        problems.reject(
            person.row,
            "the email and chat users belong to different learners ("
                + String.join(", ", found.keySet().stream().map(LearnerId::value).toList())
                + ")");
        continue;
      }
      person.existing = found.values().stream().findFirst();
      person.id = person.existing.map(Learner::id).orElseGet(() -> newId(person));
      Person before = taken.putIfAbsent(person.id, person);
      if (before != null) {
        problems.reject(person.row, "the same person as on line " + before.row.line());
        continue;
      }
      kept.add(person);
    }
    return kept;
  }

  private static LearnerId newId(Person person) {
    if (!person.users.isEmpty()) {
      return Enrollment.idFor(person.users.get(0));
    }
    return new LearnerId("roster:" + ShortDigest.of(person.email.orElseThrow(), 10));
  }

  private static void linkManagers(
      List<Person> people, Map<String, Person> byKey, Problems problems) {
    Set<Person> imported = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    imported.addAll(people);
    for (Person person : people) {
      String reference = person.row.manager();
      if (reference.isEmpty()) {
        continue;
      }
      Person manager =
          byKey.get(reference.contains("@") ? reference.toLowerCase(Locale.ROOT) : reference);
      if (manager == person) {
        problems.keep(person.row, "the person is their own manager; imported without a manager");
      } else if (manager == null) {
        problems.keep(
            person.row,
            "manager '" + reference + "' is not on the roster; imported without a manager");
      } else if (!imported.contains(manager)) {
        problems.keep(
            person.row,
            "manager '"
                + reference
                + "' (line "
                + manager.row.line()
                + ") was not imported; imported without a manager");
      } else {
        person.manager = manager;
      }
    }
  }

  // Nobody can be their own manager's manager: every person on a loop loses their manager link.
  private static void breakCycles(List<Person> people, Problems problems) {
    Set<Person> done = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    for (Person start : people) {
      List<Person> path = new ArrayList<>();
      Person at = start;
      while (at != null && !done.contains(at) && !path.contains(at)) {
        path.add(at);
        at = at.manager;
      }
      if (at != null && path.contains(at)) {
        List<Person> loop = path.subList(path.indexOf(at), path.size());
        String lines =
            loop.stream()
                .map(p -> Integer.toString(p.row.line()))
                .collect(Collectors.joining(" → "));
        for (Person p : loop) {
          problems.keep(
              p.row,
              "managers form a loop (lines "
                  + lines
                  + " → "
                  + loop.get(0).row.line()
                  + "); imported without a manager");
        }
        List.copyOf(loop).forEach(p -> p.manager = null);
      }
      done.addAll(path);
    }
  }

  private Optional<RosterEntry> save(Person person, Problems problems) {
    Optional<Learner> existing = person.existing;
    Map<String, String> identities =
        new HashMap<>(existing.map(Learner::identities).orElse(Map.of()));
    person.users.forEach(u -> identities.put(u.channel(), u.identity()));
    person.email.ifPresent(e -> identities.put(Enrollment.EMAIL, e));
    Optional<LearnerId> manager = Optional.ofNullable(person.manager).map(m -> m.id);
    String team = team(person.row.team());
    Learner learner =
        new Learner(
            person.id,
            identities,
            person.role,
            team,
            manager,
            person.zone.orElseGet(() -> existing.map(Learner::timezone).orElse(defaults.zone())),
            person.language.orElseGet(
                () -> existing.map(Learner::language).orElse(defaults.language())),
            existing.map(Learner::preferences).orElseGet(Learner.Preferences::defaults));
    try {
      learners.save(learner);
    } catch (IllegalArgumentException e) {
      problems.reject(person.row, e.getMessage());
      return Optional.empty();
    }
    if (existing.isEmpty()) {
      enrolled.accept(learner);
    }
    return Optional.of(
        new RosterEntry(
            person.id,
            person.row.name(),
            person.role,
            person.nextRole,
            team,
            manager,
            person.peopleManager));
  }

  /** A team as HR writes it ("Finance Ops") as the team id learners share ("finance-ops"). */
  static String team(String written) {
    return RosterEntry.teamId(written);
  }

  private static final class Problems {
    private final String file;
    private final List<RosterProblem> found = new ArrayList<>();

    Problems(String file) {
      this.file = file;
    }

    void reject(RosterRow row, String problem) {
      found.add(new RosterProblem(file, row.line(), problem, true));
    }

    void keep(RosterRow row, String problem) {
      found.add(new RosterProblem(file, row.line(), problem, false));
    }

    List<RosterProblem> sorted() {
      return found.stream().sorted(Comparator.comparingInt(RosterProblem::line)).toList();
    }
  }
}
