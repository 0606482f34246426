package io.learnloop.integrations.redis;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.LettuceFutures;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisException;
import io.lettuce.core.RedisFuture;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.StatefulRedisClusterConnection;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;
import io.lettuce.core.cluster.api.sync.RedisClusterCommands;
import java.net.SocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * One shared Lettuce connection, opened on first use and opened again on the next use after a
 * failed attempt, so that the application starts, and reports Redis as down, while Redis is
 * unreachable. Once open, Lettuce reconnects by itself; while it is disconnected commands fail fast
 * instead of queueing.
 *
 * <p>Connects to one Redis, or, in cluster mode, to a Redis Cluster through any of its nodes. The
 * stores only use commands both offer, and keep the keys of each script in one hash slot.
 */
public final class RedisConnector implements AutoCloseable {

  private final RedisURI uri;
  private final AbstractRedisClient client;
  private volatile StatefulConnection<String, String> connection;

  /**
   * @param url a {@code redis://} or {@code rediss://} URL
   * @param timeout how long one command may take before it fails
   * @throws IllegalArgumentException when the URL cannot be parsed
   */
  public RedisConnector(String url, Duration timeout) {
    this(url, timeout, false);
  }

  /**
   * @param cluster whether {@code url} names a node of a Redis Cluster
   * @see #RedisConnector(String, Duration)
   */
  public RedisConnector(String url, Duration timeout, boolean cluster) {
    Objects.requireNonNull(url, "url");
    try {
      this.uri = RedisURI.create(url);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException(
          "REDIS_URL '" + redact(url) + "' is not a valid redis:// URL", e);
    }
    uri.setTimeout(timeout);
    // The sync API already gives up after the URI's timeout. Per-command timeouts would also
    // schedule a task on another thread for every command: on two busy cores that cost p99
    // 1.1-4.1 ms against 0.32-0.36 ms without (docs/BENCHMARKS-LEARNER.md).
    TimeoutOptions noCommandTimeouts = TimeoutOptions.builder().timeoutCommands(false).build();
    if (cluster) {
      RedisClusterClient clusterClient = RedisClusterClient.create(uri);
      clusterClient.setOptions(
          ClusterClientOptions.builder()
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
              .timeoutOptions(noCommandTimeouts)
              .build());
      this.client = clusterClient;
    } else {
      RedisClient redisClient = RedisClient.create(uri);
      redisClient.setOptions(
          ClientOptions.builder()
              .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
              .timeoutOptions(noCommandTimeouts)
              .build());
      this.client = redisClient;
    }
  }

  /**
   * Synchronous commands over the shared connection.
   *
   * @throws RedisUnavailableException when no connection can be opened
   */
  public RedisClusterCommands<String, String> sync() {
    StatefulConnection<String, String> current = connection();
    return current instanceof StatefulRedisClusterConnection<String, String> cluster
        ? cluster.sync()
        : ((StatefulRedisConnection<String, String>) current).sync();
  }

  /**
   * Asynchronous commands over the same shared connection, for pipelining many commands.
   *
   * @throws RedisUnavailableException when no connection can be opened
   */
  public RedisClusterAsyncCommands<String, String> async() {
    StatefulConnection<String, String> current = connection();
    return current instanceof StatefulRedisClusterConnection<String, String> cluster
        ? cluster.async()
        : ((StatefulRedisConnection<String, String>) current).async();
  }

  /**
   * Waits for commands sent together with {@link #async()}: one round trip for all of them.
   *
   * @throws io.lettuce.core.RedisException when one of them fails or takes longer than {@link
   *     #timeout()}
   */
  public void awaitAll(RedisFuture<?>... commands) {
    long timeout = timeout().toMillis();
    for (RedisFuture<?> command : commands) {
      LettuceFutures.awaitOrCancel(command, timeout, TimeUnit.MILLISECONDS);
    }
  }

  /**
   * Waits for one command sent with {@link #async()}.
   *
   * @throws io.lettuce.core.RedisException when it fails or takes longer than {@link #timeout()}
   */
  public <T> T await(RedisFuture<T> command) {
    return LettuceFutures.awaitOrCancel(command, timeout().toMillis(), TimeUnit.MILLISECONDS);
  }

  /**
   * Runs the callback each time a connection to Redis is open again after one was lost (not at the
   * first connection), on Lettuce's own thread: it must not block.
   */
  public void whenReconnected(Runnable callback) {
    Objects.requireNonNull(callback, "callback");
    AtomicBoolean lost = new AtomicBoolean();
    client.addListener(
        new RedisConnectionStateListener() {
          @Override
          public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
            lost.set(true);
          }

          @Override
          public void onRedisConnected(
              RedisChannelHandler<?, ?> connection, SocketAddress address) {
            if (lost.getAndSet(false)) {
              callback.run();
            }
          }
        });
  }

  /** How long one command may take before it fails. */
  public Duration timeout() {
    return uri.getTimeout();
  }

  /** The URL without its password, for logs and health details. */
  public String displayUrl() {
    return (uri.isSsl() ? "rediss://" : "redis://")
        + uri.getHost()
        + ":"
        + uri.getPort()
        + (uri.getDatabase() == 0 ? "" : "/" + uri.getDatabase());
  }

  private StatefulConnection<String, String> connection() {
    StatefulConnection<String, String> current = connection;
    if (current != null) {
      return current;
    }
    synchronized (this) {
      if (connection == null) {
        try {
          connection =
              client instanceof RedisClusterClient cluster
                  ? cluster.connect()
                  : ((RedisClient) client).connect();
        } catch (RedisException e) {
          throw new RedisUnavailableException(
              "Redis at " + displayUrl() + " is unreachable: " + rootMessage(e), e);
        }
      }
      return connection;
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      connection.close();
    }
    client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static String redact(String url) {
    return url.replaceAll("//[^@/]*@", "//***@");
  }
}
