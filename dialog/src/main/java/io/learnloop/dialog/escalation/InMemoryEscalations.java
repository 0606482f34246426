package io.learnloop.dialog.escalation;

import io.learnloop.dialog.channel.ChannelUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Escalations kept by this process only: for tests and tools. */
public final class InMemoryEscalations implements Escalations {

  private record Kept(Escalation escalation, Instant until) {}

  private final Map<String, Kept> offers = new ConcurrentHashMap<>();
  private final Map<String, Kept> threads = new ConcurrentHashMap<>();
  private final Set<String> claimed = ConcurrentHashMap.newKeySet();
  private final Clock clock;

  public InMemoryEscalations(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void offer(String offerId, Escalation escalation, Duration keep) {
    Escalations.checkOffer(offerId, keep);
    keep(offers, offerId, escalation, keep);
  }

  @Override
  public Optional<Escalation> offered(String offerId) {
    return live(offers, offerId);
  }

  @Override
  public boolean claim(String offerId) {
    return offered(offerId).isPresent() && claimed.add(offerId);
  }

  @Override
  public void release(String offerId) {
    claimed.remove(offerId);
  }

  @Override
  public void posted(String thread, Escalation escalation, Duration keep) {
    Escalations.check(thread, keep);
    keep(threads, thread, escalation, keep);
  }

  @Override
  public Optional<Escalation> inThread(String thread) {
    return live(threads, thread);
  }

  @Override
  public void forget(ChannelUser asker) {
    offers.values().removeIf(kept -> kept.escalation().asker().equals(asker));
    threads.values().removeIf(kept -> kept.escalation().asker().equals(asker));
  }

  private void keep(Map<String, Kept> into, String key, Escalation escalation, Duration keep) {
    Objects.requireNonNull(escalation, "escalation");
    into.put(key, new Kept(escalation, clock.instant().plus(keep)));
  }

  private Optional<Escalation> live(Map<String, Kept> kept, String key) {
    if (key == null) {
      return Optional.empty();
    }
    Kept found = kept.get(key);
    if (found == null || !found.until().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(found.escalation());
  }
}
