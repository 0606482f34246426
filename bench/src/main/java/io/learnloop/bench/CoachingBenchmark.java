package io.learnloop.bench;

import io.learnloop.dialog.catalog.Catalog;
import io.learnloop.dialog.catalog.Item;
import io.learnloop.dialog.catalog.Role;
import io.learnloop.dialog.channel.InMemoryConversationReferences;
import io.learnloop.dialog.channel.InMemoryDeliveries;
import io.learnloop.dialog.channel.RecordingChatGateway;
import io.learnloop.dialog.channel.Reply.ManagerNudge;
import io.learnloop.dialog.coaching.ManagerNudges;
import io.learnloop.dialog.coaching.NudgeSchedule;
import io.learnloop.dialog.coaching.WeeklyNudges;
import io.learnloop.dialog.conversation.Assistant;
import io.learnloop.dialog.conversation.KnowledgeBase;
import io.learnloop.dialog.i18n.Language;
import io.learnloop.dialog.identity.Enrollment;
import io.learnloop.dialog.learning.AnswerContext;
import io.learnloop.dialog.learning.AnswerEvent;
import io.learnloop.dialog.learning.AnswerId;
import io.learnloop.dialog.learning.AnswerLog;
import io.learnloop.dialog.learning.InMemoryAnswerLog;
import io.learnloop.dialog.learning.InMemoryLearners;
import io.learnloop.dialog.learning.Learner;
import io.learnloop.dialog.learning.LearnerId;
import io.learnloop.dialog.learning.Learners;
import io.learnloop.dialog.learning.RecordAnswer;
import io.learnloop.dialog.learning.Spacing;
import io.learnloop.dialog.quiz.Snapshots;
import io.learnloop.dialog.roster.InMemoryRoster;
import io.learnloop.dialog.roster.Roster;
import io.learnloop.dialog.roster.RosterEntry;
import io.learnloop.dialog.schedule.InMemoryJobClaims;
import io.learnloop.dialog.schedule.JobClaims;
import io.learnloop.dialog.schedule.JobLeases;
import io.learnloop.dialog.schedule.JobRunner;
import io.learnloop.integrations.content.ContentFolder;
import io.learnloop.integrations.redis.EmbeddedRedis;
import io.learnloop.integrations.redis.RedisAnswerLog;
import io.learnloop.integrations.redis.RedisConnector;
import io.learnloop.integrations.redis.RedisJobClaims;
import io.learnloop.integrations.redis.RedisLearners;
import io.learnloop.integrations.redis.RedisRoster;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
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
 * The weekly manager nudge computed for every manager of an organisation, as the weekly job does it
 * (one manager after the other): by default 100 managers with 20 reports each, eight weeks of daily
 * quizzes behind them, on the sample content's roles and quiz bank. Measured twice: on the stores
 * in memory (the computation alone) and on an embedded Redis (what production reads). Writes
 * docs/BENCHMARKS-COACHING.md.
 *
 * <p>Arguments: [managers, default 100] [reports per manager, default 20] [weeks of answers,
 * default 8].
 */
public final class CoachingBenchmark {

  private static final Instant NOW = Instant.parse("2026-11-30T02:00:00Z");
  private static final ZoneId JAKARTA = ZoneId.of("Asia/Jakarta");
  private static final String BEGIN = "<!-- CoachingBenchmark results: begin -->";
  private static final String END = "<!-- CoachingBenchmark results: end -->";
  private static final int WARM_UP_PASSES = 2;

  private CoachingBenchmark() {}

  /** The organisation: who reports to whom, and every answer. */
  private record Organisation(
      List<Learner> learners,
      List<RosterEntry> roster,
      List<LearnerId> managers,
      List<RecordAnswer> answers) {}

