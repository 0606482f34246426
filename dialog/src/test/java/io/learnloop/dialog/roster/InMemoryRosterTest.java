package io.learnloop.dialog.roster;

class InMemoryRosterTest extends RosterContract {

  @Override
  protected Roster roster() {
    return new InMemoryRoster();
  }
}
