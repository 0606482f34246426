package io.learnloop.bench;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * Answers recorded per second against a local embedded Redis (AOF on, fsync every second, as
 * LearnLoop runs it), and the latency of recording one answer. Writes docs/BENCHMARKS-LEARNER.md.
 *
 * <p>Arguments: [seconds per phase, default 10] [threads for throughput, default 8].
 */
public final class RecordAnswerBenchmark {

  private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  private RecordAnswerBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path dir = Files.createTempDirectory("learnloop-bench-redis");
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir);
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofSeconds(5))) {
      RedisAnswerLog log = new RedisAnswerLog(connector, Spacing.defaults());
      AtomicLong ids = new AtomicLong();
      run(log, ids, 1, 3, new Histogram(3)); // warm-up: JIT, script load
      Histogram single = new Histogram(3);
      long singleCount = run(log, ids, 1, seconds, single);
      Histogram concurrent = new Histogram(3);
      long concurrentCount = run(log, ids, threads, seconds, concurrent);
      String report = report(seconds, threads, single, singleCount, concurrent, concurrentCount);
      System.out.print(report);
      Path out = Path.of("docs/BENCHMARKS-LEARNER.md");
      Files.createDirectories(out.getParent());
      Files.writeString(out, report);
      System.out.println("Wrote " + out.toAbsolutePath());
    }
  }

  /** Records answers from {@code threads} threads for {@code seconds}; returns how many. */
  private static long run(
      RedisAnswerLog log, AtomicLong ids, int threads, int seconds, Histogram latencies)
      throws InterruptedException {
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    AtomicLong count = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < threads; t++) {
      Thread worker =
          new Thread(
              () -> {
                Histogram local = new Histogram(3);
                while (System.nanoTime() < end) {
                  long n = ids.incrementAndGet();
                  RecordAnswer answer = answer(n);
                  long start = System.nanoTime();
                  log.record(answer);
                  local.recordValue((System.nanoTime() - start) / 1000);
                  count.incrementAndGet();
                }
                synchronized (latencies) {
                  latencies.add(local);
                }
              },
              "bench-record-" + t);
      workers.add(worker);
      worker.start();
    }
    for (Thread worker : workers) {
      worker.join();
    }
    return count.get();
  }

  // 10,000 learners in 50 teams answering 400 items: realistic key spread, mostly new cards.
  private static RecordAnswer answer(long n) {
    LearnerId learner = new LearnerId("bench:" + (n % 10_000));
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId("bench-" + n),
            learner,
            new ItemId("item-" + (n * 7919 % 400)),
            0,
            n % 3 != 0,
            Duration.ofSeconds(6),
            T0.plus(Duration.ofMinutes(n / 10_000)),
            AnswerContext.DAILY),
        Set.of(new SkillId("skill-" + (n * 7919 % 400) / 10)),
        "team-" + (n % 50),
        JAKARTA);
  }

  private static String report(
      int seconds,
      int threads,
      Histogram single,
      long singleCount,
      Histogram concurrent,
      long concurrentCount)
      throws IOException, InterruptedException {
    return String.format(
        Locale.ROOT,
        "# Benchmark: recording answers in Redis%n%n"
            + "`./bench/run.sh RecordAnswerBenchmark %d %d` (io.learnloop.bench.RecordAnswerBenchmark):"
            + " RedisAnswerLog.record (one EVALSHA of record-answer.lua) against the embedded"
            + " redis-server 6.2 on loopback, AOF on with fsync every second; 10,000 learners,"
            + " 50 teams, 400 items. Latency is measured around one record call, client side.%n%n"
            + "| run | answers | answers/s | p50 | p99 | max |%n"
            + "|---|---:|---:|---:|---:|---:|%n"
            + "| 1 thread, %d s | %d | %.0f | %.3f ms | %.3f ms | %.3f ms |%n"
            + "| %d threads, one shared connection, %d s | %d | %.0f | %.3f ms | %.3f ms | %.3f ms |%n"
            + "%n## Machine%n%n- `nproc`: %s%n- `java -version`: %s%n- JVM: %s%n",
        seconds,
        threads,
        seconds,
        singleCount,
        singleCount / (double) seconds,
        single.getValueAtPercentile(50) / 1000.0,
        single.getValueAtPercentile(99) / 1000.0,
        single.getMaxValue() / 1000.0,
        threads,
        seconds,
        concurrentCount,
        concurrentCount / (double) seconds,
        concurrent.getValueAtPercentile(50) / 1000.0,
        concurrent.getValueAtPercentile(99) / 1000.0,
        concurrent.getMaxValue() / 1000.0,
        command("nproc"),
        command("java", "-version").replace("\n", " / "),
        ManagementFactory.getRuntimeMXBean().getVmName()
            + " "
            + ManagementFactory.getRuntimeMXBean().getVmVersion());
  }

  private static String command(String... command) throws IOException, InterruptedException {
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes()).strip();
    process.waitFor();
    return output;
  }
}
