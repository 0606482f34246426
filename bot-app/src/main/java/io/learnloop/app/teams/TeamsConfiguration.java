package io.learnloop.app.teams;

import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.integration.BotFrameworkHttpAdapter;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.NudgeCharts;
import io.learnloop.dialog.channel.OrderedWork;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.integrations.teams.AdaptiveCardRenderer;
import io.learnloop.integrations.teams.BotConnector;
import io.learnloop.integrations.teams.GraphDirectory;
import io.learnloop.integrations.teams.TeamsAdapters;
import io.learnloop.integrations.teams.TeamsDirectory;
import io.learnloop.integrations.teams.TeamsEndpoint;
import io.learnloop.integrations.teams.TeamsGateway;
import io.learnloop.integrations.teams.TeamsInbound;
import io.learnloop.integrations.teams.TeamsTurns;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The Teams adapter: the Bot Framework adapter behind {@code POST /api/messages}, the gateway that
 * renders the core's replies as Adaptive Cards, and the inbound bot. With {@code MICROSOFT_APP_ID}
 * every activity must carry a valid Bot Connector token; without it the adapter is in local mode
 * for the Emulator and takes unauthenticated activities from this machine only.
 */
@Configuration(proxyBeanMethods = false)
class TeamsConfiguration {

  private static final Logger log = LoggerFactory.getLogger(TeamsConfiguration.class);

  @Bean
  static ApplicationListener<ApplicationReadyEvent> teamsStatus(TeamsSettings settings) {
    return ready -> {
      if (settings.localMode()) {
        log.warn(
            "Teams is in LOCAL MODE: no MICROSOFT_APP_ID, so /api/messages takes UNAUTHENTICATED"
                + " activities, from this machine only (the Bot Framework Emulator). Set"
                + " MICROSOFT_APP_ID, MICROSOFT_APP_PASSWORD and MICROSOFT_APP_TENANT_ID to"
                + " connect Teams (README: Connect to Teams).");
      } else if (settings.tenant().isEmpty()) {
        log.warn(
            "Teams is on for app {} WITHOUT a tenant: tokens come from the multi-tenant authority,"
                + " which new Azure bots cannot use; set MICROSOFT_APP_TENANT_ID",
            settings.appId());
      } else {
        log.info(
            "Teams is on: app {} in tenant {}, activities at /api/messages",
            settings.appId(),
            settings.appTenantId());
      }
    };
  }

  @Bean
  AppCredentials teamsCredentials(TeamsSettings settings) {
    return TeamsAdapters.credentials(
        settings.appId(), settings.appPassword(), settings.tenant(), settings.loginUrl());
  }

  @Bean
  BotConnector teamsConnector(AppCredentials teamsCredentials, TeamsSettings settings) {
    return new BotConnector(
        teamsCredentials, settings.attempts(), settings.firstBackoff(), settings.longestWait());
  }

  // The renderer names leaderboard entries from what the inbound side heard; the two meet here.
  @Bean
  TeamsNames teamsNames() {
    return new TeamsNames();
  }

  @Bean
  TeamsTurns teamsTurns(TeamsSettings settings) {
    return settings.localMode()
        ? new TeamsTurns()
        : new TeamsTurns(Optional.of(settings.serviceUrl()), "28:" + settings.appId());
  }

  @Bean
  TeamsGateway teamsGateway(
      BotConnector connector,
      TeamsSettings settings,
      TeamsNames names,
      TeamsTurns turns,
      NudgeCharts charts) {
    Optional<String> publicUrl =
        settings.publicUrl().isEmpty() ? Optional.empty() : Optional.of(settings.publicUrl());
    return new TeamsGateway(
        connector, new AdaptiveCardRenderer(publicUrl, names::of, charts), turns);
  }

  @Bean(destroyMethod = "close")
  OrderedWork teamsWork(TeamsSettings settings) {
    return new OrderedWork("teams-work", settings.workers(), settings.queue());
  }

  @Bean(destroyMethod = "close")
  OrderedWork teamsPresses(TeamsSettings settings) {
    return new OrderedWork("teams-presses", settings.workers(), settings.queue());
  }

  /** Microsoft Graph for people's job, team and manager, when enabled for the bot's tenant. */
  @Bean
  TeamsDirectory teamsDirectory(TeamsSettings settings) {
    TeamsSettings.Graph graph = settings.graph();
    if (!graph.enabled()) {
      return TeamsDirectory.NONE;
    }
    if (settings.localMode() || settings.tenant().isEmpty()) {
      log.warn(
          "learnloop.teams.graph.enabled is set, but Graph needs MICROSOFT_APP_ID and"
              + " MICROSOFT_APP_TENANT_ID: Teams users get their role from the roster alone");
      return TeamsDirectory.NONE;
    }
    String tenant = settings.tenant().get();
    log.info("Teams: job title, department and manager from Microsoft Graph ({})", graph.url());
    return new GraphDirectory(
        TeamsAdapters.graphCredentials(
            settings.appId(), settings.appPassword(), tenant, settings.loginUrl()),
        graph.url(),
        tenant,
        graph.timeout());
  }

  @Bean
  TeamsInbound teamsInbound(
      TeamsDirectory teamsDirectory,
      Assistant assistant,
      List<ChatGateway> gateways,
      TeamsTurns turns,
      BotConnector connector,
      OrderedWork teamsWork,
      OrderedWork teamsPresses,
      TeamsSettings settings,
      TeamsNames names,
      Clock clock) {
    TeamsInbound inbound =
        new TeamsInbound(
            assistant,
            gateways.stream()
                .filter(g -> g.channel().equals(TeamsGateway.CHANNEL))
                .findFirst()
                .orElseThrow(),
            turns,
            connector,
            teamsWork,
            teamsPresses,
            clock,
            settings.localTenant(),
            settings.localMode(),
            // Shorter than the request's own limit, so that Teams gets the invoke's 503 body.
            settings.turnTimeout().multipliedBy(7).dividedBy(10),
            teamsDirectory,
            settings.graph().waitAtMost());
    names.hear(inbound);
    return inbound;
  }

  @Bean
  TeamsEndpoint teamsEndpoint(
      TeamsSettings settings, AppCredentials teamsCredentials, TeamsInbound inbound) {
    BotFrameworkHttpAdapter adapter =
        TeamsAdapters.adapter(
            settings.appId(),
            settings.appPassword(),
            teamsCredentials,
            settings.openIdMetadata().isEmpty()
                ? Optional.empty()
                : Optional.of(settings.openIdMetadata()));
    return new TeamsEndpoint(adapter, inbound, settings.localMode(), settings.turnTimeout());
  }

  /** Display names of Teams users, as the inbound side last heard them. */
  static final class TeamsNames {
    private final AtomicReference<TeamsInbound> inbound = new AtomicReference<>();

    void hear(TeamsInbound from) {
      inbound.set(from);
    }

    Optional<String> of(String learnerKey) {
      TeamsInbound from = inbound.get();
      return from == null ? Optional.empty() : from.nameOf(learnerKey);
    }
  }
}