  /** One pass over every manager. */
  private record Pass(
      String store,
      long jobMillis,
      int sent,
      long millis,
      Histogram perManager,
      int inactive,
      int weakest) {
    String row() {
      return String.format(
          Locale.ROOT,
          "| %s | %.2f s (%d sent) | %.2f s | %.1f ms | %.1f ms | %.1f ms | %d | %d |%n",
          store,
          jobMillis / 1000.0,
          sent,
          millis / 1000.0,
          perManager.getValueAtPercentile(50) / 1000.0,
          perManager.getValueAtPercentile(95) / 1000.0,
          perManager.getMaxValue() / 1000.0,
          inactive,
          weakest);
    }
  }

  public static void main(String[] args) throws Exception {
    int managers = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int reports = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int weeks = args.length > 2 ? Integer.parseInt(args[2]) : 8;
    Catalog catalog = new ContentFolder(Path.of("content")).load();
    Organisation org = organisation(catalog, managers, reports, weeks, new Random(13));
    String loadBefore = MarkdownResults.command("uptime");

    InMemoryLearners memoryLearners = new InMemoryLearners();
    InMemoryAnswerLog memoryAnswers = new InMemoryAnswerLog(Spacing.defaults());
    InMemoryRoster memoryRoster = new InMemoryRoster();
    fill(org, memoryLearners, memoryAnswers, memoryRoster);
    Pass memory =
        measure(
            "in memory",
            catalog,
            org,
            memoryLearners,
            memoryAnswers,
            memoryRoster,
            new InMemoryJobClaims(Clock.systemUTC(), JobLeases.KEEP_DONE));

    Path dir = Files.createTempDirectory("learnloop-bench-redis");
    Pass redis;
    long filled;
    try (EmbeddedRedis server = EmbeddedRedis.start(dir);
        RedisConnector connector = new RedisConnector(server.url(), Duration.ofSeconds(10))) {
      RedisLearners learners = new RedisLearners(connector);
      RedisAnswerLog answers = new RedisAnswerLog(connector, Spacing.defaults());
      RedisRoster roster = new RedisRoster(connector);
      long start = System.nanoTime();
      fill(org, learners, answers, roster);
      filled = (System.nanoTime() - start) / 1_000_000;
      redis =
          measure(
              "embedded Redis (loopback)",
              catalog,
              org,
              learners,
              answers,
              roster,
              new RedisJobClaims(connector));
    }
    String loadAfter = MarkdownResults.command("uptime");
    String report =
        report(
            managers, reports, weeks, org, List.of(memory, redis), filled, loadBefore, loadAfter);
    System.out.print(report);
    Path out = Path.of("docs/BENCHMARKS-COACHING.md");
    MarkdownResults.write(out, BEGIN, END, report);
    System.out.println("Wrote " + out.toAbsolutePath());
  }

  private static void fill(Organisation org, Learners learners, AnswerLog answers, Roster roster) {
    org.learners().forEach(learners::save);
    roster.replaceAll(org.roster());
    List<RecordAnswer> all = org.answers();
    for (int from = 0; from < all.size(); from += 200) {
      answers.recordAll(all.subList(from, Math.min(all.size(), from + 200)));
    }
  }

