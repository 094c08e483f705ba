package org.tunescope;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
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
            "org.tunescope.ml..", "org.tunescope.store..", "org.tunescope.app..", "org.tunescope.cli..",
            "org.tunescope.ui..")
        .check(CLASSES);
  }

  @Test
  void mlDependsOnlyOnEngine() {
    noClasses().that().resideInAPackage("org.tunescope.ml..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "javafx..", "org.controlsfx..",
            "org.tunescope.store..", "org.tunescope.app..", "org.tunescope.cli..", "org.tunescope.ui..")
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
  void layersFormNoCycles() {
    slices().matching("org.tunescope.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void enginePackagesHaveNoCycles() {
    slices().matching("org.tunescope.engine.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void mlPackagesHaveNoCycles() {
    slices().matching("org.tunescope.ml.(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  /**
   * Smile's models and data stay in ml; its Swing plots only draw the CLI's report.
   */
  @Test
  void smileModelsAndDataOnlyInMlAndPlotsOnlyInTheReport() {
    noClasses().that().resideOutsideOfPackage("org.tunescope.ml..")
        .should().dependOnClassesThat(
            resideInAPackage("smile..").and(DescribedPredicate.not(resideInAPackage("smile.plot.."))))
        .check(CLASSES);
    noClasses().that().resideOutsideOfPackage("org.tunescope.cli..")
        .should().dependOnClassesThat().resideInAPackage("smile.plot..")
        .check(CLASSES);
  }

  @Test
  void chartsAreControlsThatKnowNoUiFeature() {
    noClasses().that().resideInAPackage("org.tunescope.ui.charts..")
        .should().dependOnClassesThat().resideInAnyPackage(
            "org.tunescope.ui.main..", "org.tunescope.ui.data..", "org.tunescope.ui.model..",
            "org.tunescope.ui.space..", "org.tunescope.ui.search..", "org.tunescope.ui.run..",
            "org.tunescope.ui.results..", "org.tunescope.ui.lab..", "org.tunescope.ui.studies..",
            "org.tunescope.ui.compare..", "org.tunescope.ui.watch..")
        .check(CLASSES);
  }

  @Test
  void storeKnowsOnlyTheEngineAndItsLibraries() {
    com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes().that().resideInAPackage("org.tunescope.store..")
        .should().onlyDependOnClassesThat().resideInAnyPackage(
            "org.tunescope.store..", "org.tunescope.engine..", "java..", "javax..", "org.sqlite..", "org.postgresql..",
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
  void uiPackagesFormNoCycles() {
    slices().matching("org.tunescope.ui.(*)..").should().beFreeOfCycles().check(CLASSES);
    // Finer: every package its own slice, org.tunescope.ui itself included (it once imported ui.main).
    slices().assignedFrom(new SliceAssignment() {
      @Override
      public SliceIdentifier getIdentifierOf(JavaClass c) {
        return c.getPackageName().startsWith("org.tunescope.ui") ? SliceIdentifier.of(c.getPackageName())
            : SliceIdentifier.ignore();
      }

      @Override
      public String getDescription() {
        return "each package under org.tunescope.ui";
      }
    }).should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void cliAndUiDoNotDependOnEachOtherInEitherDirection() {
    com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices().matching("org.tunescope.(cli|ui)..")
        .should().notDependOnEachOther().check(CLASSES);
  }

  /** Every package says what lives there: a package-info.java with a comment of a few lines. */
  @Test
  void everyPackageSaysWhatLivesThere() throws java.io.IOException {
    java.nio.file.Path root = java.nio.file.Path.of("src/main/java");
    java.util.List<String> unexplained;
    try (java.util.stream.Stream<java.nio.file.Path> dirs = java.nio.file.Files.walk(root)) {
      unexplained = dirs.filter(java.nio.file.Files::isDirectory)
          .filter(d -> hasJavaFile(d) && !explained(d.resolve("package-info.java")))
          .map(d -> root.relativize(d).toString())
          .toList();
    }
    org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), unexplained,
        "packages without a package-info.java that says what lives there");
  }

  private static boolean hasJavaFile(java.nio.file.Path dir) {
    try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir)) {
      return files.anyMatch(f -> f.toString().endsWith(".java"));
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  private static boolean explained(java.nio.file.Path info) {
    try {
      String text = java.nio.file.Files.readString(info);
      return text.contains("/**") && text.substring(text.indexOf("/**"), text.indexOf("package ")).length() > 60;
    } catch (java.io.IOException e) {
      return false;
    }
  }
}
