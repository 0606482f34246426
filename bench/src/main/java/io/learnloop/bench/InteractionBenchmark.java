package io.learnloop.bench;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Citation;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Deliveries;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.InteractionListener;
import io.learnloop.dialog.conversation.KnowledgeAnswer;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.dialog.conversation.Quizzing;
import io.learnloop.dialog.conversation.Sent;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.AnswerQuestion;
import io.learnloop.dialog.quiz.AskNextQuestion;
import io.learnloop.dialog.quiz.FallbackOpenQuestions;
import io.learnloop.dialog.quiz.JustInTimePractice;
import io.learnloop.dialog.quiz.ShowProgress;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisConversationReferences;
import io.learnloop.integrations.redis.RedisLearners;
import io.learnloop.integrations.redis.RedisOpenQuestions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.HdrHistogram.Histogram;

/**
 * The conversation core's own work per interaction against a local embedded Redis: delivery
 * de-duplication, enrolment, routing, the quiz use cases and reply building, with retrieval
 * excluded (the knowledge base answers at once) and a gateway that only records. Each simulated
 * learner asks a question, asks for a quiz, answers the card, and a retry of that answer is
 * dropped. Writes docs/BENCHMARKS-CORE.md.
 *
 * <p>Arguments: [seconds, default 20] [learners, default 2000] [deliveries store: redis (as the bot
 * runs) or memory] [paced rate in interactions/s; default 0, none].
 *
 * <p>With a rate it runs twice in the same process: flat out (the thread starts the next
 * interaction as soon as one ends, so the caller, Lettuce's event loop and redis-server always
 * compete for the CPU), then paced at the given rate, open loop: each interaction has a planned
 * start, and its latency counts from that start, so that one that waits behind a slow one is
 * charged for the wait.
 */
public final class InteractionBenchmark {

  private InteractionBenchmark() {}

  public static void main(String[] args) throws Exception {
    int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 20;
    int learners = args.length > 1 ? Integer.parseInt(args[1]) : 2000;
    Catalog catalog = new ContentFolder(Path.of("content")).load();
    Path dir = Files.createTempDirectory("learnloop-bench-core");
    try (EmbeddedRedis redis = EmbeddedRedis.start(dir);
        RedisConnector connector = new RedisConnector(redis.url(), Duration.ofSeconds(5))) {
      Clock clock = Clock.systemUTC();
      RedisAnswerLog answers = new RedisAnswerLog(connector, Spacing.defaults());
      RedisLearners people = new RedisLearners(connector);
      FallbackOpenQuestions open = new FallbackOpenQuestions(new RedisOpenQuestions(connector));
      RoleId role = catalog.roles().iterator().next().id();
      Snapshots snapshots = new Snapshots(catalog, answers, people, Spacing.defaults());
      io.learnloop.dialog.quiz.SectionTitles titles =
          new io.learnloop.integrations.content.HandbookTitles(Path.of("content/handbook"));
      AskNextQuestion ask =
          new AskNextQuestion(catalog, snapshots, answers, open, role, clock, titles);
      RecordingChatGateway gateway = new RecordingChatGateway("bench");
      KnowledgeBase instant =
          (question, groups, language) ->
              Optional.of(
                  new KnowledgeAnswer(
                      "You can carry over up to five days [1].",
                      false,
                      List.of(
                          new Citation(
                              "handbook/annual-leave.md",
                              "Annual leave",
                              "Carrying days over",
                              "/docs/annual-leave.md#carrying-days-over",
                              1))));
      Deliveries deliveries = deliveries(args.length > 2 ? args[2] : "redis", connector, clock);
      try (AnswerRecorder recorder = new AnswerRecorder(answers, Duration.ofSeconds(1))) {
        Assistant assistant =
            new Assistant(
                List.of(gateway),
                deliveries,
                new Enrollment(people, role, ZoneId.of("Asia/Jakarta")),
                new RedisConversationReferences(connector),
                AccessGroups.publicOnly(),
                instant,
                Optional.of(
                    new Quizzing(
                        ask,
                        new AnswerQuestion(
                            catalog, snapshots, recorder, answers, open, clock, titles),
                        new JustInTimePractice(catalog, people, clock),
                        new ShowProgress(catalog, snapshots, answers, ask, clock),
                        new io.learnloop.dialog.quiz.TeamRounds(
                            catalog,
                            new io.learnloop.integrations.redis.RedisRounds(connector),
                            recorder,
                            answers,
                            titles,
                            clock))),
                InteractionListener.NONE,
                clock);
        String loadBefore = MarkdownResults.command("uptime");
        run(assistant, gateway, connector, learners, 5, 0, new Histogram(3), new long[1]); // JIT
        int rate = args.length > 3 ? Integer.parseInt(args[3]) : 0;
        String store = args.length > 2 ? args[2] : "redis";
        String report =
            phase("flat out", assistant, gateway, connector, learners, seconds, 0, store);
        if (rate > 0) {
          report +=
              "\n"
                  + phase(
                      "paced at " + rate + " interactions/s",
                      assistant,
                      gateway,
                      connector,
                      learners,
                      seconds,
                      rate,
                      store);
        }
        String loadAfter = MarkdownResults.command("uptime");
        report =
            "## Conversation core per interaction (retrieval excluded)\n\n"
                + report
                + String.format(
                    Locale.ROOT,
                    "%nLoad average before: `%s`; after: `%s`.%n",
                    loadBefore.strip(),
                    loadAfter.strip());
        System.out.print(report);
        Path out = Path.of("docs/BENCHMARKS-CORE.md");
        MarkdownResults.write(
            out,
            "<!-- results: written by InteractionBenchmark -->",
            "<!-- end of results -->",
            report);
        System.out.println("Wrote " + out.toAbsolutePath());
      }
    }
  }