  private static Pass measure(
      String store,
      Catalog catalog,
      Organisation org,
      Learners learners,
      AnswerLog answers,
      Roster roster,
      JobClaims claims) {
    ManagerNudges nudges =
        new ManagerNudges(
            catalog,
            roster,
            answers,
            new Snapshots(catalog, answers, learners, Spacing.defaults()));
    for (int i = 0; i < WARM_UP_PASSES; i++) {
      org.managers().stream().limit(20).forEach(m -> nudges.of(m, Language.ENGLISH, NOW));
    }
    RecordingChatGateway slack = new RecordingChatGateway("slack");
    // The chart is drawn where Slack's gateway draws it, once per nudge sent.
    io.learnloop.dialog.channel.NudgeCharts charts =
        new io.learnloop.integrations.charts.JFreeNudgeCharts();
    java.util.concurrent.atomic.AtomicLong chartBytes =
        new java.util.concurrent.atomic.AtomicLong();
    io.learnloop.dialog.channel.ChatGateway charting =
        new io.learnloop.dialog.channel.ChatGateway() {
          @Override
          public String channel() {
            return slack.channel();
          }

          @Override
          public io.learnloop.dialog.channel.MessageRef send(
              io.learnloop.dialog.channel.ConversationRef where,
              io.learnloop.dialog.channel.Outgoing message) {
            if (message.reply() instanceof io.learnloop.dialog.channel.Reply.ManagerNudge nudge) {
              charts.of(nudge).ifPresent(png -> chartBytes.addAndGet(png.png().length));
            }
            return slack.send(where, message);
          }

          @Override
          public io.learnloop.dialog.channel.ConversationRef openDirect(
              io.learnloop.dialog.channel.ChannelUser user) {
            return slack.openDirect(user);
          }
        };
    Assistant assistant =
        new Assistant(
            List.of(charting),
            new InMemoryDeliveries(Clock.systemUTC()),
            new Enrollment(learners, org.learners().get(0).role(), JAKARTA),
            new InMemoryConversationReferences(),
            (user, email) -> java.util.Set.of(),
            KnowledgeBase.notReady(),
            Optional.empty(),
            (reply, took) -> {},
            Clock.systemUTC());
    WeeklyNudges weekly =
        new WeeklyNudges(
            nudges,
            roster,
            learners,
            new JobRunner(claims),
            assistant,
            java.util.Set.of("slack"),
            NudgeSchedule.mondayMorning());
    long jobStart = System.nanoTime();
    int sent = weekly.sendDue(NOW);
    long jobMillis = (System.nanoTime() - jobStart) / 1_000_000;
    System.out.printf("%d nudges sent, %d KB of chart PNGs drawn%n", sent, chartBytes.get() / 1024);
    Histogram perManager = new Histogram(3);
    int inactive = 0;
    int weakest = 0;
    long start = System.nanoTime();
    for (LearnerId manager : org.managers()) {
      long one = System.nanoTime();
      ManagerNudge nudge = nudges.of(manager, Language.ENGLISH, NOW);
      perManager.recordValue((System.nanoTime() - one) / 1000);
      inactive += nudge.inactive().size();
      weakest += nudge.weakest().size();
    }
    long millis = (System.nanoTime() - start) / 1_000_000;
    return new Pass(store, jobMillis, sent, millis, perManager, inactive, weakest);
  }

  // 70% practise most workdays up to now, 20% stopped 8 to 30 days ago, 10% never started.
  private static Organisation organisation(
      Catalog catalog, int managers, int reports, int weeks, Random random) {
    List<Role> roles =
        catalog.roles().stream().filter(r -> !r.id().value().equals("people-manager")).toList();
    Role managerRole =
        catalog.role(new io.learnloop.dialog.catalog.RoleId("people-manager")).orElse(roles.get(0));
    List<Learner> learners = new ArrayList<>();
    List<RosterEntry> roster = new ArrayList<>();
    List<LearnerId> managerIds = new ArrayList<>();
    List<RecordAnswer> answers = new ArrayList<>();
    long answerIds = 0;
    for (int m = 0; m < managers; m++) {
      Learner manager = learner("m" + m, managerRole, Optional.empty());
      learners.add(manager);
      managerIds.add(manager.id());
      roster.add(entry(manager, "Manager " + m, managerRole));
      for (int r = 0; r < reports; r++) {
        Role role = roles.get(random.nextInt(roles.size()));
        Learner report = learner("m" + m + "r" + r, role, Optional.of(manager.id()));
        learners.add(report);
        roster.add(entry(report, "Report " + m + "." + r, role));
        double kind = random.nextDouble();
        if (kind >= 0.9) {
          continue;
        }
        Instant last =
            kind < 0.7
                ? NOW.minus(Duration.ofHours(20))
                : NOW.minus(Duration.ofDays(8 + random.nextInt(23)));
        double ability = random.nextGaussian() * 0.8 + 0.6;
        List<Item> items =
            role.targets().keySet().stream()
                .map(catalog::itemsFor)
                .flatMap(List::stream)
                .distinct()
                .toList();
        for (Instant day = NOW.minus(Duration.ofDays(7L * weeks));
            day.isBefore(last);
            day = day.plus(Duration.ofDays(1))) {
          DayOfWeek weekday = day.atZone(JAKARTA).getDayOfWeek();
          if (weekday == DayOfWeek.SATURDAY
              || weekday == DayOfWeek.SUNDAY
              || random.nextDouble() > 0.7) {
            continue;
          }
          for (int q = 0; q < 2; q++) {
            Item item = items.get(random.nextInt(items.size()));
            boolean right = random.nextDouble() < 1 / (1 + Math.exp(-ability));
            answers.add(
                new RecordAnswer(
                    new AnswerEvent(
                        new AnswerId("a" + answerIds++),
                        report.id(),
                        item.id(),
                        right ? item.answer() : (item.answer() + 1) % item.choices().size(),
                        right,
                        Duration.ofSeconds(15),
                        day.plusSeconds(q * 60L),
                        AnswerContext.DAILY),
                    item.skills(),
                    "",
                    JAKARTA));
          }
        }
      }
    }
    return new Organisation(learners, roster, managerIds, answers);
  }

