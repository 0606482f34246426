package io.learnloop.dialog.channel;

import java.time.Clock;

class InMemoryDeliveriesTest extends DeliveriesContract {

  @Override
  protected Deliveries deliveries() {
    return new InMemoryDeliveries(Clock.systemUTC());
  }
}
