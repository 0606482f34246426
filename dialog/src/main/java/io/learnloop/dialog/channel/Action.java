package io.learnloop.dialog.channel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A button on a reply. Renderers show {@link #label()} and send {@link #id()} and {@link #value()}
 * back as {@link Input.ActionInvoked}; both fit Slack's and Teams' limits.
 *
 * @param value small and opaque: a card id and a choice number, never text to show
 */
public record Action(String id, String value, String label, Style style) {

  /** How prominent the button is. */
  public enum Style {
    PRIMARY,
    DEFAULT,
    DANGER
  }

  /** Slack's limit for button text. */
  public static final int MAX_LABEL = 75;

  private static final Pattern ID = Pattern.compile("[a-z][a-z0-9._-]{0,254}");
  private static final Pattern VALUE = Pattern.compile("[A-Za-z0-9:._,#/-]{0,256}");

  public Action {
    ChannelUser.require(ID, id, "action id");
    ChannelUser.require(VALUE, value, "action value");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(style, "style");
    if (label.isBlank()) {
      throw new IllegalArgumentException("an action needs a label");
    }
    if (label.length() > MAX_LABEL) {
      label = label.substring(0, MAX_LABEL - 1) + "…";
    }
  }

  public static Action of(String id, String value, String label) {
    return new Action(id, value, label, Style.DEFAULT);
  }
}
