package io.learnloop.app;

import io.learnloop.app.cli.LearnLoopCli;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** LearnLoop's entry point: the bot server, or one of the CLI subcommands. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LearnLoopApplication {

  public static void main(String[] args) {
    if (LearnLoopCli.handles(args)) {
      System.exit(LearnLoopCli.run(args));
    }
    SpringApplication.run(LearnLoopApplication.class, args);
  }
}
