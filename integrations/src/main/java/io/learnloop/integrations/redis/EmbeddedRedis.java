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
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

/**
 * A real redis-server process (from the embedded-redis package) on a free loopback port, with
 * append-only persistence in a data folder, for running LearnLoop with nothing configured.
 *
 * <p>The process is supervised: if it dies (killed, crashed) before {@link #close()}, it is started
 * again on the same port with the same data, retrying with growing pauses while that fails. Clients
 * see an outage of a second or so and reconnect by themselves.
 */
public final class EmbeddedRedis implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(EmbeddedRedis.class);

  static final String PID_FILE = "redis.pid";

  private static final Duration FIRST_RETRY = Duration.ofMillis(200);
  private static final Duration LAST_RETRY = Duration.ofSeconds(10);

  private final RedisServer server;
  private final int port;
  private final Path dataDir;
  private final FileChannel lockChannel;
  private final FileLock lock;
  private final ScheduledExecutorService supervisor;
  private final AtomicLong restarts = new AtomicLong();
  private volatile boolean closing;
  private volatile ProcessHandle process;

  private EmbeddedRedis(
      RedisServer server, int port, Path dataDir, FileChannel lockChannel, FileLock lock) {
    this.server = server;
    this.port = port;
    this.dataDir = dataDir;
    this.lockChannel = lockChannel;
    this.lock = lock;
    this.supervisor =
        Executors.newSingleThreadScheduledExecutor(
            task -> {
              Thread thread = new Thread(task, "learnloop-redis-supervisor-" + port);
              thread.setDaemon(true);
              return thread;
            });
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
              // Written even without daemonizing: how the supervisor finds the process to watch.
              .setting("pidfile " + quoted(dir.resolve(PID_FILE)))
              // SIGTERM, not SIGKILL: under load Redis may postpone an AOF write behind a slow
              // fsync (appendfsync everysec); a clean shutdown flushes it, a kill loses it.
              .onShutdownForceStop(false)
              .build();
      Files.deleteIfExists(dir.resolve(PID_FILE));
      server.start();
      int actualPort = server.ports().get(0);
      log.info("Started embedded Redis on 127.0.0.1:{} with data in {}", actualPort, dir);
      EmbeddedRedis redis = new EmbeddedRedis(server, actualPort, dir, channel, lock);
      redis.watch();
      return redis;
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

  /** The running redis-server process. */
  public ProcessHandle process() {
    return process;
  }

  /** How often the process died and was started again. */
  public long restarts() {
    return restarts.get();
  }

  /** Stops the server cleanly: redis-server flushes and fsyncs its append-only file, then exits. */
  @Override
  public void close() {
    closing = true;
    supervisor.shutdownNow();
    try {
      synchronized (server) {
        server.stop();
      }
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

  private void watch() throws IOException {
    long pid = Long.parseLong(Files.readString(dataDir.resolve(PID_FILE)).trim());
    ProcessHandle handle =
        ProcessHandle.of(pid)
            .filter(p -> p.parent().map(ProcessHandle.current()::equals).orElse(false))
            .orElseThrow(
                () -> new IOException("redis-server pid " + pid + " is not a child of LearnLoop"));
    process = handle;
    handle.onExit().thenRunAsync(() -> exited(handle), supervisor);
  }

  private void exited(ProcessHandle handle) {
    if (closing) {
      return;
    }
    log.warn(
        "Embedded Redis (pid {}) on port {} exited unexpectedly; starting it again with the data in {}",
        handle.pid(),
        port,
        dataDir);
    restart(FIRST_RETRY);
  }

  private void restart(Duration pause) {
    // A server started while the JVM exits would outlive it, holding the port and the data.
    if (closing || jvmExiting()) {
      return;
    }
    try {
      synchronized (server) {
        // stop() forgets the dead process, so that start() launches a new one with the same args.
        server.stop();
        Files.deleteIfExists(dataDir.resolve(PID_FILE));
        server.start();
      }
      restarts.incrementAndGet();
      watch();
      log.info("Embedded Redis is back on 127.0.0.1:{} (restart {})", port, restarts.get());
    } catch (IOException | RuntimeException e) {
      Duration next =
          pause.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : pause.multipliedBy(2);
      log.error(
          "Could not start embedded Redis again on port {}: {}; trying again in {} ms",
          port,
          e.getMessage(),
          pause.toMillis());
      try {
        supervisor.schedule(() -> restart(next), pause.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        // closing: nothing to restart
      }
    }
  }

  private static boolean jvmExiting() {
    Thread probe = new Thread(() -> {}, "learnloop-exit-probe");
    try {
      Runtime.getRuntime().addShutdownHook(probe);
      Runtime.getRuntime().removeShutdownHook(probe);
      return false;
    } catch (IllegalStateException e) {
      return true;
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
