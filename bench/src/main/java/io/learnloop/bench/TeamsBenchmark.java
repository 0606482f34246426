package io.learnloop.bench;

import com.auth0.jwt.JWT;
import com.auth0.jwt.algorithms.Algorithm;
import com.microsoft.bot.connector.authentication.AppCredentials;
import com.microsoft.bot.connector.authentication.Authenticator;
import com.microsoft.bot.connector.authentication.MicrosoftAppCredentials;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.RoleId;
import io.learnloop.dialog.channel.AccessGroups;
import io.learnloop.dialog.channel.Action;
import io.learnloop.dialog.channel.ActionIds;
import io.learnloop.dialog.channel.ChannelUser;
import io.learnloop.dialog.channel.Command;
import io.learnloop.dialog.channel.ConversationRef;
import io.learnloop.dialog.channel.Input;
import io.learnloop.dialog.channel.Interaction;
import io.learnloop.dialog.channel.OrderedWork;
import io.learnloop.dialog.channel.Outgoing;
import io.learnloop.dialog.channel.ProfileHints;
import io.learnloop.dialog.channel.Reply;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.InteractionListener;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.dialog.conversation.Quizzing;
import io.learnloop.dialog.conversation.Sent;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.AnswerRecorder;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.AnswerQuestion;
import io.learnloop.dialog.quiz.AskNextQuestion;
import io.learnloop.dialog.quiz.FallbackOpenQuestions;
import io.learnloop.dialog.quiz.JustInTimePractice;
import io.learnloop.dialog.quiz.ShowProgress;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.quiz.TeamRounds;
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.integrations.content.HandbookTitles;
import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisConversationReferences;
import io.learnloop.integrations.redis.RedisDeliveries;
import io.learnloop.integrations.redis.RedisLearners;
import io.learnloop.integrations.redis.RedisOpenQuestions;
import io.learnloop.integrations.redis.RedisRounds;
import io.learnloop.integrations.teams.AdaptiveCardRenderer;
import io.learnloop.integrations.teams.BotConnector;
import io.learnloop.integrations.teams.TeamsAdapters;
import io.learnloop.integrations.teams.TeamsAddress;
import io.learnloop.integrations.teams.TeamsEndpoint;
import io.learnloop.integrations.teams.TeamsGateway;
import io.learnloop.integrations.teams.TeamsInbound;
import io.learnloop.integrations.teams.TeamsTurns;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;
import org.apache.catalina.Context;
import org.apache.catalina.startup.Tomcat;

/**
 * The Teams adapter's two targets, measured in one run and written to docs/BENCHMARKS-TEAMS.md.
 *
 * <p><b>Invoke:</b> LearnLoop's Teams endpoint (the Bot Framework adapter with JWT validation on,
 * signing keys fetched once from a local OpenID metadata stub and cached, the inbound bot, the real
 * core with the sample quiz bank on an embedded Redis, the Adaptive Card gateway) is served by
 * Tomcat in this JVM. Each learner first gets a quiz card through the gateway; then {@code
 * Action.Execute} presses on those cards, each with a signed Bot Connector token, arrive at a fixed
 * rate (open loop: latency from each request's planned send time) and are answered with the
 * refreshed card.
 *
 * <p><b>Fan-out:</b> a quiz card to each of N learners' 1:1 chats through the gateway, against a
 * stub Bot Connector that enforces a tenant limit of 50 posts a second and answers 429 with {@code
 * Retry-After: 1} past it, and to every 20th conversation once regardless.
 *
 * <p>Arguments: [invokes per second, default 100] [seconds, default 20] [fan-out learners, default
 * 1000] [fan-out sender threads, default 16].
 */
public final class TeamsBenchmark {

  private static final String APP_ID = "5f3c8a1e-2b47-4d9a-9c61-7e0f2a4b8d13";
  private static final String TENANT = "72f988bf-86f1-41af-91ab-2d7cd011db47";
  private static final String KEY_ID = "bench-key";

  private TeamsBenchmark() {}