  private static Learner learner(String name, Role role, Optional<LearnerId> manager) {
    return new Learner(
        new LearnerId("bench:" + name),
        Map.of("slack", "T1:U" + name),
        role.id(),
        "",
        manager,
        JAKARTA,
        Language.ENGLISH,
        Learner.Preferences.defaults());
  }

  private static RosterEntry entry(Learner learner, String name, Role role) {
    return new RosterEntry(
        learner.id(), name, role.id(), Optional.empty(), "", learner.manager(), false);
  }

  private static String report(
      int managers,
      int reports,
      int weeks,
      Organisation org,
      List<Pass> passes,
      long filledMillis,
      String loadBefore,
      String loadAfter)
      throws Exception {
    StringBuilder rows = new StringBuilder();
    passes.forEach(p -> rows.append(p.row()));
    return String.format(
        Locale.ROOT,
        "## Results%n%n"
            + "`./bench/run.sh CoachingBenchmark %d %d %d` (io.learnloop.bench.CoachingBenchmark):"
            + " the weekly nudge of %,d managers with %d reports each (%,d learners), over %,d"
            + " answers from %d weeks of daily quizzes on the sample content's roles and quiz bank;"
            + " %d warm-up passes over 20 managers first. \"the job\" is one WeeklyNudges.sendDue"
            + " at Monday 09:00 (roster read once, %d managers at once, a job claim per manager,"
            + " each nudge sent through a recording gateway with its chart drawn to PNG as Slack's gateway does); \"one by one\" is ManagerNudges.of"
            + " for every manager in turn, which gives the per-manager times. Loading the Redis"
            + " stores took %.1f s (not measured).%n%n"
            + "| stores | the job | one by one | per manager p50 | p95 | max | inactive listed | weak skills listed |%n"
            + "|---|---:|---:|---:|---:|---:|---:|---:|%n"
            + "%s"
            + "%nTarget: under 10 s for 100 managers × 20 reports.%n"
            + "%n## Machine%n%n- `nproc`: %s%n- `uptime` before: %s%n- `uptime` after: %s%n"
            + "- JVM: %s%n",
        managers,
        reports,
        weeks,
        managers,
        reports,
        org.learners().size(),
        org.answers().size(),
        weeks,
        WARM_UP_PASSES,
        WeeklyNudges.WORKERS,
        filledMillis / 1000.0,
        rows,
        MarkdownResults.command("nproc"),
        loadBefore,
        loadAfter,
        ManagementFactory.getRuntimeMXBean().getVmName()
            + " "
            + ManagementFactory.getRuntimeMXBean().getVmVersion());
  }
}
