package io.learnloop.dialog.schedule;

import java.time.Clock;

class InMemoryJobClaimsTest extends JobClaimsContract {

  private final JobClaims shared = new InMemoryJobClaims(Clock.systemUTC(), JobLeases.KEEP_DONE);

  @Override
  protected JobClaims claims() {
    return shared;
  }
}