  public static void main(String[] args) throws Exception {
    int rate = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int learners = args.length > 2 ? Integer.parseInt(args[2]) : 1000;
    int threads = args.length > 3 ? Integer.parseInt(args[3]) : 16;
    KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
    generator.initialize(2048);
    KeyPair keys = generator.generateKeyPair();

    Connector connector = Connector.start(keys, false);
    String loadBefore = MarkdownResults.command("uptime");
    Invokes invokes = invokes(connector, keys, rate, seconds);
    Connector throttled = Connector.start(keys, true);
    FanOut fanOut = fanOut(throttled, learners, threads);
    String loadAfter = MarkdownResults.command("uptime");
    double allowed = learners / (double) Connector.TENANT_PER_SECOND;
    Histogram latency = invokes.latency;
    String report =
        String.format(
            Locale.ROOT,
            """

            Run: `./bench/run.sh TeamsBenchmark %d %d %d %d` on %s cores (`nproc`).

            | measure | result | target |
            |---|---|---|
            | `Action.Execute` answered with its refreshed card at %d signed invokes/s for %d s: p50 / p90 / p99 / max ms | %.1f / %.1f / **%.1f** / %.1f | p99 ≤ 100 ms |
            | invokes sent / answered with a card / other answers / errors | %d / %d / %d / %d | all with a card |
            | answers recorded by the core for those invokes | %d | one per invoke |
            | calls to the Bot Connector while answering them (the card is refreshed in the response) | %d | 0 |
            | fan-out: learners sent a card | %d of %d | all |
            | fan-out: conversations with exactly one card / none / more than one | %d / %d / %d | all exactly one |
            | fan-out: 429 answers served (tenant limit 50/s, every 20th conversation once) | %d | |
            | fan-out: total time, s | **%.1f** | |
            | fan-out: what the tenant limit allows (learners ÷ 50/s), s | %.1f | |
            | fan-out: time ÷ allowed | **%.2f** | |

            Load before: `%s`; after: `%s`. Keys are fetched from the OpenID metadata once and
            cached by the SDK, as in production; each press carries a token the JWT check verifies.
            """,
            rate,
            seconds,
            learners,
            threads,
            MarkdownResults.command("nproc").strip(),
            rate,
            seconds,
            latency.getValueAtPercentile(50) / 1000.0,
            latency.getValueAtPercentile(90) / 1000.0,
            latency.getValueAtPercentile(99) / 1000.0,
            latency.getMaxValue() / 1000.0,
            invokes.sent,
            invokes.cards,
            invokes.other,
            invokes.errors,
            invokes.recorded,
            invokes.connectorCalls,
            fanOut.sent,
            learners,
            throttled.exactlyOnce(),
            learners - throttled.delivered.size(),
            throttled.moreThanOnce(),
            throttled.throttledAnswers.get(),
            fanOut.seconds,
            allowed,
            fanOut.seconds / allowed,
            loadBefore.strip(),
            loadAfter.strip());
    System.out.print(report);
    Path out = Path.of("docs/BENCHMARKS-TEAMS.md");
    MarkdownResults.write(
        out, "<!-- results: written by TeamsBenchmark -->", "<!-- end of results -->", report);
    System.out.println("Wrote " + out.toAbsolutePath());
    System.exit(0);
  }

  record Invokes(
      Histogram latency,
      long sent,
      long cards,
      long other,
      long errors,
      long recorded,
      long connectorCalls) {}

  record FanOut(int sent, double seconds) {}

