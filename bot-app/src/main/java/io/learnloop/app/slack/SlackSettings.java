package io.learnloop.app.slack;

import io.learnloop.integrations.slack.SlackProfiles;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param botToken {@code SLACK_BOT_TOKEN} ({@code xoxb-...}); without it and the signing secret
 *     Slack is off
 * @param signingSecret {@code SLACK_SIGNING_SECRET}: every request to {@code /slack/events} must be
 *     signed with it
 * @param appToken {@code SLACK_APP_TOKEN} ({@code xapp-...}): when set, Slack connects over Socket
 *     Mode and no public URL is needed
 * @param apiUrl {@code SLACK_API_URL}: the Web API's base URL, for tests and staging
 * @param publicUrl {@code LEARNLOOP_PUBLIC_URL}: where people reach this server, so that citation
 *     links served by it ({@code /docs/...}) open from Slack
 * @param workers threads that handle interactions after Slack has been acknowledged
 * @param queue interactions that may wait for a worker; past it new ones are dropped and logged
 * @param attempts how often a failing Web API call is tried in all
 * @param firstBackoff the wait before the first retry, doubled for each next one, with jitter
 * @param longestWait how long one Web API call may wait, rate-limit queue included
 * @param userGroups document group by Slack user group, the user group named by its handle (without
 *     {@code @}) or its id: its members read that group's documents in private answers
 * @param userGroupsRefresh how long one look-up of the user groups' members is used
 * @param profileFields ids of the workspace's custom profile fields that say a person's team
 *     ({@code team}, a text field) and manager ({@code manager}, a user field), for people not on
 *     the roster; unset, LearnLoop never calls {@code users.profile.get}
 */
@ConfigurationProperties("learnloop.slack")
public record SlackSettings(
    String botToken,
    String signingSecret,
    String appToken,
    String apiUrl,
    String publicUrl,
    Integer workers,
    Integer queue,
    Integer attempts,
    Duration firstBackoff,
    Duration longestWait,
    Map<String, String> userGroups,
    Duration userGroupsRefresh,
    ProfileFields profileFields) {

  /**
   * @param team the id of the text field with the person's team, e.g. {@code Xf01ABC23}
   * @param manager the id of the user field with the person's manager
   */
  public record ProfileFields(String team, String manager) {}

  public SlackSettings {
    botToken = blankToEmpty(botToken);
    signingSecret = blankToEmpty(signingSecret);
    appToken = blankToEmpty(appToken);
    apiUrl = apiUrl == null || apiUrl.isBlank() ? "https://slack.com/api/" : apiUrl.strip();
    apiUrl = apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    publicUrl = blankToEmpty(publicUrl);
    workers = workers == null ? 8 : workers;
    queue = queue == null ? 1000 : queue;
    attempts = attempts == null ? 4 : attempts;
    firstBackoff = firstBackoff == null ? Duration.ofMillis(500) : firstBackoff;
    longestWait = longestWait == null ? Duration.ofMinutes(5) : longestWait;
    userGroups = userGroups == null ? Map.of() : Map.copyOf(userGroups);
    userGroupsRefresh = userGroupsRefresh == null ? Duration.ofMinutes(5) : userGroupsRefresh;
    profileFields = profileFields == null ? new ProfileFields(null, null) : profileFields;
  }

  /** The custom profile fields as the Slack adapter takes them. */
  public SlackProfiles.Fields fields() {
    return new SlackProfiles.Fields(
        Optional.ofNullable(profileFields.team()), Optional.ofNullable(profileFields.manager()));
  }

  /** Slack is on when both the bot token and the signing secret are set. */
  public boolean configured() {
    return !botToken.isEmpty() && !signingSecret.isEmpty();
  }

  public Optional<String> socketModeToken() {
    return appToken.isEmpty() ? Optional.empty() : Optional.of(appToken);
  }

  private static String blankToEmpty(String value) {
    return value == null ? "" : value.strip();
  }
}
