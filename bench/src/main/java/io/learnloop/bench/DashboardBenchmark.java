package io.learnloop.bench;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.dashboard.ContentGap;
import io.learnloop.dialog.dashboard.DashboardAccess;
import io.learnloop.dialog.dashboard.TeamDashboards;
import io.learnloop.dialog.dashboard.TeamPage;
import io.learnloop.dialog.dashboard.Viewer;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisContentGaps;
import io.learnloop.integrations.redis.RedisLearners;
import io.learnloop.integrations.redis.RedisRoster;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.HdrHistogram.Histogram;

/**
 * The dashboard's team page for one large team, as the controller builds it: the roster read and
 * filtered ({@link DashboardAccess}), then {@link TeamDashboards#team} on an embedded Redis. By
 * default 500 people with a year of daily quizzes. Between two measured views a few members answer
 * a question, as in a team at work, so each view recomputes those members from their whole history.
 * Writes docs/BENCHMARKS-DASHBOARD.md.
 *
 * <p>Arguments: [team size, default 500] [weeks of answers, default 52] [views, default 200]
 * [members answering between two views, default 5].
 */
public final class DashboardBenchmark {

  private static final Instant NOW = Instant.parse("2026-11-30T05:00:00Z");
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final String TEAM = "sales-jakarta";
  private static final String BEGIN = "<!-- DashboardBenchmark results: begin -->";
  private static final String END = "<!-- DashboardBenchmark results: end -->";
  private static final int WARM_UP_VIEWS = 10;

  private DashboardBenchmark() {}

  public static void main(String[] args) throws Exception {
    int size = args.length > 0 ? Integer.parseInt(args[0]) : 500;
    int weeks = args.length > 1 ? Integer.parseInt(args[1]) : 52;
    int views = args.length > 2 ? Integer.parseInt(args[2]) : 200;
    int answering = args.length > 3 ? Integer.parseInt(args[3]) : 5;
    Catalog catalog = new ContentFolder(Path.of("content")).load();
    Random random = new Random(17);
    String loadBefore = MarkdownResults.command("uptime");
    Path dir = Files.createTempDirectory("learnloop-bench-dashboard");
    String report;
    try (EmbeddedRedis server = EmbeddedRedis.start(dir);
        RedisConnector redis = new RedisConnector(server.url(), Duration.ofSeconds(10))) {
      RedisLearners learners = new RedisLearners(redis);
      RedisAnswerLog answers = new RedisAnswerLog(redis, Spacing.defaults());
      RedisRoster roster = new RedisRoster(redis);
      RedisContentGaps gaps = new RedisContentGaps(redis);
      List<Role> roles =
          catalog.roles().stream().filter(r -> !r.id().value().equals("people-manager")).toList();
      List<RosterEntry> entries = new ArrayList<>();
      List<Item> allItems = new ArrayList<>();
      long answerIds = 0;
      long recorded = 0;
      long start = System.nanoTime();
      for (int p = 0; p < size; p++) {
        Role role = roles.get(random.nextInt(roles.size()));
        Learner learner = learner(p, role);
        learners.save(learner);
        entries.add(
            new RosterEntry(
                learner.id(),
                "Person " + p,
                role.id(),
                Optional.empty(),
                TEAM,
                Optional.empty(),
                false));
        List<Item> items =
            role.targets().keySet().stream()
                .map(catalog::itemsFor)
                .flatMap(List::stream)
                .distinct()
                .toList();
        allItems.addAll(items);
        double ability = random.nextGaussian() * 0.8 + 0.6;
        List<RecordAnswer> year = new ArrayList<>();
        for (Instant day = NOW.minus(Duration.ofDays(7L * weeks));
            day.isBefore(NOW.minus(Duration.ofHours(6)));
            day = day.plus(Duration.ofDays(1))) {
          DayOfWeek weekday = day.atZone(JAKARTA).getDayOfWeek();
          if (weekday == DayOfWeek.SATURDAY
              || weekday == DayOfWeek.SUNDAY
              || random.nextDouble() > 0.7) {
            continue;
          }
          for (int q = 0; q < 2; q++) {
            year.add(
                answer(
                    learner.id(),
                    items.get(random.nextInt(items.size())),
                    ability,
                    day.plusSeconds(q * 60L),
                    "a" + answerIds++,
                    random));
          }
        }
        for (int from = 0; from < year.size(); from += 200) {
          answers.recordAll(year.subList(from, Math.min(year.size(), from + 200)));
        }
        recorded += year.size();
      }
      roster.replaceAll(entries);
      for (int g = 0; g < 300; g++) {
        gaps.record(
            new ContentGap(
                ContentGap.Kind.UNANSWERED, TEAM, "Question " + random.nextInt(120), NOW));
      }
      long filledMillis = (System.nanoTime() - start) / 1_000_000;

      TeamDashboards dashboards =
          new TeamDashboards(
              catalog,
              answers,
              new Snapshots(catalog, answers, learners, Spacing.defaults()),
              gaps);
      DashboardAccess access = new DashboardAccess(roster);
      Viewer admin = new Viewer.Admin();

      long coldStart = System.nanoTime();
      TeamPage first = view(access, dashboards, admin);
      long coldMillis = (System.nanoTime() - coldStart) / 1_000_000;
      for (int i = 0; i < WARM_UP_VIEWS; i++) {
        view(access, dashboards, admin);
      }
      Histogram latency = new Histogram(3);
      int cells = 0;
      for (int v = 0; v < views; v++) {
        for (int a = 0; a < answering; a++) {
          RosterEntry who = entries.get(random.nextInt(entries.size()));
          answers.record(
              answer(
                  who.learner(),
                  allItems.get(random.nextInt(allItems.size())),
                  0.6,
                  NOW.minusSeconds(600 - v),
                  "new-" + v + "-" + a,
                  random));
        }
        long one = System.nanoTime();
        TeamPage page = view(access, dashboards, admin);
        latency.recordValue((System.nanoTime() - one) / 1000);
        cells = page.rows().size() * page.skills().size();
      }
      report =
          report(
              size,
              weeks,
              views,
              answering,
              recorded,
              filledMillis,
              coldMillis,
              first,
              cells,
              latency,
              loadBefore);
    }
    System.out.print(report);
    Path out = Path.of("docs/BENCHMARKS-DASHBOARD.md");
    MarkdownResults.write(out, BEGIN, END, report);
    System.out.println("Wrote " + out.toAbsolutePath());
  }

