package io.learnloop.dialog.learning;

import io.learnloop.dialog.catalog.SkillId;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** {@link Learners} in memory, for tests and for running without a store. Thread-safe. */
public final class InMemoryLearners implements Learners {

  private final Map<LearnerId, Set<SkillId>> lessons = new java.util.HashMap<>();
  private final Set<LearnerId> skippedPlacement = new java.util.HashSet<>();

  private final Map<LearnerId, Learner> profiles = new HashMap<>();
  private final Map<String, LearnerId> identities = new HashMap<>();
  private final Map<LearnerId, Map<SkillId, Instant>> asked = new HashMap<>();

  @Override
  public synchronized void save(Learner learner) {
    Objects.requireNonNull(learner, "learner");
    learner
        .identities()
        .forEach(
            (channel, user) -> {
              LearnerId owner = identities.get(identityKey(channel, user));
              if (owner != null && !owner.equals(learner.id())) {
                throw new IllegalArgumentException(
                    channel + " user '" + user + "' already belongs to learner '" + owner + "'");
              }
            });
    Learner previous = profiles.put(learner.id(), learner);
    if (previous != null) {
      previous
          .identities()
          .forEach((channel, user) -> identities.remove(identityKey(channel, user)));
    }
    learner
        .identities()
        .forEach((channel, user) -> identities.put(identityKey(channel, user), learner.id()));
  }

  @Override
  public synchronized Optional<Learner> find(LearnerId id) {
    return Optional.ofNullable(profiles.get(id));
  }

  @Override
  public synchronized Optional<Learner> findByIdentity(String channel, String user) {
    return Optional.ofNullable(identities.get(identityKey(channel, user))).map(profiles::get);
  }

  @Override
  public synchronized void questionAsked(QuestionAsked question) {
    if (!profiles.containsKey(question.learner())) {
      throw new UnknownLearnerException(question.learner());
    }
    Map<SkillId, Instant> latest = asked.computeIfAbsent(question.learner(), k -> new HashMap<>());
    question.skills().forEach(skill -> latest.merge(skill, question.at(), InMemoryLearners::max));
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  @Override
  public synchronized Set<SkillId> recentlyAsked(LearnerId learner, Instant since) {
    return asked.getOrDefault(learner, Map.of()).entrySet().stream()
        .filter(e -> !e.getValue().isBefore(since))
        .map(Map.Entry::getKey)
        .collect(Collectors.toUnmodifiableSet());
  }

  @Override
  public synchronized void lessonGiven(LearnerId learner, SkillId skill) {
    lessons.computeIfAbsent(learner, l -> new java.util.HashSet<>()).add(skill);
  }

  @Override
  public synchronized void lessonDone(LearnerId learner, SkillId skill) {
    lessons.getOrDefault(learner, new java.util.HashSet<>()).remove(skill);
  }

  @Override
  public synchronized Set<SkillId> lessonsGiven(LearnerId learner) {
    return Set.copyOf(lessons.getOrDefault(learner, Set.of()));
  }

  @Override
  public synchronized void placementSkipped(LearnerId learner) {
    skippedPlacement.add(Objects.requireNonNull(learner, "learner"));
  }

  @Override
  public synchronized boolean skippedPlacement(LearnerId learner) {
    return skippedPlacement.contains(learner);
  }

  private static String identityKey(String channel, String user) {
    return channel + ":" + user;
  }

  @Override
  public synchronized void forget(LearnerId learner) {
    profiles.remove(learner);
    identities.values().removeIf(learner::equals);
    lessons.remove(learner);
    asked.remove(learner);
    skippedPlacement.remove(learner);
  }
}
