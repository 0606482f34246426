package io.learnloop.bench;

import com.slack.api.Slack;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;
import com.sun.net.httpserver.HttpServer;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.ChatGateway;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.InMemoryConversationReferences;
import io.learnloop.dialog.channel.InMemoryDeliveries;
import io.learnloop.dialog.channel.MessageRef;
import io.learnloop.dialog.channel.OrderedWork;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.InteractionListener;
import io.learnloop.dialog.conversation.KnowledgeAnswer;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.integrations.slack.HomeViews;
import io.learnloop.integrations.slack.PrivateAnswers;
import io.learnloop.integrations.slack.SigningSecretVerification;
import io.learnloop.integrations.slack.SlackApps;
import io.learnloop.integrations.slack.SlackEventsServlet;
import io.learnloop.integrations.slack.SlackInbound;
import io.learnloop.integrations.slack.SlackWebApi;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * How fast {@code /slack/events} acknowledges. LearnLoop's Slack app (its middleware, signature
 * check, handlers and bounded work queue, exactly as the bot builds them, the answer path stubbed
 * to take 2 s) and a bare Bolt app whose handler only acknowledges are served by Tomcat in this
 * JVM; signed direct-message events are sent to each. Measures the acknowledgement latency at a
 * fixed offered rate (open loop, latency from each request's planned send time, so a stall is
 * counted in full) and the saturated throughput of each with a fixed number of connections (closed
 * loop), and writes docs/BENCHMARKS-SLACK.md.
 *
 * <p>Arguments: [rate per second, default 500] [seconds at that rate, default 20] [saturation
 * seconds per app, default 10] [connections, default 16].
 */
public final class SlackAckBenchmark {

  private static final String SECRET = "8f742231b10e8888abcd99yyyzzz85a5";
  private static final String TOKEN = "xoxb-bench";
  private static final String TEAM = "T0BENCH001";

  private SlackAckBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int saturationSeconds = args.length > 2 ? Integer.parseInt(args[2]) : 10;
    int connections = args.length > 3 ? Integer.parseInt(args[3]) : 16;

    HttpServer webApi = stubWebApi();
    String apiUrl = "http://127.0.0.1:" + webApi.getAddress().getPort() + "/api/";
    Slack slack = SlackApps.client(apiUrl, Duration.ofMinutes(1));
    OrderedWork work = SlackApps.work(8, 1000);
    SlackInbound inbound = learnLoopInbound(slack, work);
    App ours = SlackApps.app(slack, TOKEN, SECRET, Clock.systemUTC());
    inbound.registerOn(ours);
    ours.start();
    App bare =
        new App(
            AppConfig.builder()
                .slack(slack)
                .singleTeamBotToken(TOKEN)
                .signingSecret(SECRET)
                .build());
    bare.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
    bare.start();

