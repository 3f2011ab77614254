package io.lessonpack.bootstrap.local.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/**
 * Keeps the hexagon honest: the domain sees only the JDK, the application only the domain and the
 * JDK, adapters neither each other (each package under {@code io.lessonpack.adapter} is one adapter),
 * a bootstrap module nor the use-case implementations, the offline author only its port, the domain
 * and Jackson, and dependency-injection frameworks stay in bootstrap modules. This module depends on
 * every other one, so it sees every production class of the reactor and the rules run here.
 * {@code failOnEmptyShould} stays on: a rule that matches no class fails instead of passing vacuously.
 */
@AnalyzeClasses(packages = "io.lessonpack",
        importOptions = {ImportOption.DoNotIncludeTests.class, HexagonArchitectureTest.NoTestJars.class})
class HexagonArchitectureTest {

    /** Leaves out the modules' test-jars (fixtures) that sit on this test classpath. */
    static final class NoTestJars implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("-tests.jar");
        }
    }

    @ArchTest
    static final ArchRule domainDependsOnlyOnTheJdk = classes()
            .that().resideInAPackage("io.lessonpack.domain..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.lessonpack.domain..", "java..")
            .because("the domain is pure rules and model on the JDK alone (docs/domain.md, \"What the domain is\")");

    @ArchTest
    static final ArchRule applicationDependsOnlyOnDomainAndJdk = classes()
            .that().resideInAPackage("io.lessonpack.application..")
            .should().onlyDependOnClassesThat()
            .resideInAnyPackage("io.lessonpack.application..", "io.lessonpack.domain..", "java..")
            .because("use cases and ports must not know any adapter, SDK or framework");

    @ArchTest
    static final ArchRule injectionOnlyInBootstrap = noClasses()
            .that().resideOutsideOfPackage("io.lessonpack.bootstrap..")
            .should().dependOnClassesThat().resideInAnyPackage("dagger..", "javax.inject..", "jakarta.inject..")
            .because("wiring belongs to the bootstrap modules only");

    @ArchTest
    static final ArchRule domainDoesNotDependOnApplication = noClasses()
            .that().resideInAPackage("io.lessonpack.domain..")
            .should().dependOnClassesThat().resideInAPackage("io.lessonpack.application..");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnEachOther = slices()
            .matching("io.lessonpack.adapter.(*)..").namingSlices("adapters-$1")
            .should().notDependOnEachOther()
            .because("each adapter implements ports; wiring them together is the bootstrap's job");

    @ArchTest
    static final ArchRule adaptersDoNotDependOnBootstrap = noClasses()
            .that().resideInAPackage("io.lessonpack.adapter..")
            .should().dependOnClassesThat().resideInAPackage("io.lessonpack.bootstrap..")
            .because("each adapter implements ports; wiring them together is the bootstrap's job");

    @ArchTest
    static final ArchRule offlineAuthorNeedsNoRuntime = classes()
            .that().resideInAPackage("io.lessonpack.adapter.offline..")
            .should().onlyDependOnClassesThat().resideInAnyPackage("io.lessonpack.adapter.offline..",
                    "io.lessonpack.application.port.out..", "io.lessonpack.domain..", "com.fasterxml.jackson..",
                    "java..")
            .because("a project embedding lessonpack takes the offline author without the local runtime, an SDK "
                    + "or a framework (README, \"Embedding the library\")");

    @ArchTest
    static final ArchRule adaptersUsePortsNotServices = noClasses()
            .that().resideInAPackage("io.lessonpack.adapter..")
            .should().dependOnClassesThat().resideInAnyPackage("io.lessonpack.application.service..",
                    "io.lessonpack.application.inmemory..")
            .because("adapters implement driven ports; they never call use-case implementations");

    @ArchTest
    static final ArchRule domainReadsNoClockOrRandomness = noClasses()
            .that().resideInAnyPackage("io.lessonpack.domain..", "io.lessonpack.application.port..",
                    "io.lessonpack.application.service..", "io.lessonpack.application.inmemory..")
            .should().callMethod(System.class, "currentTimeMillis")
            .orShould().callMethod(java.time.Instant.class, "now")
            .orShould().callMethod(java.time.LocalDate.class, "now")
            .orShould().callMethod(java.time.Clock.class, "systemUTC")
            .orShould().callMethod(java.util.UUID.class, "randomUUID")
            .orShould().callConstructor(java.util.Random.class)
            .orShould().callMethod(System.class, "getenv", String.class)
            .because("time, identity and configuration come in as arguments (docs/domain.md, \"What the domain is\")");
}
