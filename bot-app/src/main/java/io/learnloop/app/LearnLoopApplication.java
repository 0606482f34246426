package io.learnloop.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** LearnLoop's entry point: the bot server. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class LearnLoopApplication {

  public static void main(String[] args) {
    SpringApplication.run(LearnLoopApplication.class, args);
  }
}
