package io.learnloop.dialog.channel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A person as a chat channel knows them, verified by that channel's adapter (a signed Slack
 * request, a Bot Framework token, the web chat's session).
 *
 * @param channel {@code slack}, {@code teams}, {@code web}, {@code api}
 * @param workspace the Slack team id, the Teams tenant id, {@code local} for the web chat
 * @param user the user's id within the workspace
 */
public record ChannelUser(String channel, String workspace, String user) {

  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,31}");
  private static final Pattern WORKSPACE = Pattern.compile("[A-Za-z0-9._-]{1,64}");
  private static final Pattern USER = Pattern.compile("\\S{1,128}");

  public ChannelUser {
    require(CHANNEL, channel, "channel");
    require(WORKSPACE, workspace, "workspace");
    require(USER, user, "user");
  }

  /** One string naming the person across every channel, e.g. {@code slack:T0123:U0456}. */
  public String key() {
    return channel + ":" + workspace + ":" + user;
  }

  /** The value stored as this channel's identity of a learner. */
  public String identity() {
    return workspace + ":" + user;
  }

  static void require(Pattern pattern, String value, String name) {
    Objects.requireNonNull(value, name);
    if (!pattern.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "a " + name + " must match " + pattern.pattern() + " but was '" + shorten(value) + "'");
    }
  }

  static String shorten(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  @Override
  public String toString() {
    return key();
  }
}
