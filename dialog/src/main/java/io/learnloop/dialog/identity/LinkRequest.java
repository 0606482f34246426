package io.learnloop.dialog.identity;

import io.learnloop.dialog.learning.LearnerId;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a link code stands for: the learner who asked for it, on the channel they asked on.
 *
 * @param channel the channel the code was made on, e.g. {@code web}; it cannot be redeemed there
 */
public record LinkRequest(LearnerId learner, String channel) {

  private static final Pattern CHANNEL = Pattern.compile("[a-z][a-z0-9-]{0,31}");

  public LinkRequest {
    Objects.requireNonNull(learner, "learner");
    Objects.requireNonNull(channel, "channel");
    if (!CHANNEL.matcher(channel).matches()) {
      throw new IllegalArgumentException(
          "a channel is 1 to 32 lower-case letters, digits or '-' but was '" + channel + "'");
    }
  }
}
