package io.learnloop.bench;

import com.slack.api.Slack;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.integrations.slack.BlockKitRenderer;
import io.learnloop.integrations.slack.HomeViews;
import io.learnloop.integrations.slack.PrivateAnswers;
import io.learnloop.integrations.slack.SlackApps;
import io.learnloop.integrations.slack.SlackGateway;
import io.learnloop.integrations.slack.SlackWebApi;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A daily fan-out through LearnLoop's Slack gateway: one quiz card to each of N learners' DMs, sent
 * by the gateway the bot uses (Block Kit, {@code SlackWebApi} retries, the SDK's queue per method
 * and channel) from 64 sending threads, against a Web API stub that enforces Slack's {@code
 * chat.postMessage} limit of one message per second per channel and answers 429 with {@code
 * Retry-After: 1}, and that also throttles the first attempt in every twentieth channel, as Slack
 * does in bursts. Counts what each channel received and compares the total time with what the
 * limits allow: the same fan-out against the stub without throttling, plus the one-second wait a
 * throttled message must sit out. Writes docs/BENCHMARKS-SLACK.md.
 *
 * <p>Arguments: [learners, default 1000] [sending threads, default 64, as DailyQuiz.SENDERS].
 */
public final class SlackFanoutBenchmark {

  private SlackFanoutBenchmark() {}

  public static void main(String[] args) throws Exception {
    int learners = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
    int threads = args.length > 1 ? Integer.parseInt(args[1]) : 64;

    Stub unthrottled = Stub.start(false);
    Run free = fanOut(unthrottled, learners, threads, "free");
    Stub throttled = Stub.start(true);
    Run limited = fanOut(throttled, learners, threads, "limited");

    double allowed = free.seconds() + 1.0;
    String report =
        String.format(
            java.util.Locale.ROOT,
            """

            Run: `./bench/run.sh SlackFanoutBenchmark %d %d`.

            | measure | without throttling | per-channel limit + 429 bursts | target |
            |---|---|---|---|
            | learners sent a card | %d | %d | %d |
            | channels that got exactly one card / none / more than one | %d / %d / %d | %d / %d / %d | all exactly one |
            | 429 answers served | %d | %d | |
            | total time, s | %.2f | **%.2f** | |
            | what the limits allow (unthrottled time + one 1 s Retry-After), s | | %.2f | |
            | throttled ÷ allowed | | **%.2f** | ≤ 1.10 |
            """,
            learners,
            threads,
            free.sent(),
            limited.sent(),
            learners,
            unthrottled.exactlyOnce(learners),
            unthrottled.none(learners),
            unthrottled.moreThanOnce(),
            throttled.exactlyOnce(learners),
            throttled.none(learners),
            throttled.moreThanOnce(),
            unthrottled.throttledAnswers.get(),
            throttled.throttledAnswers.get(),
            free.seconds(),
            limited.seconds(),
            allowed,
            limited.seconds() / allowed);
    System.out.print(report);
    Path out = Path.of("docs/BENCHMARKS-SLACK.md");
    MarkdownResults.write(
        out,
        "<!-- results: written by SlackFanoutBenchmark -->",
        "<!-- end of fan-out results -->",
        report);
    System.out.println("Wrote " + out.toAbsolutePath());
    unthrottled.server.stop(0);
    throttled.server.stop(0);
    System.exit(0);
  }

  record Run(int sent, double seconds) {}

  private static Run fanOut(Stub stub, int learners, int threads, String name) throws Exception {
    Slack slack = SlackApps.client(stub.url(), Duration.ofMinutes(5));
    SlackWebApi api =
        new SlackWebApi(
            slack, "xoxb-fanout-" + name, 4, Duration.ofMillis(200), Duration.ofMinutes(5));
    SlackGateway gateway =
        new SlackGateway(
            api, new BlockKitRenderer(Optional.empty()), new PrivateAnswers(), new HomeViews());
    ExecutorService senders = Executors.newFixedThreadPool(threads);
    AtomicInteger sent = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      String channel = String.format("D%08d", i);
      all.add(
          senders.submit(
              () -> {
                gateway.send(
                    ConversationRef.direct("slack", "T0FANOUT01", channel),
                    Outgoing.toEveryone(card(channel)));
                sent.incrementAndGet();
              }));
    }
    for (Future<?> future : all) {
      future.get();
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    senders.shutdown();
    return new Run(sent.get(), seconds);
  }

