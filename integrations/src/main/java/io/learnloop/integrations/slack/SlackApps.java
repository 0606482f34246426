package io.learnloop.integrations.slack;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.middleware.builtin.IgnoringSelfEvents;
import com.slack.api.bolt.middleware.builtin.SSLCheck;
import com.slack.api.bolt.middleware.builtin.SingleTeamAuthorization;
import io.learnloop.dialog.channel.OrderedWork;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/** How LearnLoop builds its Slack client and Bolt app; the bot and the benchmarks use the same. */
public final class SlackApps {

  private SlackApps() {}

  /**
   * The Slack SDK pointed at {@code apiUrl}, with its own rate-limit queues.
   *
   * @param longestWait how long a call may wait in the rate-limit queue before it is given up
   */
  public static Slack client(String apiUrl, Duration longestWait) {
    SlackConfig config = new SlackConfig();
    config.setMethodsEndpointUrlPrefix(apiUrl);
    config.setHttpClientCallTimeoutMillis(10_000);
    config.setHttpClientReadTimeoutMillis(10_000);
    config.setHttpClientWriteTimeoutMillis(10_000);
    config.setPrettyResponseLoggingEnabled(false);
    // The SDK keeps its rate-limit queues per executor name in a static map: one per instance.
    config.getMethodsConfig().setExecutorName("learnloop-" + UUID.randomUUID());
    config.getMethodsConfig().setDefaultThreadPoolSize(16);
    config.getMethodsConfig().setMaxIdleMills((int) longestWait.toMillis());
    config.synchronizeMetricsDatabases();
    return Slack.getInstance(config);
  }

  /**
   * Profiles from {@code users.info} (Tier 4, 100 a minute): a person's first message waits at most
   * a few seconds for theirs, then goes on with the workspace defaults.
   */
  public static SlackProfiles profiles(Slack slack, String botToken) {
    return profiles(slack, botToken, SlackProfiles.Fields.none());
  }

  /**
   * {@link #profiles(Slack, String)} that also reads the team and manager from the custom profile
   * fields {@code fields} names ({@code users.profile.get}, Tier 4 as well).
   */
  public static SlackProfiles profiles(Slack slack, String botToken, SlackProfiles.Fields fields) {
    return new SlackProfiles(
        new SlackWebApi(slack, botToken, 2, Duration.ofMillis(200), Duration.ofSeconds(3)), fields);
  }

  /**
   * The bounded pool that handles interactions after Slack has been acknowledged, one person's in
   * order; past {@code queue} waiting interactions, new ones are refused (and counted by {@link
   * SlackInbound}).
   */
  public static OrderedWork work(int workers, int queue) {
    return new OrderedWork("slack-work", workers, queue);
  }

  /**
   * A Bolt app for one workspace. Bolt's default middleware, except that the signature is checked
   * over UTF-8 ({@link SigningSecretVerification}), and the token is checked ({@code auth.test}) at
   * the first request rather than at start: a Slack outage at start must not keep the rest of the
   * bot from starting. Events no handler takes are acknowledged, so Slack does not retry them.
   */
  public static App app(Slack slack, String botToken, String signingSecret, Clock clock) {
    AppConfig config =
        AppConfig.builder()
            .slack(slack)
            .singleTeamBotToken(botToken)
            .signingSecret(signingSecret)
            .allEventsApiAutoAckEnabled(true)
            .subtypedMessageEventsAutoAckEnabled(true)
            .build();
    return new App(
        config,
        List.of(
            new SSLCheck(config.getVerificationToken()),
            new SigningSecretVerification(signingSecret, clock),
            new SingleTeamAuthorization(config, null),
            new IgnoringSelfEvents(slack.getConfig(), true)));
  }
}
