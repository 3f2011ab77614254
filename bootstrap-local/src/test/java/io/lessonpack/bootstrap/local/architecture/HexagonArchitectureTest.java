package io.lessonpack.bootstrap.local.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;

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

    /*
     * "Optional is a return type only" (the quality bar): no field, no record component and no
     * parameter of main code is an Optional, nor holds one in a type argument (a Map or a queue of
     * Optionals is an Optional held in a field). A record component is both a field and a parameter
     * of the canonical constructor, so the two rules below cover records too. Code the compiler
     * writes (lambda bodies, captured variables of inner classes, bridges) is left out: it is not an
     * API.
     */

    @ArchTest
    static final ArchRule noOptionalFields = fields()
            .that(DescribedPredicate.describe("are written by hand", ArchitectureRulesSupport::writtenByHand))
            .should(ArchitectureRulesSupport.holdNoOptional())
            .because("Optional is a return type only: hold the value or null and return Optional.ofNullable(it)");

    @ArchTest
    static final ArchRule noOptionalParameters = codeUnits()
            .that(DescribedPredicate.describe("are written by hand", ArchitectureRulesSupport::writtenByHand))
            .should(ArchitectureRulesSupport.takeNoOptionalParameter())
            .because("Optional is a return type only: take the value (documented nullable) or offer two methods");

    /** The pieces of the Optional rules that need more than a one-line predicate. */
    static final class ArchitectureRulesSupport {
        private ArchitectureRulesSupport() {
        }

        static boolean writtenByHand(JavaField field) {
            return !field.getModifiers().contains(JavaModifier.SYNTHETIC);
        }

        static boolean writtenByHand(JavaCodeUnit unit) {
            return !unit.getModifiers().contains(JavaModifier.SYNTHETIC) && !unit.getName().startsWith("lambda$");
        }

        /** Whether {@code type} is an Optional or has one among its type arguments, at any depth. */
        static boolean involvesOptional(JavaType type) {
            return type.getAllInvolvedRawTypes().stream().anyMatch(raw -> raw.isEquivalentTo(Optional.class));
        }

        static ArchCondition<JavaField> holdNoOptional() {
            return new ArchCondition<>("hold no java.util.Optional, not even in a type argument") {
                @Override
                public void check(JavaField field, ConditionEvents events) {
                    if (involvesOptional(field.getType())) {
                        events.add(SimpleConditionEvent.violated(field, field.getFullName() + " holds an Optional ("
                                + field.getType().getName() + ") in " + field.getSourceCodeLocation()));
                    }
                }
            };
        }

        static ArchCondition<JavaCodeUnit> takeNoOptionalParameter() {
            return new ArchCondition<>("take no java.util.Optional parameter, not even in a type argument") {
                @Override
                public void check(JavaCodeUnit unit, ConditionEvents events) {
                    int index = 0;
                    for (JavaType type : unit.getParameterTypes()) {
                        if (involvesOptional(type)) {
                            events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " takes an Optional ("
                                    + type.getName() + ") as parameter " + index + " in " + unit.getSourceCodeLocation()));
                        }
                        index++;
                    }
                }
            };
        }
    }
}