  private static String phase(
      String title,
      Assistant assistant,
      RecordingChatGateway gateway,
      RedisConnector connector,
      int learners,
      int seconds,
      int rate,
      String store) {
    BY_KIND.clear();
    CPU_BY_KIND.clear();
    Histogram latency = new Histogram(3);
    long[] duplicates = new long[1];
    long count = run(assistant, gateway, connector, learners, seconds, rate, latency, duplicates);
    return String.format(
        Locale.ROOT,
        "### %s%n%n"
            + "%d interactions in %d s from %d learners on one thread against a local"
            + " embedded Redis (AOF on), deliveries de-duplicated in %s; each learner asks,"
            + " asks for a quiz, answers the card, and a retry of the answer is dropped"
            + " (%d drops).%n%n"
            + "| p50 | p90 | p99 | p99.9 | max | interactions/s |%n|---|---|---|---|---|---|%n"
            + "| %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.3f ms | %.0f |%n%n"
            + "%s",
        title,
        count,
        seconds,
        learners,
        store,
        duplicates[0],
        latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(90) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0,
        latency.getValueAtPercentile(99.9) / 1000.0,
        latency.getMaxValue() / 1000.0,
        count / (double) seconds,
        byKind());
  }

  private static Deliveries deliveries(String kind, RedisConnector connector, Clock clock) {
    if (kind.equals("memory")) {
      return new io.learnloop.dialog.channel.InMemoryDeliveries(clock);
    }
    if (kind.equals("redis")) {
      return new io.learnloop.integrations.redis.RedisDeliveries(connector);
    }
    throw new IllegalArgumentException("unknown deliveries store '" + kind + "'");
  }

