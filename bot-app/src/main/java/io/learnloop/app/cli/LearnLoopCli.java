package io.learnloop.app.cli;

import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The jar's subcommands ({@code java -jar bot-app.jar <command> ...}). They run without starting
 * the server or Spring, so that indexing and evaluation start fast and print only their results.
 */
@Command(
    name = "java -jar bot-app.jar",
    mixinStandardHelpOptions = true,
    description = "LearnLoop. With no command, starts the bot server.",
    subcommands = {
      CommandLine.HelpCommand.class,
      IndexCommand.class,
      AskCommand.class,
      EvalQaCommand.class,
      EvalLearnerCommand.class,
      EvalScheduleCommand.class,
      SimulateCommand.class
    })
public final class LearnLoopCli {

  /** True when the arguments name a subcommand rather than options for the server. */
  public static boolean handles(String[] args) {
    if (args.length == 0) {
      return false;
    }
    Set<String> names = new CommandLine(new LearnLoopCli()).getSubcommands().keySet();
    return names.contains(args[0]) || Set.of("--help", "-h", "--version", "-V").contains(args[0]);
  }

  /** Runs the subcommand and returns its exit code. */
  public static int run(String[] args) {
    CliLogging.configure();
    return new CommandLine(new LearnLoopCli()).execute(args);
  }
}