    Tomcat tomcat = new Tomcat();
    Path base = Files.createTempDirectory("slack-bench");
    tomcat.setBaseDir(base.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("maxThreads", "64");
    Context context = tomcat.addContext("", base.toString());
    add(tomcat, context, "ours", new SlackEventsServlet(ours), "/ours");
    add(tomcat, context, "bare", new SlackAppServlet(bare), "/bare");
    tomcat.start();
    int port = tomcat.getConnector().getLocalPort();
    HttpClient http =
        HttpClient.newBuilder().executor(Executors.newFixedThreadPool(connections)).build();
    URI oursUri = URI.create("http://127.0.0.1:" + port + "/ours");
    URI bareUri = URI.create("http://127.0.0.1:" + port + "/bare");
    SigningSecretVerification signer = new SigningSecretVerification(SECRET, Clock.systemUTC());

    // Warm both up: JIT, connection pools, auth.test cached.
    closedLoop(http, oursUri, signer, connections, Duration.ofSeconds(5));
    closedLoop(http, bareUri, signer, connections, Duration.ofSeconds(5));

    String loadBefore = MarkdownResults.command("uptime");
    // In the order ours, bare, bare, ours: what the machine does over the run (JIT, GC, other
    // processes) weighs on both sides alike.
    Duration half = Duration.ofSeconds(Math.max(1, seconds / 2));
    OpenLoop oursFirst = openLoop(http, oursUri, signer, rate, half);
    OpenLoop bareFirst = openLoop(http, bareUri, signer, rate, half);
    OpenLoop bareSecond = openLoop(http, bareUri, signer, rate, half);
    OpenLoop oursSecond = openLoop(http, oursUri, signer, rate, half);
    OpenLoop offered = oursFirst.plus(oursSecond);
    OpenLoop offeredBare = bareFirst.plus(bareSecond);
    double oursPerSecond =
        closedLoop(http, oursUri, signer, connections, Duration.ofSeconds(saturationSeconds));
    double barePerSecond =
        closedLoop(http, bareUri, signer, connections, Duration.ofSeconds(saturationSeconds));
    String loadAfter = MarkdownResults.command("uptime");

    Histogram latency = offered.latency();
    double p99 = latency.getValueAtPercentile(99) / 1000.0;
    double ratio = oursPerSecond / barePerSecond;
    String report =
        String.format(
            java.util.Locale.ROOT,
            """

            Run: `./bench/run.sh SlackAckBenchmark %d %d %d %d` on %s cores (`nproc`).

            | measure | LearnLoop | bare Bolt | target |
            |---|---|---|---|
            | acknowledgement at %d signed events/s for %d s, in two halves (answer path 2 s): p50 / p99 / max ms | %.2f / **%.2f** / %.2f | %.2f / %.2f / %.2f | p99 ≤ 25 ms |
            | requests sent / acknowledged 200 / other status / errors | %d / %d / %d / %d | %d / %d / %d / %d | all 200 |
            | saturated acknowledgements per second, %d connections, %d s | %.0f | %.0f | |
            | LearnLoop ÷ bare Bolt | **%.2f** | | ≥ 0.25 |
            | p99 of each half, in the order run (ours, bare, bare, ours), ms | %.2f, %.2f | %.2f, %.2f | |
            | interactions dropped by the full work queue (8 workers, 1,000 waiting) | %d | | |

            Load before: `%s`; after: `%s`.
            The answer path is a knowledge base that sleeps 2 s, so the work queue is full within a
            few seconds at this rate and the rest is dropped (counted, logged once per thousand):
            what is measured is that the acknowledgement never waits for it.
            """,
            rate,
            seconds,
            saturationSeconds,
            connections,
            MarkdownResults.command("nproc"),
            rate,
            seconds,
            latency.getValueAtPercentile(50) / 1000.0,
            p99,
            latency.getMaxValue() / 1000.0,
            offeredBare.latency().getValueAtPercentile(50) / 1000.0,
            offeredBare.latency().getValueAtPercentile(99) / 1000.0,
            offeredBare.latency().getMaxValue() / 1000.0,
            offered.sent(),
            offered.ok(),
            offered.otherStatus(),
            offered.errors(),
            offeredBare.sent(),
            offeredBare.ok(),
            offeredBare.otherStatus(),
            offeredBare.errors(),
            connections,
            saturationSeconds,
            oursPerSecond,
            barePerSecond,
            ratio,
            oursFirst.latency().getValueAtPercentile(99) / 1000.0,
            oursSecond.latency().getValueAtPercentile(99) / 1000.0,
            bareFirst.latency().getValueAtPercentile(99) / 1000.0,
            bareSecond.latency().getValueAtPercentile(99) / 1000.0,
            inbound.dropped(),
            loadBefore.strip(),
            loadAfter.strip());
    System.out.print(report);
    Path out = Path.of("docs/BENCHMARKS-SLACK.md");
    MarkdownResults.write(
        out,
        "<!-- results: written by SlackAckBenchmark -->",
        "<!-- end of ack results -->",
        report);
    System.out.println("Wrote " + out.toAbsolutePath());
    tomcat.stop();
    work.close();
    webApi.stop(0);
    System.exit(0);
  }

  private static void add(
      Tomcat tomcat, Context context, String name, HttpServlet servlet, String path) {
    Tomcat.addServlet(context, name, servlet);
    context.addServletMappingDecoded(path, name);
  }

  private static SlackInbound learnLoopInbound(Slack slack, OrderedWork work) {
    SlackWebApi api =
        new SlackWebApi(slack, TOKEN, 4, Duration.ofMillis(200), Duration.ofMinutes(1));
    ChatGateway gateway =
        new ChatGateway() {
          @Override
          public String channel() {
            return "slack";
          }

          @Override
          public MessageRef send(ConversationRef where, Outgoing message) {
            return new MessageRef(where, "1733000000.000001");
          }

          @Override
          public ConversationRef openDirect(ChannelUser user) {
            return ConversationRef.direct("slack", user.workspace(), "D" + user.user());
          }
        };
    KnowledgeBase slowAnswers =
        (question, groups, language) -> {
          try {
            Thread.sleep(2000);
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
          }
          return Optional.of(new KnowledgeAnswer("An answer.", false, List.of()));
        };
    Assistant assistant =
        new Assistant(
            List.of(gateway),
            new InMemoryDeliveries(Clock.systemUTC()),
            new Enrollment(new InMemoryLearners(), new RoleId("employee"), ZoneOffset.UTC),
            new InMemoryConversationReferences(),
            (user, email) -> Set.of(),
            slowAnswers,
            Optional.empty(),
            InteractionListener.NONE,
            Clock.systemUTC());
    return new SlackInbound(
        assistant,
        gateway,
        new PrivateAnswers(),
        new HomeViews(),
        api,
        SlackApps.profiles(slack, TOKEN),
        work,
        Clock.systemUTC());
  }

