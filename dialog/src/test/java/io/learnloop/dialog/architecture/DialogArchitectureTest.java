package io.learnloop.dialog.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.learnloop.dialog",
    importOptions = ImportOption.DoNotIncludeTests.class)
class DialogArchitectureTest {

  @ArchTest
  static final ArchRule dialog_should_be_plain_java =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta..",
              "com.slack.api..",
              "com.microsoft.bot..",
              "io.lettuce..",
              "org.apache.lucene..",
              "dev.langchain4j..")
          .because("dialog is the channel-neutral core: frameworks and adapters stay outside it");

  @ArchTest
  static final ArchRule dialog_should_not_know_its_adapters =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.learnloop.integrations..", "io.learnloop.app..", "io.learnloop.knowledge..")
          .because("adapters depend on dialog's ports, never the other way round");

  @ArchTest
  static final ArchRule dialog_packages_should_be_free_of_cycles =
      slices()
          .matching("io.learnloop.dialog.(*)..")
          .should()
          .beFreeOfCycles()
          .because("each package has an API the others use; a cycle makes two packages one");

  @ArchTest
  static final ArchRule the_channel_port_should_know_no_use_case =
      noClasses()
          .that()
          .resideInAPackage("io.learnloop.dialog.channel..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.learnloop.dialog.conversation..",
              "io.learnloop.dialog.quiz..",
              "io.learnloop.dialog.identity..")
          .because("adapters implement the channel port without pulling in the use cases");
}
