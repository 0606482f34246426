package io.learnloop.integrations.slack;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.learnloop.dialog.channel.ChannelUser;
import java.time.Duration;
import java.util.Optional;

/**
 * The hash of the App Home view Slack last showed each person ({@code app_home_opened}), passed to
 * {@code views.publish} so that a slower publish never overwrites a newer view.
 */
public final class HomeViews {

  private final Cache<String, String> hashes =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofHours(1)).build();

  public void shown(ChannelUser user, String hash) {
    hashes.put(user.key(), hash);
  }

  Optional<String> hashOf(ChannelUser user) {
    return Optional.ofNullable(hashes.getIfPresent(user.key()));
  }
}
