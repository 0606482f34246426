package io.learnloop.integrations.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (from the embedded-redis package) on a free loopback port, with
 * append-only persistence in a data folder, for running LearnLoop with nothing configured.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

  private final RedisServer server;
  private final int port;
  private final Path dataDir;
  private final FileChannel lockChannel;
  private final FileLock lock;

  private EmbeddedRedis(
      RedisServer server, int port, Path dataDir, FileChannel lockChannel, FileLock lock) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
    this.lockChannel = lockChannel;
    this.lock = lock;
  }

  /**
   * Starts redis-server with its data in {@code dataDir}, created if missing.
   *
   * @throws IllegalStateException when another process already serves that data folder
   * @throws UncheckedIOException when the folder cannot be written or the server does not start
   */
  public static EmbeddedRedis start(Path dataDir) {
    return start(dataDir, 0);
  }

  /**
   * Starts redis-server on {@code port}, or on a free port when it is 0.
   *
   * @see #start(Path)
   */
  public static EmbeddedRedis start(Path dataDir, int port) {
    Path dir = dataDir.toAbsolutePath().normalize();
    FileChannel channel = null;
    try {
      Files.createDirectories(dir);
      channel =
          FileChannel.open(
              dir.resolve("learnloop.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      FileLock lock = tryLock(channel, dir);
      RedisServer server =
          RedisServer.newRedisServer()
              .bind("127.0.0.1")
              .port(port == 0 ? freeLoopbackPort() : port)
              .setting("appendonly yes")
              .setting("appendfsync everysec")
              .setting("dir " + quoted(dir))
              .setting("protected-mode yes")
              // SIGTERM, not SIGKILL: under load Redis may postpone an AOF write behind a slow
              // fsync (appendfsync everysec); a clean shutdown flushes it, a kill loses it.
              .onShutdownForceStop(false)
              .build();
      server.start();
      int actualPort = server.ports().get(0);
      log.info("Started embedded Redis on 127.0.0.1:{} with data in {}", actualPort, dir);
      return new EmbeddedRedis(server, actualPort, dir, channel, lock);
    } catch (IOException e) {
      closeQuietly(channel);
      throw new UncheckedIOException(
          "Could not start embedded Redis with data in " + dir + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      closeQuietly(channel);
      throw e;
    }
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** A {@code redis://} URL for clients. */
  public String url() {
    return "redis://127.0.0.1:" + port;
  }

  /** Stops the server cleanly: redis-server flushes and fsyncs its append-only file, then exits. */
  @Override
  public void close() {
    try {
      server.stop();
      log.info("Stopped embedded Redis on port {}", port);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not stop embedded Redis on port " + port, e);
    } finally {
      try {
        lock.release();
      } catch (IOException ignored) {
        // the channel close below releases it too
      }
      closeQuietly(lockChannel);
    }
  }

  private static FileLock tryLock(FileChannel channel, Path dir) throws IOException {
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null;
    }
    if (lock == null) {
      throw new IllegalStateException(
          "Another LearnLoop process is using the Redis data in "
              + dir
              + ". Stop it, or set LEARNLOOP_DATA_DIR to another folder, or REDIS_URL to a shared Redis.");
    }
    return lock;
  }

  private static int freeLoopbackPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }

  private static String quoted(Path dir) {
    return "\"" + dir.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
  }

  private static void closeQuietly(FileChannel channel) {
    if (channel != null) {
      try {
        channel.close();
      } catch (IOException ignored) {
        // nothing left to release
      }
    }
  }
}
