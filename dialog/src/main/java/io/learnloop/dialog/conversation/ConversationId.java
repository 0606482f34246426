package io.learnloop.dialog.conversation;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Identifies one conversation with the bot: a DM, a web chat session, a Teams 1:1 chat. Prefixed by
 * its channel, e.g. {@code web:3f2a...}, {@code slack:T123:D456}.
 */
public record ConversationId(String value) {

  private static final Pattern ALLOWED = Pattern.compile("[A-Za-z0-9:_.@-]{1,128}");

  public ConversationId {
    Objects.requireNonNull(value, "value");
    if (!ALLOWED.matcher(value).matches()) {
      throw new IllegalArgumentException(
          "A conversation id is 1-128 characters of letters, digits and :_.@- but was '"
              + abbreviate(value)
              + "'");
    }
  }

  private static String abbreviate(String value) {
    return value.length() <= 40 ? value : value.substring(0, 40) + "...";
  }

  @Override
  public String toString() {
    return value;
  }
}
