package io.learnloop.app;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Checks all four modules together, as they meet on bot-app's classpath. */
@AnalyzeClasses(packages = "io.learnloop", importOptions = ImportOption.DoNotIncludeTests.class)
class ModuleBoundariesTest {

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
}
