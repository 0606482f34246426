package io.learnloop.app.redis;

import io.learnloop.dialog.channel.Deliveries;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;

/** Counts the deliveries refused as already seen: how often channels retry. */
final class CountingDeliveries implements Deliveries {

  private final Deliveries deliveries;
  private final Counter deduplicated;

  CountingDeliveries(Deliveries deliveries, MeterRegistry registry) {
    this.deliveries = deliveries;
    this.deduplicated =
        Counter.builder("learnloop.deliveries.deduplicated")
            .description("inbound deliveries not run again because they were seen before")
            .register(registry);
  }

  @Override
  public boolean claim(String deliveryKey, Duration remember) {
    boolean first = deliveries.claim(deliveryKey, remember);
    if (!first) {
      deduplicated.increment();
    }
    return first;
  }

  @Override
  public Claim claimAhead(String deliveryKey, Duration remember) {
    Claim claim = deliveries.claimAhead(deliveryKey, remember);
    return () -> {
      boolean first = claim.first();
      if (!first) {
        deduplicated.increment();
      }
      return first;
    };
  }
}