  private static TeamPage view(DashboardAccess access, TeamDashboards dashboards, Viewer viewer) {
    List<RosterEntry> members = access.members(viewer, TEAM).orElseThrow();
    return dashboards.team(TEAM, members, Language.ENGLISH, NOW);
  }

  private static RecordAnswer answer(
      LearnerId learner, Item item, double ability, Instant at, String id, Random random) {
    boolean right = random.nextDouble() < 1 / (1 + Math.exp(-ability));
    return new RecordAnswer(
        new AnswerEvent(
            new AnswerId(id),
            learner,
            item.id(),
            right ? item.answer() : (item.answer() + 1) % item.choices().size(),
            right,
            Duration.ofSeconds(15),
            at,
            AnswerContext.DAILY),
        item.skills(),
        TEAM,
        JAKARTA);
  }

  private static Learner learner(int p, Role role) {
    return new Learner(
        new LearnerId("bench:p" + p),
        Map.of("slack", "T1:Up" + p),
        role.id(),
        TEAM,
        Optional.empty(),
        JAKARTA,
        Language.ENGLISH,
        Learner.Preferences.defaults());
  }

  private static String report(
      int size,
      int weeks,
      int views,
      int answering,
      long recorded,
      long filledMillis,
      long coldMillis,
      TeamPage first,
      int cells,
      Histogram latency,
      String loadBefore)
      throws Exception {
    return String.format(
        Locale.ROOT,
        "## Results%n%n"
            + "`./bench/run.sh DashboardBenchmark %d %d %d %d`"
            + " (io.learnloop.bench.DashboardBenchmark): one team of %,d people, %,d answers from"
            + " %d weeks of daily quizzes on the sample content's roles and quiz bank, on an"
            + " embedded Redis over loopback. A view is what `GET /dashboard/teams/{team}` computes"
            + " before its template: the roster read and filtered (DashboardAccess.members, one"
            + " HGETALL), then TeamDashboards.team (each member's answer count, the summaries of"
            + " those who answered since, the team's content gaps). Between two views %d members"
            + " answer a question, so each view recomputes them from their whole year. Loading"
            + " Redis took %.1f s (not measured).%n%n"
            + "| measure | value |%n|---|---:|%n"
            + "| first view (every member computed from a year of answers) | %,d ms |%n"
            + "| views measured (after %d warm-up views) | %d |%n"
            + "| p50 | %.1f ms |%n| p95 | %.1f ms |%n| p99 | %.1f ms |%n| max | %.1f ms |%n"
            + "| heatmap cells per page | %,d |%n"
            + "| learners active in the last 7 days (first view) | %d of %d |%n"
            + "%nTarget: p95 ≤ 200 ms for a 500-person team with a year of answers.%n"
            + "%n## Machine%n%n- `nproc`: %s%n- `uptime` before: %s%n- `uptime` after: %s%n"
            + "- JVM: %s%n",
        size,
        weeks,
        views,
        answering,
        size,
        recorded,
        weeks,
        answering,
        filledMillis / 1000.0,
        coldMillis,
        WARM_UP_VIEWS,
        views,
        latency.getValueAtPercentile(50) / 1000.0,
        latency.getValueAtPercentile(95) / 1000.0,
        latency.getValueAtPercentile(99) / 1000.0,
        latency.getMaxValue() / 1000.0,
        cells,
        first.overview().active7(),
        first.overview().members(),
        MarkdownResults.command("nproc"),
        loadBefore,
        MarkdownResults.command("uptime"),
        ManagementFactory.getRuntimeMXBean().getVmName()
            + " "
            + ManagementFactory.getRuntimeMXBean().getVmVersion());
  }
}