  private static long run(
      Assistant assistant,
      RecordingChatGateway gateway,
      RedisConnector connector,
      int learners,
      int seconds,
      int rate,
      Histogram latency,
      long[] duplicates) {
    long begin = System.nanoTime();
    long end = begin + Duration.ofSeconds(seconds).toNanos();
    long count = 0;
    Pace pace = new Pace(begin, rate);
    String run = UUID.randomUUID().toString().substring(0, 8);
    for (long n = 0; System.nanoTime() < end; n++) {
      String prefix = "d-" + run + "-" + n;
      ChannelUser user = new ChannelUser("bench", "W" + run, "U" + (n % learners));
      ConversationRef dm = ConversationRef.direct("bench", user.workspace(), "D" + user.user());
      timed(
          latency,
          "ask",
          pace,
          () ->
              handle(
                  assistant,
                  user,
                  dm,
                  prefix + "-a",
                  new Input.Typed("How many leave days can I carry over?")));
      List<Sent> card =
          timed(
              latency,
              "quiz",
              pace,
              () ->
                  handle(
                      assistant,
                      user,
                      dm,
                      prefix + "-q",
                      new Input.CommandInvoked(io.learnloop.dialog.channel.Command.QUIZ, "")));
      count += 2;
      if (!card.isEmpty() && card.get(0).outgoing().reply() instanceof Reply.QuizQuestion q) {
        Action choice = q.choices().get(0);
        Input click =
            new Input.ActionInvoked(
                choice.id(), choice.value(), Optional.of(card.get(0).message()));
        String delivery = prefix + "-c";
        timed(latency, "answer", pace, () -> handle(assistant, user, dm, delivery, click));
        List<Sent> retry =
            timed(latency, "retry", pace, () -> handle(assistant, user, dm, delivery, click));
        duplicates[0] += retry.isEmpty() ? 1 : 0;
        count += 2;
      }
      // Not an interaction and not in the totals: one bare round trip, the floor each wait for
      // Redis stands on, timed in the same conditions.
      timed(
          new Histogram(3),
          "~ one Redis round trip (GET), for reference",
          Pace.NONE,
          () -> connector.sync().get("learnloop:bench:absent"));
      if (n % 1000 == 0) {
        gateway.clear();
      }
    }
    return count;
  }

  private static List<Sent> handle(
      Assistant assistant, ChannelUser user, ConversationRef dm, String delivery, Input input) {
    return assistant.handle(
        new Interaction(
            delivery, user, dm, Instant.now(), Optional.empty(), ProfileHints.none(), input));
  }

  /** The same latencies by kind of interaction, to see where the time goes. */
  private static final java.util.Map<String, Histogram> BY_KIND = new java.util.TreeMap<>();

  /**
   * CPU time of the calling thread per interaction: the core's own work, without the time it waits
   * for Redis or for the scheduler to run it again.
   */
  private static final java.util.Map<String, Histogram> CPU_BY_KIND = new java.util.TreeMap<>();

  private static final java.lang.management.ThreadMXBean THREADS =
      java.lang.management.ManagementFactory.getThreadMXBean();

  /**
   * When each interaction is planned to start: {@code rate} a second from the beginning, or as soon
   * as the previous one ended when the rate is 0.
   */
  private static final class Pace {
    static final Pace NONE = new Pace(0, 0);

    private final long begin;
    private final long every;
    private long planned;

    Pace(long begin, int rate) {
      this.begin = begin;
      this.every = rate == 0 ? 0 : 1_000_000_000L / rate;
    }

    /** Waits for the next planned start and returns it. */
    long next() {
      if (every == 0) {
        return System.nanoTime();
      }
      long start = begin + every * planned++;
      long wait;
      while ((wait = start - System.nanoTime()) > 0) {
        java.util.concurrent.locks.LockSupport.parkNanos(wait);
      }
      return start;
    }
  }

  private static <T> T timed(Histogram latency, String kind, Pace pace, Supplier<T> work) {
    long start = pace.next();
    long cpuStart = THREADS.getCurrentThreadCpuTime();
    T result = work.get();
    long micros = (System.nanoTime() - start) / 1000;
    long cpuMicros = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1000;
    latency.recordValue(micros);
    BY_KIND.computeIfAbsent(kind, k -> new Histogram(3)).recordValue(micros);
    CPU_BY_KIND.computeIfAbsent(kind, k -> new Histogram(3)).recordValue(Math.max(0, cpuMicros));
    return result;
  }

  private static String byKind() {
    StringBuilder rows =
        new StringBuilder(
            "| interaction | p50 | p99 | CPU p50 | CPU p99 |\n|---|---|---|---|---|\n");
    BY_KIND.forEach(
        (kind, h) -> {
          Histogram cpu = CPU_BY_KIND.get(kind);
          rows.append(
              String.format(
                  Locale.ROOT,
                  "| %s | %.3f ms | %.3f ms | %.3f ms | %.3f ms |%n",
                  kind,
                  h.getValueAtPercentile(50) / 1000.0,
                  h.getValueAtPercentile(99) / 1000.0,
                  cpu.getValueAtPercentile(50) / 1000.0,
                  cpu.getValueAtPercentile(99) / 1000.0));
        });
    return rows.toString();
  }
}
