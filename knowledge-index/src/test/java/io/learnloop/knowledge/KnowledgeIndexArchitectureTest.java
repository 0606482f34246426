package io.learnloop.knowledge;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.learnloop.knowledge",
    importOptions = ImportOption.DoNotIncludeTests.class)
class KnowledgeIndexArchitectureTest {

  @ArchTest
  static final ArchRule knowledge_index_should_be_plain_java =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.springframework..",
              "jakarta..",
              "com.slack.api..",
              "com.microsoft.bot..",
              "io.lettuce..")
          .because("the knowledge index is a plain Java library that bot-app wires");

  @ArchTest
  static final ArchRule knowledge_index_should_not_know_the_other_modules =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "io.learnloop.integrations..", "io.learnloop.app..", "io.learnloop.dialog..")
          .because("bot-app adapts the index to dialog's KnowledgeBase port");
}
