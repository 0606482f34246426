package io.learnloop.app.slack;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import io.learnloop.app.access.ConfiguredAccessGroups;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.NudgeCharts;
import io.learnloop.dialog.channel.OrderedWork;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.integrations.slack.BlockKitRenderer;
import io.learnloop.integrations.slack.HomeViews;
import io.learnloop.integrations.slack.PrivateAnswers;
import io.learnloop.integrations.slack.SlackApps;
import io.learnloop.integrations.slack.SlackEventsServlet;
import io.learnloop.integrations.slack.SlackGateway;
import io.learnloop.integrations.slack.SlackInbound;
import io.learnloop.integrations.slack.SlackUserGroupAccess;
import io.learnloop.integrations.slack.SlackWebApi;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The Slack adapter: Bolt behind {@code POST /slack/events} (or Socket Mode), the gateway that
 * renders the core's replies as Block Kit, and the inbound handlers. Off unless {@code
 * SLACK_BOT_TOKEN} and {@code SLACK_SIGNING_SECRET} are set.
 */
@Configuration(proxyBeanMethods = false)
class SlackConfiguration {

  static final String PATH = "/slack/events";

  private static final Logger log = LoggerFactory.getLogger(SlackConfiguration.class);

  @Bean
  static ApplicationListener<ApplicationReadyEvent> slackStatus(SlackSettings settings) {
    return ready -> {
      if (!settings.configured()) {
        log.info(
            "Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET to connect it"
                + " (README: Connect to Slack)");
      } else if (settings.socketModeToken().isPresent()) {
        log.info("Slack is on over Socket Mode (Web API at {})", settings.apiUrl());
      } else {
        log.info("Slack is on: events at {} (Web API at {})", PATH, settings.apiUrl());
      }
    };
  }

  /** True when both Slack secrets are set. */
  static final class SlackConfigured extends SpringBootCondition {
    @Override
    public ConditionOutcome getMatchOutcome(
        ConditionContext context, AnnotatedTypeMetadata metadata) {
      SlackSettings settings =
          Binder.get(context.getEnvironment())
              .bind("learnloop.slack", SlackSettings.class)
              .orElse(
                  new SlackSettings(
                      null, null, null, null, null, null, null, null, null, null, null, null,
                      null));
      return settings.configured()
          ? ConditionOutcome.match("Slack bot token and signing secret set")
          : ConditionOutcome.noMatch("no Slack bot token or signing secret");
    }
  }

  @Configuration(proxyBeanMethods = false)
  @Conditional(SlackConfigured.class)
  static class SlackOn {

    @Bean(destroyMethod = "close")
    Slack slack(SlackSettings settings) {
      return SlackApps.client(settings.apiUrl(), settings.longestWait());
    }

    @Bean
    SlackWebApi slackWebApi(Slack slack, SlackSettings settings) {
      return new SlackWebApi(
          slack,
          settings.botToken(),
          settings.attempts(),
          settings.firstBackoff(),
          settings.longestWait());
    }

    /**
     * Who may read what, with Slack user groups: the configured document groups and those of the
     * person's mapped Slack user groups. Slack is asked briefly (at most a few seconds, twice) so
     * that a slow Web API delays no answer for long; without an answer, configuration only.
     */
    @Bean
    @Primary
    AccessGroups slackUserGroupAccess(
        ConfiguredAccessGroups configured, Slack slack, SlackSettings settings, Clock clock) {
      return new SlackUserGroupAccess(
          configured,
          new SlackWebApi(
              slack, settings.botToken(), 2, Duration.ofMillis(200), Duration.ofSeconds(3)),
          settings.userGroups(),
          settings.userGroupsRefresh(),
          clock);
    }

    @Bean
    PrivateAnswers slackPrivateAnswers() {
      return new PrivateAnswers();
    }

    @Bean
    HomeViews slackHomeViews() {
      return new HomeViews();
    }

    @Bean
    SlackGateway slackGateway(
        SlackWebApi api,
        SlackSettings settings,
        PrivateAnswers answers,
        HomeViews homes,
        NudgeCharts charts) {
      Optional<String> publicUrl =
          settings.publicUrl().isEmpty() ? Optional.empty() : Optional.of(settings.publicUrl());
      return new SlackGateway(api, new BlockKitRenderer(publicUrl), answers, homes, charts);
    }

    @Bean(destroyMethod = "close")
    OrderedWork slackWork(SlackSettings settings) {
      return SlackApps.work(settings.workers(), settings.queue());
    }

    @Bean(destroyMethod = "stop")
    App slackApp(
        Slack slack,
        SlackSettings settings,
        Assistant assistant,
        List<ChatGateway> gateways,
        PrivateAnswers answers,
        HomeViews homes,
        SlackWebApi api,
        OrderedWork slackWork,
        Clock clock)
        throws Exception {
      App app = SlackApps.app(slack, settings.botToken(), settings.signingSecret(), clock);
      ChatGateway gateway =
          gateways.stream()
              .filter(g -> g.channel().equals(SlackGateway.CHANNEL))
              .findFirst()
              .orElseThrow();
      new SlackInbound(
              assistant,
              gateway,
              answers,
              homes,
              api,
              SlackApps.profiles(slack, settings.botToken(), settings.fields()),
              slackWork,
              clock)
          .registerOn(app);
      app.start();
      return app;
    }

    @Bean
    ServletRegistrationBean<SlackEventsServlet> slackEvents(App slackApp) {
      return new ServletRegistrationBean<>(new SlackEventsServlet(slackApp), PATH);
    }

    @Bean
    SlackSocketMode slackSocketMode(App slackApp, SlackSettings settings) throws Exception {
      if (settings.socketModeToken().isEmpty()) {
        return new SlackSocketMode(Optional.empty());
      }
      SocketModeApp socket =
          new SocketModeApp(
              settings.socketModeToken().get(), SocketModeClient.Backend.JavaWebSocket, slackApp);
      socket.startAsync();
      return new SlackSocketMode(Optional.of(socket));
    }
  }

  /** The Socket Mode connection, when Slack is reached that way; closed with the application. */
  record SlackSocketMode(Optional<SocketModeApp> socket) implements AutoCloseable {
    @Override
    public void close() throws Exception {
      if (socket.isPresent()) {
        socket.get().close();
      }
    }
  }
}
