package io.learnloop.bench;

import io.learnloop.dialog.catalog.ItemId;
import io.learnloop.dialog.catalog.SkillId;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.integrations.journal.FileAnswerJournal;
import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Journal replay at start: {@code N} answers (default 10,000) kept during a Redis outage by an
 * {@link AnswerRecorder} over a {@link FileAnswerJournal}, the process stopped, then a new journal
 * and recorder started against the embedded Redis; measures the time from opening the journal to
 * the last answer stored, and checks that none is lost or counted twice. 1 % of the answers had
 * reached Redis before the outage hid the reply (they must come back as duplicates). Appends to
 * docs/BENCHMARKS-LEARNER.md.
 *
 * <p>Arguments: [answers, default 10000].
 */
public final class JournalReplayBenchmark {

  static final String BEGIN = "<!-- journal replay: written by JournalReplayBenchmark -->";
  static final String END = "<!-- end of journal replay -->";

  private static final Instant T0 = Instant.parse("2026-11-02T02:00:00Z");
  private static final int LEARNERS = 100;
  private static final int ANSWERING_THREADS = 8;

  private JournalReplayBenchmark() {}

  public static void main(String[] args) throws Exception {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    Path root = Files.createTempDirectory("learnloop-bench-journal");
    Path journalDir = root.resolve("journal");
    Path copy = root.resolve("journal-as-left.jsonl");
    List<RecordAnswer> answers = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      answers.add(answer(i));
    }
    String loadBefore = MarkdownResults.command("uptime");
    boolean failed;
    try (EmbeddedRedis redis = EmbeddedRedis.start(root.resolve("redis"));
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofSeconds(5))) {
      RedisAnswerLog log = new RedisAnswerLog(connector, Spacing.defaults());
      int alreadyStored = count / 100;
      answers.subList(0, alreadyStored).forEach(log::record);
      long journaling = keepDuringOutage(answers, journalDir);
      Path file = journalDir.resolve("answers.jsonl");
      Files.copy(file, copy);

      Replay cold = replay(log, journalDir, answers, count);
      // The same journal and Redis state again, in the now warm JVM.
      connector.sync().flushall();
      answers.subList(0, alreadyStored).forEach(log::record);
      Files.copy(copy, file, StandardCopyOption.REPLACE_EXISTING);
      Replay warm = replay(log, journalDir, answers, count);

      String report =
          report(
              count,
              alreadyStored,
              journaling,
              List.of(cold, warm),
              loadBefore,
              MarkdownResults.command("uptime"));
      System.out.print(report);
      Path out = Path.of("docs/BENCHMARKS-LEARNER.md");
      MarkdownResults.write(out, BEGIN, END, report);
      System.out.println("Wrote " + out.toAbsolutePath());
      failed = !cold.exact() || !warm.exact();
    }
    if (failed) {
      System.exit(1);
    }
  }

  private record Replay(
      long opened, long total, long recorded, int damaged, Check check, int leftInJournal) {
    boolean exact() {
      return check.lost() == 0 && check.doubled() == 0 && leftInJournal == 0;
    }
  }

  /** Opens the journal and records what it holds, as LearnLoop does at start. */
  private static Replay replay(
      RedisAnswerLog log, Path journalDir, List<RecordAnswer> answers, int count) {
    long start = System.nanoTime();
    long opened;
    long recorded;
    int damaged;
    try (FileAnswerJournal journal = FileAnswerJournal.open(journalDir)) {
      opened = System.nanoTime() - start;
      damaged = journal.damaged().size();
      try (AnswerRecorder recorder =
          new AnswerRecorder(log, Duration.ofMillis(50), journal, count * 2)) {
        while (recorder.pending() > 0) {
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        recorded = recorder.recorded();
      }
    }
    long total = System.nanoTime() - start;
    int left;
    try (FileAnswerJournal after = FileAnswerJournal.open(journalDir)) {
      left = after.unstored().size();
    }
    return new Replay(opened, total, recorded, damaged, check(log, answers), left);
  }

  /** Redis unreachable: every answer is kept and journaled, then the process "stops". */
  private static long keepDuringOutage(List<RecordAnswer> answers, Path journalDir)
      throws Exception {
    long start = System.nanoTime();
    try (RedisConnector nowhere =
            new RedisConnector("redis://127.0.0.1:1", Duration.ofMillis(200));
        FileAnswerJournal journal = FileAnswerJournal.open(journalDir);
        AnswerRecorder recorder =
            new AnswerRecorder(
                new RedisAnswerLog(nowhere, Spacing.defaults()),
                Duration.ofHours(1),
                journal,
                answers.size() * 2)) {
      // Many learners answering at once: their fsyncs are shared (group commit).
      ExecutorService learners = Executors.newFixedThreadPool(ANSWERING_THREADS);
      try {
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < ANSWERING_THREADS; t++) {
          int first = t;
          done.add(
              learners.submit(
                  () -> {
                    for (int i = first; i < answers.size(); i += ANSWERING_THREADS) {
                      recorder.record(answers.get(i));
                    }
                  }));
        }
        for (Future<?> future : done) {
          future.get();
        }
      } finally {
        learners.shutdown();
      }
      if (journal.pending() != answers.size()) {
        throw new IllegalStateException("journaled " + journal.pending() + " of " + answers.size());
      }
    }
    return System.nanoTime() - start;
  }

  private record Check(long stored, long lost, long doubled) {}

  private static Check check(RedisAnswerLog log, List<RecordAnswer> answers) {
    Set<AnswerId> expected = new HashSet<>();
    answers.forEach(a -> expected.add(a.answer().id()));
    long stored = 0;
    long doubled = 0;
    Set<AnswerId> seen = new HashSet<>();
    for (int l = 0; l < LEARNERS; l++) {
      for (AnswerEvent event : log.answers(learner(l))) {
        stored++;
        if (!seen.add(event.id())) {
          doubled++;
        }
      }
    }
    long lost = expected.stream().filter(id -> !seen.contains(id)).count();
    return new Check(stored, lost, doubled);
  }

  private static LearnerId learner(int l) {
    return new LearnerId("bench:journal:" + l);
  }

  private static RecordAnswer answer(int i) {
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId("journal-" + i),
            learner(i % LEARNERS),
            new ItemId("item-" + (i % 40)),
            i % 4,
            i % 3 != 0,
            Duration.ofMillis(4_000 + i % 5_000),
            T0.plus(Duration.ofMinutes(i)),
            AnswerContext.DAILY),
        Set.of(new SkillId("skill-" + (i % 8))),
        "team-" + (i % 5),
        ZoneId.of("Asia/Jakarta"));
  }

  private static String report(
      int count,
      int alreadyStored,
      long journaling,
      List<Replay> replays,
      String loadBefore,
      String loadAfter)
      throws Exception {
    StringBuilder out = new StringBuilder();
    out.append("## Journal replay at start\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "`./bench/run.sh JournalReplayBenchmark %d` (io.learnloop.bench.JournalReplayBenchmark):"
                + " %,d answers of %d learners kept by AnswerRecorder while Redis was unreachable,"
                + " each appended to FileAnswerJournal and fsync'd; the process stopped; then a new"
                + " FileAnswerJournal and AnswerRecorder against the embedded Redis (AOF on) record"
                + " them, in pipelined batches. %,d of the answers had reached Redis before the"
                + " outage (they must count once). The replay runs twice on the same journal and"
                + " Redis state: first in a fresh JVM, as at a real start, then warm. Target (issue"
                + " 8): replay of 10,000 ≤ 5 s, none lost or doubled.%n%n",
            count,
            count,
            LEARNERS,
            alreadyStored));
    out.append(
        String.format(
            Locale.ROOT,
            "Journaling during the outage (answers from %d threads at once, append + group-commit"
                + " fsync): %s, %,.0f answers/s.%n%n",
            ANSWERING_THREADS,
            ms(journaling),
            count / (journaling / 1e9)));
    out.append(
        "| replay | open journal (read, check) | **open → last answer stored** | answers/s |"
            + " newly recorded | in Redis after | lost | counted twice | damaged lines |"
            + " left in journal |\n");
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    String[] names = {"cold JVM (as at start)", "warm JVM"};
    for (int i = 0; i < replays.size(); i++) {
      Replay r = replays.get(i);
      out.append(
          String.format(
              Locale.ROOT,
              "| %s | %s | **%s** | %,.0f | %d | %d | %d | %d | %d | %d |%n",
              names[i],
              ms(r.opened()),
              ms(r.total()),
              count / (r.total() / 1e9),
              r.recorded(),
              r.check().stored(),
              r.check().lost(),
              r.check().doubled(),
              r.damaged(),
              r.leftInJournal()));
    }
    out.append("\n- `nproc`: ").append(MarkdownResults.command("nproc")).append('\n');
    out.append("- `uptime` before: ").append(loadBefore).append('\n');
    out.append("- `uptime` after: ").append(loadAfter).append('\n');
    return out.toString();
  }

  private static void row(StringBuilder out, String measure, String value) {
    out.append("| ").append(measure).append(" | ").append(value).append(" |\n");
  }

  private static String ms(long nanos) {
    return String.format(Locale.ROOT, "%,.0f ms", nanos / 1e6);
  }
}
