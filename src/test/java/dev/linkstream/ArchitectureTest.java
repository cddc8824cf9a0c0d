package dev.linkstream;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
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
import dev.linkstream.accounts.boundary.Requires;
import jakarta.json.Json;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The application's components (links, fetching, reading, stream, accounts, page, platform) depend
 * on each other one way, each is made of boundary, control and entity layers, and none leans on a
 * server, and only one class names the PostgreSQL driver. Every resource method says what it
 * requires of its caller: one that did not would be open to no one, and a mistake would go
 * unnoticed until someone tried.
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
  static final ArchRule everyResourceMethodSaysWhatItRequires =
      methods()
          .that()
          .areAnnotatedWith(GET.class)
          .or()
          .areAnnotatedWith(POST.class)
          .or()
          .areAnnotatedWith(PUT.class)
          .or()
          .areAnnotatedWith(PATCH.class)
          .or()
          .areAnnotatedWith(DELETE.class)
          .should()
          .beAnnotatedWith(Requires.class)
          .orShould()
          .beDeclaredInClassesThat()
          .areAnnotatedWith(Requires.class);

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
  static final ArchRule onlyTheDoorbellNamesThePostgreSqlDriver =
      noClasses()
          .that()
          .doNotHaveFullyQualifiedName("dev.linkstream.links.control.Doorbell")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage("org.postgresql..")
          .because("waiting for a notification has no standard API, and nothing else needs one");

  @ArchTest
  static final ArchRule jsonIsBuiltAndReadThroughOneProvider =
      noClasses()
          .should()
          .dependOnClassesThat()
          .belongToAnyOf(Json.class)
          .because("jakarta.json.Json finds its provider on every call, Jsonp once");

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
