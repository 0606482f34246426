package io.learnloop.dialog.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** {@link LinkCodes} of this process only, for tests and for running without a shared store. */
public final class InMemoryLinkCodes implements LinkCodes {

  private record Held(LinkRequest request, Instant until) {}

  private final Map<String, Held> codes = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryLinkCodes(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public boolean issue(String code, LinkRequest request, Duration valid) {
    LinkCodes.check(code, valid);
    Objects.requireNonNull(request, "request");
    Instant now = clock.instant();
    codes.values().removeIf(held -> !held.until().isAfter(now));
    Held fresh = new Held(request, now.plus(valid));
    return codes.merge(code, fresh, (old, added) -> old.until().isAfter(now) ? old : added)
        == fresh;
  }

  @Override
  public Optional<LinkRequest> redeem(String code) {
    Held held = codes.remove(Objects.requireNonNull(code, "code"));
    if (held == null || !held.until().isAfter(clock.instant())) {
      return Optional.empty();
    }
    return Optional.of(held.request());
  }
}