  /** What an open-loop run saw. */
  record OpenLoop(Histogram latency, long sent, long ok, long otherStatus, long errors) {

    OpenLoop plus(OpenLoop other) {
      Histogram both = latency.copy();
      both.add(other.latency);
      return new OpenLoop(
          both,
          sent + other.sent,
          ok + other.ok,
          otherStatus + other.otherStatus,
          errors + other.errors);
    }
  }

  private static OpenLoop openLoop(
      HttpClient http, URI uri, SigningSecretVerification signer, int rate, Duration length)
      throws InterruptedException {
    Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLong ok = new AtomicLong();
    AtomicLong other = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long total = rate * length.toSeconds();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    CompletableFuture<?>[] all = new CompletableFuture<?>[(int) total];
    for (long i = 0; i < total; i++) {
      long planned = start + i * interval;
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      all[(int) i] =
          http.sendAsync(request(uri, signer), HttpResponse.BodyHandlers.discarding())
              .whenComplete(
                  (response, failure) -> {
                    latency.recordValue((System.nanoTime() - planned) / 1000);
                    if (failure != null) {
                      errors.incrementAndGet();
                    } else if (response.statusCode() == 200) {
                      ok.incrementAndGet();
                    } else {
                      other.incrementAndGet();
                    }
                  });
    }
    CompletableFuture.allOf(all).exceptionally(e -> null).join();
    return new OpenLoop(latency, total, ok.get(), other.get(), errors.get());
  }

  private static double closedLoop(
      HttpClient http, URI uri, SigningSecretVerification signer, int connections, Duration length)
      throws InterruptedException {
    AtomicLong done = new AtomicLong();
    long end = System.nanoTime() + length.toNanos();
    Thread[] clients = new Thread[connections];
    for (int c = 0; c < connections; c++) {
      clients[c] =
          new Thread(
              () -> {
                while (System.nanoTime() < end) {
                  try {
                    HttpResponse<Void> response =
                        http.send(request(uri, signer), HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() == 200) {
                      done.incrementAndGet();
                    }
                  } catch (IOException e) {
                    // counted as not done
                  } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                  }
                }
              });
      clients[c].start();
    }
    for (Thread client : clients) {
      client.join();
    }
    return done.get() / (double) length.toSeconds();
  }

  private static HttpRequest request(URI uri, SigningSecretVerification signer) {
    String id = UUID.randomUUID().toString().replace("-", "");
    String user = "U" + id.substring(0, 9).toUpperCase();
    long now = System.currentTimeMillis() / 1000;
    String body =
        "{\"token\":\"x\",\"team_id\":\""
            + TEAM
            + "\",\"api_app_id\":\"A0BENCH001\",\"event\":{\"type\":\"message\",\"text\":\"How many"
            + " leave days can I carry over?\",\"user\":\""
            + user
            + "\",\"ts\":\""
            + now
            + ".000100\",\"team\":\""
            + TEAM
            + "\",\"channel\":\"D"
            + user
            + "\",\"event_ts\":\""
            + now
            + ".000100\",\"channel_type\":\"im\"},\"type\":\"event_callback\",\"event_id\":\"Ev"
            + id
            + "\",\"event_time\":"
            + now
            + "}";
    String ts = Long.toString(now);
    return HttpRequest.newBuilder(uri)
        .header("Content-Type", "application/json")
        .header("X-Slack-Request-Timestamp", ts)
        .header("X-Slack-Signature", signer.sign(ts, body))
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
  }

  /** The Web API methods the apps call, answered at once as Slack documents them. */
  private static HttpServer stubWebApi() throws IOException {
    HttpServer server =
        HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 200);
    server.setExecutor(Executors.newFixedThreadPool(8));
    server.createContext(
        "/api/",
        exchange -> {
          exchange.getRequestBody().readAllBytes();
          String method = exchange.getRequestURI().getPath().substring("/api/".length());
          String body =
              switch (method) {
                case "auth.test" ->
                    "{\"ok\":true,\"team_id\":\""
                        + TEAM
                        + "\",\"user_id\":\"U0BOT0001\",\"bot_id\":\"B0BOT0001\",\"team\":\"Bench\"}";
                case "bots.info" ->
                    "{\"ok\":true,\"bot\":{\"id\":\"B0BOT0001\",\"user_id\":\"U0BOT0001\"}}";
                case "users.info" ->
                    "{\"ok\":true,\"user\":{\"id\":\"U1\",\"tz\":\"Asia/Jakarta\",\"locale\":\"en-US\"}}";
                default -> "{\"ok\":true,\"ts\":\"1733000000.000001\"}";
              };
          byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
          exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
          exchange.sendResponseHeaders(200, bytes.length);
          try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
          }
        });
    server.start();
    return server;
  }
}
