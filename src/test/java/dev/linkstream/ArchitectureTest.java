package dev.linkstream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The application's components (links, fetching, reading, stream, page, platform) depend on each
 * other one way, each is made of boundary, control and entity layers, and none leans on a server.
 */
@AnalyzeClasses(packages = "dev.linkstream", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  private static final Pattern ONE_LINE_DOC = Pattern.compile("/\\*\\* [^\\n]+ \\*/\\npackage ");

  @ArchTest
  static final ArchRule everyClassIsInALayerOfAComponent =
      classes()
          .should()
          .resideInAnyPackage(
              "dev.linkstream.*.boundary", "dev.linkstream.*.control", "dev.linkstream.*.entity");

  @ArchTest
  static final ArchRule componentsDependOnEachOtherOneWay =
      slices().matching("dev.linkstream.(*)..").should().beFreeOfCycles();

  @ArchTest
  static final ArchRule controlsDoNotUseBoundaries =
      noClasses()
          .that()
          .resideInAPackage("..control")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("dev.linkstream.*.boundary");

  @ArchTest
  static final ArchRule entitiesUseNothingOfOursButEntities =
      noClasses()
          .that()
          .resideInAPackage("..entity")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("dev.linkstream.*.boundary", "dev.linkstream.*.control");

  @ArchTest
  static final ArchRule onlyStandardApisOfTheServers =
      noClasses()
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "fish.payara..",
              "org.glassfish..",
              "com.ibm..",
              "io.openliberty..",
              "org.jboss.resteasy..",
              "org.jboss.weld..");

  @ArchTest
  static void everyPackageSaysItsJobInOneLine(JavaClasses application) throws IOException {
    List<String> packages =
        application.stream().map(JavaClass::getPackageName).distinct().sorted().toList();
    assertTrue(packages.size() > 10, "only " + packages + " were found");
    for (String name : packages) {
      Path info = Path.of("src/main/java", name.replace('.', '/'), "package-info.java");
      assertTrue(Files.exists(info), "no " + info);
      String text = Files.readString(info);
      assertEquals(1, ONE_LINE_DOC.matcher(text).results().count(), info + ": " + text);
    }
  }
}
