package io.learnloop.integrations.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(
    packages = "io.learnloop.integrations",
    importOptions = ImportOption.DoNotIncludeTests.class)
class IntegrationsArchitectureTest {

  @ArchTest
  static final ArchRule adapters_should_not_depend_on_each_other =
      slices()
          .matching("io.learnloop.integrations.(*)..")
          .should()
          .notDependOnEachOther()
          .because("each adapter stands alone behind a dialog port; bot-app composes them");

  @ArchTest
  static final ArchRule adapters_should_have_no_spring_wiring =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.springframework..")
          .because("only bot-app wires beans; adapters are plain classes it constructs");

  @ArchTest
  static final ArchRule adapters_should_not_reach_into_the_app =
      noClasses().should().dependOnClassesThat().resideInAnyPackage("io.learnloop.app..");

  @ArchTest
  static final ArchRule only_the_charts_adapter_should_draw_with_jfreechart =
      noClasses()
          .that()
          .resideOutsideOfPackage("io.learnloop.integrations.charts..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.jfree..")
          .because("Slack and Teams get charts through the dialog port NudgeCharts");
}
