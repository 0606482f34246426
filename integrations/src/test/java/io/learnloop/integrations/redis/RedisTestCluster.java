package io.learnloop.integrations.redis;

import static org.awaitility.Awaitility.await;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import redis.embedded.RedisServer;

/**
 * A real three-node Redis Cluster for one test class and its {@code @Nested} classes: the
 * redis-server that embedded-redis unpacks, started three times with {@code cluster-enabled yes},
 * joined with {@code CLUSTER MEET} and each given a third of the 16,384 slots with {@code CLUSTER
 * ADDSLOTS}.
 */
public final class RedisTestCluster implements BeforeAllCallback, AfterAllCallback {

  private static final int SLOTS = 16_384;

  private final List<RedisServer> nodes = new ArrayList<>();
  private final List<Integer> ports = new ArrayList<>();
  private RedisConnector connector;

  @Override
  public void beforeAll(ExtensionContext context) throws IOException {
    if (connector != null) {
      return; // a @Nested class of the one that started it
    }
    Path dir = Files.createTempDirectory("learnloop-redis-cluster");
    for (int i = 0; i < 3; i++) {
      int port = freePortWithFreeBusPort();
      RedisServer node =
          RedisServer.newRedisServer()
              .bind("127.0.0.1")
              .port(port)
              .setting("cluster-enabled yes")
              .setting("cluster-config-file nodes-" + port + ".conf")
              .setting("cluster-node-timeout 5000")
              .setting("dir \"" + dir + "\"")
              .setting("appendonly no")
              .setting("save \"\"")
              .build();
      node.start();
      nodes.add(node);
      ports.add(port);
    }
    join();
    connector =
        new RedisConnector("redis://127.0.0.1:" + ports.get(0), Duration.ofSeconds(2), true);
  }

  private void join() {
    List<RedisClient> clients = new ArrayList<>();
    try {
      List<StatefulRedisConnection<String, String>> connections = new ArrayList<>();
      for (int port : ports) {
        RedisClient client = RedisClient.create("redis://127.0.0.1:" + port);
        clients.add(client);
        connections.add(client.connect());
      }
      for (int i = 1; i < ports.size(); i++) {
        connections.get(0).sync().clusterMeet("127.0.0.1", ports.get(i));
      }
      for (int i = 0; i < ports.size(); i++) {
        int from = SLOTS * i / ports.size();
        int to = SLOTS * (i + 1) / ports.size();
        connections.get(i).sync().clusterAddSlots(IntStream.range(from, to).toArray());
      }
      await()
          .atMost(Duration.ofSeconds(60))
          .until(
              () ->
                  connections.stream()
                      .allMatch(
                          c ->
                              c.sync().clusterInfo().contains("cluster_state:ok")
                                  && c.sync().clusterInfo().contains("cluster_known_nodes:3")));
    } finally {
      clients.forEach(RedisClient::shutdown);
    }
  }

  @Override
  public void afterAll(ExtensionContext context) throws IOException {
    if (context.getRequiredTestClass().getEnclosingClass() != null) {
      return; // the enclosing class stops it
    }
    connector.close();
    for (RedisServer node : nodes) {
      node.stop();
    }
  }

  /** A cluster-mode connector to the three nodes. */
  public RedisConnector connector() {
    return connector;
  }

  public List<Integer> ports() {
    return ports;
  }

  // The cluster bus listens on the port + 10,000.
  private static int freePortWithFreeBusPort() throws IOException {
    for (int attempt = 0; attempt < 100; attempt++) {
      int port = freePort();
      if (port < 55_000 && isFree(port + 10_000)) {
        return port;
      }
    }
    throw new IllegalStateException("no free port pair for a cluster node");
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    } catch (UncheckedIOException e) {
      return false;
    }
  }
}
