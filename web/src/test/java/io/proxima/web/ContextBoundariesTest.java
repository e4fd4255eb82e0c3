package io.proxima.web;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The module cut, checked on the compiled classes of every context the portal runs. Maven's
 * dependencies already keep a lower module from seeing a higher one; these rules hold what they
 * cannot: within what a module may see, a context uses another only through its domain and
 * application packages, and domain and application code speak no HTTP.
 */
class ContextBoundariesTest {

  private static final List<String> CONTEXTS =
      List.of(
          "identity",
          "tenancy",
          "profile",
          "availability",
          "calendar",
          "messaging",
          "jobs",
          "hiring",
          "scouts",
          "candidates",
          "matching",
          "contracts",
          "invoicing",
          "payments",
          "integrations",
          "privacy");

  private static JavaClasses classes;

  @BeforeAll
  static void importEveryContext() {
    classes =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.proxima");
    // The rules below pass vacuously on an empty import: make sure every module was read.
    assertThat(classes.contain("io.proxima.platform.error.DomainException")).isTrue();
    assertThat(classes.contain("io.proxima.tenancy.application.TenantEdge")).isTrue();
    assertThat(classes.contain("io.proxima.profile.domain.Profile")).isTrue();
    assertThat(classes.contain("io.proxima.jobs.application.JobBoard")).isTrue();
    assertThat(classes.contain("io.proxima.contracts.application.Contracting")).isTrue();
    assertThat(classes.contain("io.proxima.jobs.api.JobsResource")).isTrue();
  }

  @Test
  void noContextReachesIntoAnothersInfrastructure() {
    for (String context : CONTEXTS) {
      noClasses()
          .that()
          .resideOutsideOfPackage("io.proxima." + context + "..")
          .should()
          .dependOnClassesThat()
          .resideInAPackage("io.proxima." + context + ".infrastructure..")
          .because("a context's adapters are its own; others use its domain and application")
          .check(classes);
    }
  }

  @Test
  void domainAndApplicationCodeKnowNoHttp() {
    noClasses()
        .that()
        .resideInAnyPackage("io.proxima..domain..", "io.proxima..application..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            "jakarta.ws.rs..",
            "jakarta.servlet..",
            "jakarta.websocket..",
            "org.glassfish.jersey..",
            "io.proxima.platform.rest..")
        .because("the edge alone turns domain failures into HTTP (ProblemTypes)")
        .check(classes);
  }

  @Test
  void theDomainDependsOnNoAdapterAndNoEdge() {
    noClasses()
        .that()
        .resideInAPackage("io.proxima..domain..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage("io.proxima..infrastructure..", "io.proxima..api..")
        .check(classes);
  }

  @Test
  void theKernelKnowsNoContext() {
    noClasses()
        .that()
        .resideInAPackage("io.proxima.platform..")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(
            CONTEXTS.stream().map(context -> "io.proxima." + context + "..").toArray(String[]::new))
        .check(classes);
  }
}
