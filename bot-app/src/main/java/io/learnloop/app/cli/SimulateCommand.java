package io.learnloop.app.cli;

import io.learnloop.dialog.learning.evaluation.ResponseLogReader;
import io.learnloop.dialog.learning.evaluation.ReviewLogReader;
import io.learnloop.dialog.learning.policy.NextBestAction;
import io.learnloop.dialog.learning.simulation.TruthFit;
import io.learnloop.dialog.learning.simulation.TruthParameters;
import io.learnloop.dialog.learning.simulation.WorkforceSimulation;
import io.learnloop.dialog.learning.simulation.WorkforceSimulation.Comparison;
import io.learnloop.dialog.learning.simulation.WorkforceSimulation.Outcome;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate}: the adaptive policy against per-role sequences on a simulated workforce. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Fits a simulated workforce's hidden truth to real logs (knowledge tracing per skill to"
          + " --responses, forgetting to --revlog), fits the bot's response model to a pilot"
          + " cohort's answers, then runs the adaptive policy, a fixed sequence per role and the"
          + " same with FSRS spaced review on the same learners, all stopping by the bot's own"
          + " estimate: questions asked, 30-day retention, share still at target, and a curve"
          + " across stopping margins.",
      "Last line: {\"adaptive\": {...}, \"baselines\": {\"role_sequence\": {...},"
          + " \"role_sequence_spaced\": {...}}} as JSON."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N")
  long seed;

  @Option(names = "--learners", defaultValue = "500", paramLabel = "N")
  int learners;

  @Option(
      names = "--curve-learners",
      defaultValue = "200",
      paramLabel = "N",
      description = "learners per point of the questions-vs-retention curve")
  int curveLearners;

  @Option(names = "--margins", defaultValue = "0,0.05,0.1,0.15", split = ",", paramLabel = "M")
  List<Double> margins;

  @Option(
      names = "--responses",
      defaultValue = "../shared/data/assistments09/train.tsv",
      paramLabel = "FILE")
  Path responses;

  @Option(
      names = "--revlog",
      defaultValue = "../shared/data/fsrs-revlog/review_logs.csv",
      paramLabel = "FILE")
  Path revlog;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (learners < 1 || curveLearners < 1) {
      err.println("--learners and --curve-learners must be at least 1");
      return 2;
    }
    if (margins.stream().anyMatch(m -> !(m >= 0 && m < 1))) {
      err.println("--margins must lie in [0, 1)");
      return 2;
    }
    for (Path file : new Path[] {responses, revlog}) {
      if (!Files.isReadable(file)) {
        err.println("Cannot read " + file);
        return 2;
      }
    }
    var answers = ResponseLogReader.read(responses);
    var reviews = ReviewLogReader.read(revlog);
    Table.malformed(err, answers.malformed());
    Table.malformed(err, reviews.malformed());
    TruthParameters truth =
        new TruthParameters(TruthFit.bkt(answers.rows()), TruthFit.forgetting(reviews.rows()));
    out.println(describe(truth));
    WorkforceSimulation simulation =
        new WorkforceSimulation(
            WorkforceSimulation.Settings.defaults(seed).withLearners(learners), truth);
    String format = "%-30s  %9s  %13s  %12s  %6s%n";
    out.printf(
        Locale.ROOT,
        "questions vs retention by stopping margin (%d learners each):%n",
        curveLearners);
    out.printf(
        Locale.ROOT,
        format,
        "margin / policy",
        "questions",
        "retention 30d",
        "targets kept",
        "capped");
    for (double margin : margins) {
      Comparison c = simulation.compare(margin, curveLearners);
      rows(out, format, String.format(Locale.ROOT, "%.2f ", margin), c);
      out.printf(
          Locale.ROOT,
          "     adaptive vs spaced: questions ratio %s, retention %s, targets kept %s%n",
          c.adaptiveVsSpaced().questionRatio(),
          c.adaptiveVsSpaced().retention(),
          c.adaptiveVsSpaced().keptTargets());
    }
    Comparison main = simulation.compare(NextBestAction.DURABILITY_MARGIN, learners);
    out.printf(
        Locale.ROOT,
        "%nat the shipped margin %.2f, %d learners:%n",
        NextBestAction.DURABILITY_MARGIN,
        learners);
    out.printf(
        Locale.ROOT, format, "policy", "questions", "retention 30d", "targets kept", "capped");
    rows(out, format, "", main);
    out.printf(
        Locale.ROOT, "ratio adaptive / role sequence with spaced review: %.4f%n", main.ratio());
    WorkforceSimulation.Paired paired = main.adaptiveVsSpaced();
    out.printf(
        Locale.ROOT,
        "adaptive against the role sequence with spaced review, paired bootstrap over learners,"
            + " 95%% intervals:%n  questions ratio %s%n  retention 30d (adaptive - it) %s%n"
            + "  targets kept (adaptive - it) %s%n",
        paired.questionRatio(),
        paired.retention(),
        paired.keptTargets());
    out.println(main.json());
    out.flush();
    return 0;
  }

  private static String describe(TruthParameters truth) {
    double[] medians = new double[4];
    for (int k = 0; k < 4; k++) {
      int index = k;
      medians[k] =
          truth.skills().stream()
              .mapToDouble(
                  s ->
                      switch (index) {
                        case 0 -> s.init();
                        case 1 -> s.learn();
                        case 2 -> s.guess();
                        default -> s.slip();
                      })
              .sorted()
              .skip(truth.skills().size() / 2)
              .findFirst()
              .orElse(0);
    }
    return String.format(
        Locale.ROOT,
        "truth: BKT of %d real skills (medians: init %.2f, learn %.2f, guess %.2f, slip %.2f);"
            + " forgetting exp(-t / (%.1f d x %.2f^spaced practices))",
        truth.skills().size(),
        medians[0],
        medians[1],
        medians[2],
        medians[3],
        truth.forgetting().days(),
        truth.forgetting().growth());
  }

  private static void rows(PrintWriter out, String format, String prefix, Comparison c) {
    row(out, format, prefix + "adaptive", c.adaptive());
    row(out, format, prefix + "role sequence", c.roleSequence());
    row(out, format, prefix + "role sequence + spaced", c.roleSequenceSpaced());
  }

  private static void row(PrintWriter out, String format, String policy, Outcome outcome) {
    out.printf(
        Locale.ROOT,
        format,
        policy,
        String.format(Locale.ROOT, "%.1f", outcome.questions()),
        String.format(Locale.ROOT, "%.4f", outcome.retention()),
        String.format(Locale.ROOT, "%.1f %%", 100 * outcome.keptTargets()),
        outcome.capped());
  }
}
