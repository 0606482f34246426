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
import java.lang.management.GarbageCollectorMXBean;
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
 * <p>Arguments: [seconds per phase, default 10] [threads for throughput, default 8]. Before the
 * measured phases, {@link #WARM_UP_SECONDS} of recording let the JIT compile the whole path. Each
 * phase also reports the time Redis spent per script call (INFO commandstats) and the JVM's garbage
 * collections, so that a slow p99 can be attributed; the machine's load average ({@code uptime})
 * before and after goes into the report, because the machine is shared.
 */
public final class RecordAnswerBenchmark {

  private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");

  static final int WARM_UP_SECONDS = 8;

  private RecordAnswerBenchmark() {}

  /** One measured phase. */
  private record Phase(
      String name, int seconds, long answers, Histogram latency, double serverMicros, Gc gc) {

    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %d | %.0f | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.0f µs | %d (%d ms) |%n",
          name,
          answers,
          answers / (double) seconds,
          latency.getValueAtPercentile(50) / 1000.0,
          latency.getValueAtPercentile(99) / 1000.0,
          latency.getValueAtPercentile(99.9) / 1000.0,
          latency.getMaxValue() / 1000.0,
          serverMicros,
          gc.count(),
          gc.millis());
    }
  }

  private record Gc(long count, long millis) {
    static Gc now() {
      long count = 0;
      long millis = 0;
      for (GarbageCollectorMXBean bean : ManagementFactory.getGarbageCollectorMXBeans()) {
        count += bean.getCollectionCount();
        millis += bean.getCollectionTime();
      }
      return new Gc(count, millis);
    }

    Gc since(Gc before) {
      return new Gc(count - before.count, millis - before.millis);
    }
  }

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 8;
    Path dir = Files.createTempDirectory("learnloop-bench-redis");
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir);
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofSeconds(5))) {
      RedisAnswerLog log = new RedisAnswerLog(connector, Spacing.defaults());
      AtomicLong ids = new AtomicLong();
      String loadBefore = MarkdownResults.command("uptime");
      run(log, ids, 1, WARM_UP_SECONDS, new Histogram(3)); // JIT, script load
      Phase single = phase(connector, log, ids, "1 thread, " + seconds + " s", 1, seconds);
      Phase concurrent =
          phase(
              connector,
              log,
              ids,
              threads + " threads, one shared connection, " + seconds + " s",
              threads,
              seconds);
      String loadAfter = MarkdownResults.command("uptime");
      String report = report(seconds, threads, List.of(single, concurrent), loadBefore, loadAfter);
      System.out.print(report);
      Path out = Path.of("docs/BENCHMARKS-LEARNER.md");
      MarkdownResults.write(out, BEGIN, END, report);
      System.out.println("Wrote " + out.toAbsolutePath());
    }
  }

  private static Phase phase(
      RedisConnector connector,
      RedisAnswerLog log,
      AtomicLong ids,
      String name,
      int threads,
      int seconds)
      throws InterruptedException {
    connector.sync().configResetstat();
    Gc before = Gc.now();
    Histogram latency = new Histogram(3);
    long answers = run(log, ids, threads, seconds, latency);
    Gc gc = Gc.now().since(before);
    return new Phase(name, seconds, answers, latency, serverMicros(connector), gc);
  }

  // Mean time Redis spent in one EVALSHA since the last CONFIG RESETSTAT.
  private static double serverMicros(RedisConnector connector) {
    for (String line : connector.sync().info("commandstats").split("\\r?\\n")) {
      if (line.startsWith("cmdstat_evalsha:")) {
        for (String field : line.substring(line.indexOf(':') + 1).split(",")) {
          if (field.startsWith("usec_per_call=")) {
            return Double.parseDouble(field.substring("usec_per_call=".length()));
          }
        }
      }
    }
    return Double.NaN;
  }

  static final String BEGIN = "<!-- results: written by RecordAnswerBenchmark -->";
  static final String END = "<!-- end of results -->";

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
      int seconds, int threads, List<Phase> phases, String loadBefore, String loadAfter)
      throws IOException, InterruptedException {
    StringBuilder rows = new StringBuilder();
    phases.forEach(p -> rows.append(p.row()));
    return String.format(
        Locale.ROOT,
        "# Benchmark: recording answers in Redis%n%n"
            + "`./bench/run.sh RecordAnswerBenchmark %d %d` (io.learnloop.bench.RecordAnswerBenchmark):"
            + " RedisAnswerLog.record (one EVALSHA of record-answer.lua) against the embedded"
            + " redis-server 6.2 on loopback, AOF on with fsync every second; 10,000 learners,"
            + " 50 teams, 400 items; %d s of warm-up first. Latency is measured around one record"
            + " call, client side; \"Redis\" is the mean time the server spent in one call"
            + " (INFO commandstats), GC the JVM's collections during the phase.%n%n"
            + "| run | answers | answers/s | p50 | p99 | p99.9 | max | Redis | GC |%n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|---:|%n"
            + "%s"
            + "%n## Machine%n%n- `nproc`: %s%n- `uptime` before: %s%n- `uptime` after: %s%n"
            + "- `java -version`: %s%n- JVM: %s%n",
        seconds,
        threads,
        WARM_UP_SECONDS,
        rows,
        MarkdownResults.command("nproc"),
        loadBefore,
        loadAfter,
        MarkdownResults.command("java", "-version").replace("\n", " / "),
        ManagementFactory.getRuntimeMXBean().getVmName()
            + " "
            + ManagementFactory.getRuntimeMXBean().getVmVersion());
  }
}
