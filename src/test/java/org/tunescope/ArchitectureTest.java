package org.tunescope;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Keeps the layers pointing one way: engine &lt;- ml &lt;- store &lt;- cli, ui. */
class ArchitectureTest {

  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("org.tunescope");

  @Test
  void engineKnowsNeitherSmileNorJavaFxNorUpperLayers() {
    noClasses().that().resideInAPackage("org.tunescope.engine..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "smile..", "javafx..", "org.controlsfx..",
            "org.tunescope.ml..", "org.tunescope.store..", "org.tunescope.cli..", "org.tunescope.ui..")
        .check(CLASSES);
  }

  @Test
  void mlDependsOnlyOnEngine() {
    noClasses().that().resideInAPackage("org.tunescope.ml..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "javafx..", "org.controlsfx..",
            "org.tunescope.store..", "org.tunescope.cli..", "org.tunescope.ui..")
        .check(CLASSES);
  }

  @Test
  void storeSitsBelowCliAndUi() {
    noClasses().that().resideInAPackage("org.tunescope.store..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "javafx..", "org.controlsfx..", "org.tunescope.cli..", "org.tunescope.ui..")
        .check(CLASSES);
  }

  @Test
  void onlyUiImportsJavaFx() {
    noClasses().that().resideOutsideOfPackage("org.tunescope.ui..")
        .should().dependOnClassesThat().resideInAnyPackage("javafx..", "org.controlsfx..")
        .check(CLASSES);
  }

  @Test
  void cliAndUiDoNotKnowEachOther() {
    noClasses().that().resideInAPackage("org.tunescope.cli..")
        .should().dependOnClassesThat().resideInAPackage("org.tunescope.ui..")
        .check(CLASSES);
    noClasses().that().resideInAPackage("org.tunescope.ui..")
        .should().dependOnClassesThat().resideInAPackage("org.tunescope.cli..")
        .check(CLASSES);
  }

  @Test
  void storeKnowsOnlyTheEngineAndItsLibraries() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("org.tunescope.store..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "org.tunescope.store..", "org.tunescope.engine..", "java..", "javax..", "org.sqlite..",
            "com.fasterxml.jackson..", "org.apache.commons.csv..")
        .check(CLASSES);
  }

  @Test
  void appKnowsNoFrontEnd() {
    noClasses().that().resideInAPackage("org.tunescope.app..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "javafx..", "org.controlsfx..", "org.tunescope.cli..", "org.tunescope.ui..")
        .check(CLASSES);
  }

  @Test
  void cliAndUiDoNotDependOnEachOtherInEitherDirection() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("org.tunescope.(cli|ui)..")
        .should().notDependOnEachOther().check(CLASSES);
  }
}
