package io.learnloop.app.cli;

import io.learnloop.dialog.learning.simulation.WorkforceSimulation;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code simulate [--seed N]}: the adaptive policy against one fixed curriculum for everyone. */
@Command(
    name = "simulate",
    mixinStandardHelpOptions = true,
    description = {
      "Simulates a synthetic workforce (1,000 learners, 5 roles, 40 skills, 400 items, latent"
          + " abilities and forgetting) under the adaptive policy, one fixed curriculum for"
          + " everyone (the baseline) and, for comparison, one fixed sequence per role:"
          + " questions until role targets are met, and retention 30 days later.",
      "Last line: the results as JSON."
    })
final class SimulateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "N")
  long seed;

  @Option(names = "--learners", defaultValue = "1000", paramLabel = "N")
  int learners;

  @Override
  public Integer call() {
    PrintWriter out = spec.commandLine().getOut();
    if (learners < 1) {
      spec.commandLine().getErr().println("--learners must be at least 1");
      return 2;
    }
    WorkforceSimulation.Settings defaults = WorkforceSimulation.Settings.defaults(seed);
    WorkforceSimulation.Result r =
        WorkforceSimulation.run(
            new WorkforceSimulation.Settings(
                learners,
                defaults.roles(),
                defaults.skills(),
                defaults.itemsPerSkill(),
                defaults.targetsPerRole(),
                seed));
    String format = "%-24s  %10s  %14s  %14s  %6s%n";
    out.printf(
        Locale.ROOT, format, "policy", "questions", "retention 30d", "targets kept", "unmet");
    row(out, format, "adaptive", r.adaptive());
    row(out, format, "fixed curriculum", r.fixed());
    row(out, format, "fixed sequence per role", r.fixedPerRole());
    out.printf(Locale.ROOT, "ratio adaptive / fixed curriculum: %.4f%n", r.ratio());
    out.printf(Locale.ROOT, "ratio adaptive / fixed sequence per role: %.4f%n", r.ratioPerRole());
    out.printf(
        Locale.ROOT,
        "retention 30 days later: adaptive %.4f, fixed curriculum %.4f%n",
        r.adaptive().retention(),
        r.fixed().retention());
    out.println(r.json());
    out.flush();
    return 0;
  }

  private static void row(
      PrintWriter out, String format, String policy, WorkforceSimulation.Outcome outcome) {
    out.printf(
        Locale.ROOT,
        format,
        policy,
        String.format(Locale.ROOT, "%.1f", outcome.questions()),
        String.format(Locale.ROOT, "%.4f", outcome.retention()),
        String.format(Locale.ROOT, "%.1f %%", 100 * outcome.keptTargets()),
        outcome.unmet());
  }
}
