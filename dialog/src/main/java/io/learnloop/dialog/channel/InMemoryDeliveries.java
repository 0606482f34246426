package io.learnloop.dialog.channel;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Deliveries seen by this process only; for tests and as a stand-in while the shared store is down.
 */
public final class InMemoryDeliveries implements Deliveries {

  private final Map<String, Instant> seenUntil = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryDeliveries(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean claim(String deliveryKey, Duration remember) {
    DeliveryKeys.check(deliveryKey, remember);
    Instant now = clock.instant();
    Instant until = now.plus(remember);
    boolean[] first = {false};
    seenUntil.compute(
        deliveryKey,
        (key, previous) -> {
          if (previous == null || !previous.isAfter(now)) {
            first[0] = true;
            return until;
          }
          return previous;
        });
    if (seenUntil.size() > 100_000) {
      seenUntil.values().removeIf(expiry -> !expiry.isAfter(now));
    }
    return first[0];
  }
}