  private static Reply.QuizQuestion card(String channel) {
    List<Action> choices = new ArrayList<>();
    for (int c = 1; c <= 3; c++) {
      choices.add(Action.of(ActionIds.QUIZ_CHOICE, "q-" + channel + "." + c, "Choice " + c));
    }
    return new Reply.QuizQuestion(
        Language.ENGLISH,
        "q-" + channel,
        "Due for review: a quick check that it has stuck.",
        "How many days of annual leave carry over?",
        choices);
  }

  /** The Web API as far as a fan-out needs it, with Slack's per-channel posting limit. */
  static final class Stub {
    final HttpServer server;
    final boolean throttle;
    final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    final Map<String, AtomicLong> lastPost = new ConcurrentHashMap<>();
    final Map<String, Boolean> burstSeen = new ConcurrentHashMap<>();
    final AtomicInteger throttledAnswers = new AtomicInteger();
    final AtomicLong nextTs = new AtomicLong(1_733_000_000_000_000L);

    private Stub(HttpServer server, boolean throttle) {
      this.server = server;
      this.throttle = throttle;
    }

    static Stub start(boolean throttle) throws IOException {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
      server.setExecutor(Executors.newFixedThreadPool(16));
      Stub stub = new Stub(server, throttle);
      server.createContext("/api/", stub::handle);
      server.start();
      return stub;
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    private void handle(HttpExchange exchange) throws IOException {
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      String method = exchange.getRequestURI().getPath().substring("/api/".length());
      if (method.equals("auth.test")) {
        answer(exchange, 200, "{\"ok\":true,\"team_id\":\"T0FANOUT01\",\"user_id\":\"U0BOT\"}");
        return;
      }
      String channel = param(body, "channel");
      if (throttle && channel != null) {
        long now = System.currentTimeMillis();
        AtomicLong last = lastPost.computeIfAbsent(channel, c -> new AtomicLong(0));
        boolean burst =
            Integer.parseInt(channel.substring(1)) % 20 == 0
                && burstSeen.putIfAbsent(channel, true) == null;
        long previous = last.get();
        if (burst || now - previous < 1000 || !last.compareAndSet(previous, now)) {
          throttledAnswers.incrementAndGet();
          exchange.getResponseHeaders().add("Retry-After", "1");
          answer(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
          return;
        }
      }
      if (channel != null) {
        delivered.computeIfAbsent(channel, c -> new AtomicInteger()).incrementAndGet();
      }
      long ts = nextTs.incrementAndGet();
      answer(
          exchange,
          200,
          "{\"ok\":true,\"channel\":\""
              + channel
              + "\",\"ts\":\""
              + (ts / 1_000_000)
              + "."
              + String.format("%06d", ts % 1_000_000)
              + "\"}");
    }

    int exactlyOnce(int learners) {
      return (int) delivered.values().stream().filter(c -> c.get() == 1).count();
    }

    int none(int learners) {
      return learners - delivered.size();
    }

    int moreThanOnce() {
      return (int) delivered.values().stream().filter(c -> c.get() > 1).count();
    }

    private static String param(String form, String name) {
      for (String pair : form.split("&")) {
        int eq = pair.indexOf('=');
        if (eq > 0 && pair.substring(0, eq).equals(name)) {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        }
      }
      return null;
    }

    private static void answer(HttpExchange exchange, int status, String body) throws IOException {
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
      exchange.sendResponseHeaders(status, bytes.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
