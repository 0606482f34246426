package io.learnloop.dialog.identity;

import java.time.Clock;

class InMemoryLinkCodesTest extends LinkCodesContract {

  @Override
  protected LinkCodes codes() {
    return new InMemoryLinkCodes(Clock.systemUTC());
  }
}
