package io.learnloop.integrations.teams;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TeamsTurnsTest {

  @Test
  void should_reach_a_tenant_it_has_not_heard_from_through_the_global_service_url() {
    TeamsTurns turns =
        new TeamsTurns(Optional.of("https://smba.trafficmanager.net/teams/"), "28:app");

    assertThat(turns.addressOf("tenant-1"))
        .contains(new TeamsAddress("https://smba.trafficmanager.net/teams/", "tenant-1", "28:app"));

    TeamsAddress regional =
        new TeamsAddress("https://smba.trafficmanager.net/apac/", "tenant-1", "28:app");
    turns.heardFrom("tenant-1", regional);

    assertThat(turns.addressOf("tenant-1")).contains(regional);
  }

  @Test
  void should_reach_only_tenants_it_heard_from_in_local_mode() {
    assertThat(new TeamsTurns().addressOf("tenant-1")).isEmpty();
  }
}