  private static Invokes invokes(Connector connector, KeyPair keys, int rate, int seconds)
      throws Exception {
    Catalog catalog = new ContentFolder(Path.of("content")).load();
    Path dir = Files.createTempDirectory("learnloop-bench-teams");
    EmbeddedRedis redis = EmbeddedRedis.start(dir);
    RedisConnector store = new RedisConnector(redis.url(), Duration.ofSeconds(5));
    Clock clock = Clock.systemUTC();
    RedisAnswerLog answers = new RedisAnswerLog(store, Spacing.defaults());
    RedisLearners people = new RedisLearners(store);
    FallbackOpenQuestions open = new FallbackOpenQuestions(new RedisOpenQuestions(store));
    RoleId role = catalog.roles().iterator().next().id();
    Snapshots snapshots = new Snapshots(catalog, answers, people, Spacing.defaults());
    HandbookTitles titles = new HandbookTitles(Path.of("content/handbook"));
    AskNextQuestion ask =
        new AskNextQuestion(catalog, snapshots, answers, open, role, clock, titles);
    AnswerRecorder recorder = new AnswerRecorder(answers, Duration.ofSeconds(1));
    TeamsTurns turns = new TeamsTurns();
    BotConnector botConnector =
        new BotConnector(fixedToken(), 5, Duration.ofMillis(200), Duration.ofMinutes(1));
    TeamsGateway gateway =
        new TeamsGateway(
            botConnector,
            new AdaptiveCardRenderer(Optional.empty(), key -> Optional.empty()),
            turns);
    KnowledgeBase none = (question, groups, language) -> Optional.empty();
    Assistant assistant =
        new Assistant(
            List.of(gateway),
            new RedisDeliveries(store),
            new Enrollment(people, role, ZoneId.of("Asia/Jakarta")),
            new RedisConversationReferences(store),
            AccessGroups.publicOnly(),
            none,
            Optional.of(
                new Quizzing(
                    ask,
                    new AnswerQuestion(catalog, snapshots, recorder, answers, open, clock, titles),
                    new JustInTimePractice(catalog, people, clock),
                    new ShowProgress(catalog, snapshots, answers, ask, clock),
                    new TeamRounds(
                        catalog, new RedisRounds(store), recorder, answers, titles, clock))),
            InteractionListener.NONE,
            clock);
    TeamsInbound inbound =
        new TeamsInbound(
            assistant,
            gateway,
            turns,
            botConnector,
            new OrderedWork("teams-work", 8, 1000),
            new OrderedWork("teams-presses", 8, 1000),
            clock,
            "local",
            false,
            Duration.ofSeconds(7),
            io.learnloop.integrations.teams.TeamsDirectory.NONE,
            Duration.ZERO);
    TeamsEndpoint endpoint =
        new TeamsEndpoint(
            TeamsAdapters.adapter(
                APP_ID, "secret", fixedToken(), Optional.of(connector.url() + "/openid")),
            inbound,
            false,
            Duration.ofSeconds(10));

    Tomcat tomcat = new Tomcat();
    Path base = Files.createTempDirectory("teams-bench");
    tomcat.setBaseDir(base.toString());
    tomcat.setPort(0);
    tomcat.getConnector().setProperty("maxThreads", "64");
    Context context = tomcat.addContext("", base.toString());
    Tomcat.addServlet(
        context,
        "messages",
        new HttpServlet() {
          @Override
          protected void doPost(HttpServletRequest request, HttpServletResponse response)
              throws IOException {
            String body =
                new String(request.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            TeamsEndpoint.Answer answer =
                endpoint.handle(request.getHeader("Authorization"), body, true);
            response.setStatus(answer.status());
            response.setContentType("application/json");
            response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
          }
        });
    context.addServletMappingDecoded("/api/messages", "messages");
    tomcat.start();
    URI uri =
        URI.create("http://127.0.0.1:" + tomcat.getConnector().getLocalPort() + "/api/messages");
    String token =
        JWT.create()
            .withKeyId(KEY_ID)
            .withIssuer("https://api.botframework.com")
            .withAudience(APP_ID)
            .withClaim("serviceurl", connector.serviceUrl())
            .withExpiresAt(Date.from(Instant.now().plusSeconds(3600)))
            .sign(
                Algorithm.RSA256(
                    (RSAPublicKey) keys.getPublic(), (RSAPrivateKey) keys.getPrivate()));

    // Every press is on its own learner's card, sent through the gateway as the bot sends them.
    int presses = rate * seconds;
    int warmup = Math.min(500, presses);
    List<String> activities = new ArrayList<>();
    List<String> learnerIds = new ArrayList<>();
    TeamsAddress address = new TeamsAddress(connector.serviceUrl(), TENANT, "28:" + APP_ID);
    for (int i = 0; i < presses + warmup; i++) {
      String user = "29:1bench" + i;
      String conversation = "a:1bench" + i;
      ConversationRef dm =
          new ConversationRef(
              "teams",
              TENANT,
              conversation,
              Optional.empty(),
              ConversationRef.Visibility.PRIVATE,
              address.json());
      List<Sent> sent =
          assistant.handle(
              new Interaction(
                  "setup-" + i,
                  new ChannelUser("teams", TENANT, user),
                  dm,
                  clock.instant(),
                  Optional.of(Locale.ENGLISH),
                  ProfileHints.none(),
                  new Input.CommandInvoked(Command.QUIZ, "")));
      Sent card =
          sent.stream()
              .filter(s -> s.outgoing().reply() instanceof Reply.QuizQuestion)
              .findFirst()
              .orElseThrow(
                  () -> new IllegalStateException("no quiz card for " + user + ": " + sent));
      Action choice = ((Reply.QuizQuestion) card.outgoing().reply()).choices().get(0);
      activities.add(
          press(i, user, conversation, card.message().messageId(), choice, connector.serviceUrl()));
      learnerIds.add(user);
    }
    HttpClient http = HttpClient.newBuilder().executor(Executors.newFixedThreadPool(16)).build();
    openLoop(http, uri, token, activities.subList(presses, presses + warmup), rate);
    long callsBefore = connector.calls.get();
    Invokes measured = openLoop(http, uri, token, activities.subList(0, presses), rate);
    long connectorCalls = connector.calls.get() - callsBefore;
    long recorded = 0;
    for (int i = 0; i < presses; i++) {
      recorded +=
          people
              .findByIdentity("teams", TENANT + ":" + learnerIds.get(i))
              .map(l -> answers.answers(l.id()).size())
              .orElse(0);
    }
    tomcat.stop();
    recorder.close();
    return new Invokes(
        measured.latency,
        measured.sent,
        measured.cards,
        measured.other,
        measured.errors,
        recorded,
        connectorCalls);
  }

  private static String press(
      int i, String user, String conversation, String card, Action choice, String serviceUrl) {
    return ("{\"type\":\"invoke\",\"name\":\"adaptiveCard/action\",\"id\":\"f:press%d\","
            + "\"timestamp\":\"2026-12-02T03:00:00.123Z\",\"serviceUrl\":\"%s\",\"channelId\":\"msteams\","
            + "\"from\":{\"id\":\"%s\",\"name\":\"Bench\"},\"conversation\":{\"conversationType\":\"personal\","
            + "\"tenantId\":\"%s\",\"id\":\"%s\"},\"recipient\":{\"id\":\"28:%s\",\"name\":\"LearnLoop\",\"role\":\"bot\"},"
            + "\"locale\":\"en-US\",\"replyToId\":\"%s\",\"value\":{\"action\":{\"type\":\"Action.Execute\","
            + "\"verb\":\"%s\",\"data\":{\"action\":\"%s\",\"choice\":\"%s\"}},\"trigger\":\"manual\"}}")
        .formatted(
            i,
            serviceUrl,
            user,
            TENANT,
            conversation,
            APP_ID,
            card,
            choice.id(),
            choice.id(),
            choice.value());
  }

  private static Invokes openLoop(
      HttpClient http, URI uri, String token, List<String> bodies, int rate)
      throws InterruptedException {
    Histogram latency = new ConcurrentHistogram(TimeUnit.SECONDS.toMicros(60), 3);
    AtomicLong cards = new AtomicLong();
    AtomicLong other = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    long interval = TimeUnit.SECONDS.toNanos(1) / rate;
    long start = System.nanoTime();
    CompletableFuture<?>[] all = new CompletableFuture<?>[bodies.size()];
    for (int i = 0; i < bodies.size(); i++) {
      long planned = start + i * interval;
      long wait = planned - System.nanoTime();
      if (wait > 0) {
        TimeUnit.NANOSECONDS.sleep(wait);
      }
      HttpRequest request =
          HttpRequest.newBuilder(uri)
              .header("Content-Type", "application/json")
              .header("Authorization", "Bearer " + token)
              .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i)))
              .build();
      all[i] =
          http.sendAsync(request, HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (response, failure) -> {
                    latency.recordValue((System.nanoTime() - planned) / 1000);
                    if (failure != null) {
                      errors.incrementAndGet();
                    } else if (response.statusCode() == 200
                        && response.body().contains("application/vnd.microsoft.card.adaptive")) {
                      cards.incrementAndGet();
                    } else {
                      other.incrementAndGet();
                    }
                  });
    }
    CompletableFuture.allOf(all).exceptionally(e -> null).join();
    return new Invokes(latency, bodies.size(), cards.get(), other.get(), errors.get(), 0, 0);
  }

  private static FanOut fanOut(Connector stub, int learners, int threads) throws Exception {
    TeamsGateway gateway =
        new TeamsGateway(
            new BotConnector(fixedToken(), 5, Duration.ofMillis(200), Duration.ofMinutes(5)),
            new AdaptiveCardRenderer(Optional.empty(), key -> Optional.empty()),
            new TeamsTurns());
    TeamsAddress address = new TeamsAddress(stub.serviceUrl(), TENANT, "28:" + APP_ID);
    ExecutorService senders = Executors.newFixedThreadPool(threads);
    AtomicInteger sent = new AtomicInteger();
    long start = System.nanoTime();
    List<Future<?>> all = new ArrayList<>();
    for (int i = 0; i < learners; i++) {
      String conversation = String.format("a:1fanout%06d", i);
      all.add(
          senders.submit(
              () -> {
                gateway.send(
                    new ConversationRef(
                        "teams",
                        TENANT,
                        conversation,
                        Optional.empty(),
                        ConversationRef.Visibility.PRIVATE,
                        address.json()),
                    Outgoing.toEveryone(card(conversation)));
                sent.incrementAndGet();
              }));
    }
    for (Future<?> future : all) {
      try {
        future.get();
      } catch (java.util.concurrent.ExecutionException e) {
        System.err.println("A card was not delivered: " + e.getCause());
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    senders.shutdown();
    return new FanOut(sent.get(), seconds);
  }

  private static Reply.QuizQuestion card(String conversation) {
    List<Action> choices = new ArrayList<>();
    for (int c = 1; c <= 3; c++) {
      choices.add(
          Action.of(ActionIds.QUIZ_CHOICE, "q" + conversation.hashCode() + "." + c, "Choice " + c));
    }
    return new Reply.QuizQuestion(
        Language.ENGLISH,
        "q" + conversation.hashCode(),
        "Due for review: a quick check that it has stuck.",
        "How many days of annual leave carry over?",
        choices);
  }

  private static AppCredentials fixedToken() {
    AppCredentials credentials =
        new MicrosoftAppCredentials(APP_ID, "secret", TENANT) {
          @Override
          public CompletableFuture<String> getToken() {
            return CompletableFuture.completedFuture("bench-outbound-token");
          }

          @Override
          protected Authenticator buildAuthenticator() {
            throw new UnsupportedOperationException("a fixed token");
          }
        };
    return credentials;
  }

  /** The Bot Connector and the Bot Framework's OpenID metadata, as far as the benchmark needs. */
  static final class Connector {
    static final int TENANT_PER_SECOND = 50;

    final HttpServer server;
    final boolean throttle;
    final String jwks;
    final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
    final Map<String, Boolean> burstSeen = new ConcurrentHashMap<>();
    final AtomicInteger throttledAnswers = new AtomicInteger();
    final AtomicLong ids = new AtomicLong();
    final AtomicLong calls = new AtomicLong();
    private long second;
    private int inSecond;

    private Connector(HttpServer server, boolean throttle, String jwks) {
      this.server = server;
      this.throttle = throttle;
      this.jwks = jwks;
    }

    static Connector start(KeyPair keys, boolean throttle) throws IOException {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 500);
      server.setExecutor(Executors.newFixedThreadPool(16));
      RSAPublicKey key = (RSAPublicKey) keys.getPublic();
      String jwks =
          "{\"keys\":[{\"kty\":\"RSA\",\"use\":\"sig\",\"kid\":\""
              + KEY_ID
              + "\",\"n\":\""
              + base64Url(key.getModulus().toByteArray())
              + "\",\"e\":\""
              + base64Url(key.getPublicExponent().toByteArray())
              + "\",\"endorsements\":[\"msteams\"]}]}";
      Connector stub = new Connector(server, throttle, jwks);
      server.createContext("/", stub::handle);
      server.start();
      return stub;
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String serviceUrl() {
      return url() + "/teams/";
    }

    private void handle(HttpExchange exchange) throws IOException {
      String path = exchange.getRequestURI().getPath();
      exchange.getRequestBody().readAllBytes();
      if (path.equals("/openid")) {
        answer(
            exchange,
            200,
            "{\"issuer\":\"https://api.botframework.com\",\"jwks_uri\":\"" + url() + "/keys\"}");
        return;
      }
      if (path.equals("/keys")) {
        answer(exchange, 200, jwks);
        return;
      }
      String conversation = path.replaceAll("^/teams/v3/conversations/([^/]+).*$", "$1");
      calls.incrementAndGet();
      boolean update = exchange.getRequestMethod().equals("PUT");
      if (throttle && !update && (burst(conversation) || overTenantLimit())) {
        throttledAnswers.incrementAndGet();
        exchange.getResponseHeaders().add("Retry-After", "1");
        answer(
            exchange,
            429,
            "{\"error\":{\"code\":\"Throttled\",\"message\":\"Too many requests\"}}");
        return;
      }
      if (!update) {
        delivered.computeIfAbsent(conversation, c -> new AtomicInteger()).incrementAndGet();
      }
      answer(exchange, update ? 200 : 201, "{\"id\":\"1:" + ids.incrementAndGet() + "\"}");
    }

    private boolean burst(String conversation) {
      return Math.floorMod(conversation.hashCode(), 20) == 0
          && burstSeen.putIfAbsent(conversation, true) == null;
    }

    private synchronized boolean overTenantLimit() {
      long now = System.currentTimeMillis() / 1000;
      if (now != second) {
        second = now;
        inSecond = 0;
      }
      return ++inSecond > TENANT_PER_SECOND;
    }

    int exactlyOnce() {
      return (int) delivered.values().stream().filter(c -> c.get() == 1).count();
    }

    int moreThanOnce() {
      return (int) delivered.values().stream().filter(c -> c.get() > 1).count();
    }

    private static String base64Url(byte[] bigEndian) {
      int start = bigEndian.length > 1 && bigEndian[0] == 0 ? 1 : 0;
      return Base64.getUrlEncoder()
          .withoutPadding()
          .encodeToString(java.util.Arrays.copyOfRange(bigEndian, start, bigEndian.length));
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
