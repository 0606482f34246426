package io.learnloop.dialog.escalation;

import java.time.Clock;

class InMemoryEscalationsTest extends EscalationsContract {

  @Override
  protected Escalations escalations() {
    return new InMemoryEscalations(Clock.systemUTC());
  }
}
