package io.learnloop.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks all four modules together, as they meet on bot-app's classpath. */
@AnalyzeClasses(
    packages = "io.learnloop",
    importOptions = {ImportOption.DoNotIncludeTests.class, ModuleBoundariesTest.NoTestJars.class})
class ModuleBoundariesTest {

  /**
   * dialog's contract tests reach bot-app's test classpath as a jar, which DoNotIncludeTests keeps.
   */
  static final class NoTestJars implements ImportOption {
    @Override
    public boolean includes(com.tngtech.archunit.core.importer.Location location) {
      return !location.contains("-tests.jar");
    }
  }

  @ArchTest
  static final ArchRule only_bot_app_should_use_spring =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.learnloop.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..")
          .because("bot-app is the only Spring module");

  @ArchTest
  static final ArchRule nothing_should_depend_on_bot_app =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.learnloop.app..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("io.learnloop.app..");

  @ArchTest
  static final ArchRule core_modules_should_not_use_adapter_technologies =
      noClasses()
          .that()
          .resideInAnyPackage("io.learnloop.dialog..", "io.learnloop.knowledge..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "com.slack.api..", "com.microsoft.bot..", "io.lettuce..", "redis.embedded..");

  @ArchTest
  static final ArchRule the_retired_bot_framework_sdk_should_stay_inside_the_teams_adapter =
      noClasses()
          .that()
          .resideOutsideOfPackages("io.learnloop.integrations.teams..", "io.learnloop.app.teams..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("com.microsoft.bot..", "com.microsoft.aad..")
          .because(
              "the SDK gets no fixes: it must be replaceable by a Bot Connector REST client"
                  + " without touching anything else");

  @ArchTest
  static final ArchRule evaluation_and_simulation_should_be_reachable_only_from_the_cli =
      noClasses()
          .that()
          .resideOutsideOfPackages(
              "io.learnloop.app.cli..",
              "io.learnloop.dialog.learning.evaluation..",
              "io.learnloop.dialog.learning.simulation..",
              "io.learnloop.knowledge.eval..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.learnloop.dialog.learning.evaluation..",
              "io.learnloop.dialog.learning.simulation..",
              "io.learnloop.knowledge.eval..")
          .because("what the bot runs must not depend on how it is measured");

  @ArchTest
  static final ArchRule channel_adapters_should_reach_the_core_through_the_conversation_port =
      noClasses()
          .that()
          .resideInAnyPackage("io.learnloop.app.chat..", "io.learnloop.integrations..")
          .and()
          .haveSimpleNameNotEndingWith("Configuration")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.learnloop.dialog.learning.policy..", "io.learnloop.dialog.learning.model..")
          .because("adapters render replies and store state; deciding what to ask is the core's");
}
