package io.learnloop.integrations.slack;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.slack.api.methods.response.usergroups.UsergroupsListResponse;
import com.slack.api.model.Usergroup;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.ChannelUser;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Document groups from Slack user groups: a person in a mapped user group ({@code
 * learnloop.slack.user-groups.<handle or id>=<document group>}) reads that group's documents, in
 * addition to the groups {@code configured} gives them. Only a Slack identity gets them, and only
 * from user groups of its own workspace (each user group names its {@code team_id}).
 *
 * <p>Membership comes from {@code usergroups.list} with {@code include_users=true}, one call for
 * the whole workspace, kept for {@code refresh} and refreshed in the background after that, so an
 * answer waits for Slack at most once. When Slack cannot say (down, slow, the {@code
 * usergroups:read} scope missing), access fails closed: the configured groups only, and Slack is
 * not asked again for {@link #QUIET_AFTER_FAILURE}.
 */
public final class SlackUserGroupAccess implements AccessGroups {

  /** How long Slack is left alone after a failed look-up; answers meanwhile use configuration. */
  static final Duration QUIET_AFTER_FAILURE = Duration.ofSeconds(30);

  private static final Logger log = LoggerFactory.getLogger(SlackUserGroupAccess.class);
  private static final String WORKSPACE_MEMBERSHIP = "all";

  private final AccessGroups configured;
  private final SlackWebApi api;
  private final Map<String, String> documentGroupByUserGroup;
  private final Clock clock;
  private final LoadingCache<String, Map<String, Set<String>>> membership;
  private volatile Instant quietUntil = Instant.MIN;

  /**
   * @param documentGroupByUserGroup document group by Slack user group handle (without {@code @})
   *     or id ({@code S0614TZR7})
   * @param refresh how long one look-up of the membership is used before it is refreshed; a
   *     membership not refreshed for five times as long is dropped
   */
  public SlackUserGroupAccess(
      AccessGroups configured,
      SlackWebApi api,
      Map<String, String> documentGroupByUserGroup,
      Duration refresh,
      Clock clock) {
    this.configured = Objects.requireNonNull(configured, "configured");
    this.api = Objects.requireNonNull(api, "api");
    this.clock = Objects.requireNonNull(clock, "clock");
    Map<String, String> mapping = new HashMap<>();
    documentGroupByUserGroup.forEach(
        (userGroup, documentGroup) -> {
          if (documentGroup == null || documentGroup.isBlank()) {
            throw new IllegalArgumentException(
                "Slack user group '" + userGroup + "' is mapped to no document group");
          }
          mapping.put(normalised(userGroup), documentGroup.strip());
        });
    this.documentGroupByUserGroup = Map.copyOf(mapping);
    this.membership =
        Caffeine.newBuilder()
            .ticker(ticker(clock))
            .refreshAfterWrite(refresh)
            .expireAfterWrite(refresh.multipliedBy(5))
            .build(ignored -> lookUp());
  }

  @Override
  public Set<String> groupsOf(ChannelUser user, Optional<String> verifiedEmail) {
    Set<String> groups = configured.groupsOf(user, verifiedEmail);
    if (!SlackGateway.CHANNEL.equals(user.channel()) || documentGroupByUserGroup.isEmpty()) {
      return groups;
    }
    Set<String> fromSlack =
        membership().getOrDefault(memberKey(user.workspace(), user.user()), Set.of());
    if (fromSlack.isEmpty()) {
      return groups;
    }
    Set<String> union = new HashSet<>(groups);
    union.addAll(fromSlack);
    return Set.copyOf(union);
  }

  private Map<String, Set<String>> membership() {
    if (clock.instant().isBefore(quietUntil)) {
      Map<String, Set<String>> kept = membership.getIfPresent(WORKSPACE_MEMBERSHIP);
      return kept == null ? Map.of() : kept;
    }
    try {
      return membership.get(WORKSPACE_MEMBERSHIP);
    } catch (CompletionException | IllegalStateException e) {
      quietUntil = clock.instant().plus(QUIET_AFTER_FAILURE);
      log.warn(
          "Slack user groups unavailable, answering with configured document groups only: {}",
          e.getCause() == null ? e.toString() : e.getCause().toString());
      return Map.of();
    }
  }

  // Document groups by "team:user", from every mapped user group of the workspace.
  private Map<String, Set<String>> lookUp() {
    UsergroupsListResponse list;
    try {
      list =
          api.call(
              "usergroups.list",
              client -> client.usergroupsList(r -> r.includeUsers(true).includeDisabled(false)));
    } catch (RuntimeException e) {
      throw new IllegalStateException(e.getMessage(), e);
    }
    Map<String, Set<String>> byMember = new HashMap<>();
    List<Usergroup> userGroups = list.getUsergroups() == null ? List.of() : list.getUsergroups();
    for (Usergroup userGroup : userGroups) {
      String documentGroup = documentGroupOf(userGroup);
      if (documentGroup == null
          || userGroup.getTeamId() == null
          || userGroup.getUsers() == null
          || (userGroup.getDateDelete() != null && userGroup.getDateDelete() != 0)) {
        continue;
      }
      for (String member : userGroup.getUsers()) {
        byMember
            .computeIfAbsent(memberKey(userGroup.getTeamId(), member), k -> new HashSet<>())
            .add(documentGroup);
      }
    }
    Map<String, Set<String>> frozen = new HashMap<>();
    byMember.forEach((member, groups) -> frozen.put(member, Set.copyOf(groups)));
    return Map.copyOf(frozen);
  }

  private String documentGroupOf(Usergroup userGroup) {
    String byId =
        userGroup.getId() == null
            ? null
            : documentGroupByUserGroup.get(normalised(userGroup.getId()));
    if (byId != null) {
      return byId;
    }
    return userGroup.getHandle() == null
        ? null
        : documentGroupByUserGroup.get(normalised(userGroup.getHandle()));
  }

  private static String memberKey(String team, String user) {
    return team + ":" + user;
  }

  private static String normalised(String userGroup) {
    String name = userGroup.strip();
    return (name.startsWith("@") ? name.substring(1) : name).toLowerCase(Locale.ROOT);
  }

  // The cache's time is the application's clock, so that a test can move it.
  private static Ticker ticker(Clock clock) {
    return () -> Duration.between(Instant.EPOCH, clock.instant()).toNanos();
  }
}
