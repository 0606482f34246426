package io.learnloop.app.redis;

import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * @param url {@code REDIS_URL}; blank starts an embedded Redis under the data folder
 * @param commandTimeout how long one Redis command may take before it fails
 * @param cluster {@code REDIS_CLUSTER}: REDIS_URL names a node of a Redis Cluster (ignored for the
 *     embedded Redis, a single server)
 */
@Validated
@ConfigurationProperties("learnloop.redis")
public record RedisSettings(String url, @NotNull Duration commandTimeout, boolean cluster) {

  boolean embedded() {
    return url == null || url.isBlank();
  }

  @Override
  public String toString() {
    return "RedisSettings[url="
        + (embedded() ? "embedded" : "(set)")
        + ", commandTimeout="
        + commandTimeout
        + ", cluster="
        + cluster
        + "]";
  }
}
