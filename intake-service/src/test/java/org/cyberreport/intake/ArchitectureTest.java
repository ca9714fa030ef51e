package org.cyberreport.intake;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.cyberreport.kit.outbox.Handoff;
import org.cyberreport.kit.outbox.HandoffState;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = {"org.cyberreport.intake", "org.cyberreport.kit.outbox"}, importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    private static final DescribedPredicate<JavaClass> KIT_HANDOFF = belongToAnyOf(Handoff.class, HandoffState.class)
            .as("the kit's hand-off");

    @ArchTest
    static final ArchRule domainHasNoSpring = noClasses()
            .that().resideInAnyPackage("org.cyberreport.intake.report", "org.cyberreport.intake.report.validation")
            .should().dependOnClassesThat(resideInAnyPackage("org.springframework..")
                    .or(resideInAnyPackage("org.cyberreport.kit..").and(not(KIT_HANDOFF))))
            .because("the report model and its rules are plain Java, testable without a container; the report "
                    + "holds the kit's hand-off, a plain record whose fields the kit's relay writes");

    @ArchTest
    static final ArchRule theKitsHandoffIsPlainJava = classes().that(KIT_HANDOFF)
            .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.cyberreport.kit.outbox",
                    "org.cyberreport.kit.tracing")
            .because("the report model holds it (the kit's trace contexts, which it reads when made, use no Spring)");

    @ArchTest
    static final ArchRule webDoesNotReachTheStore = noClasses()
            .that().resideInAPackage("..report.web..")
            .should().dependOnClassesThat().resideInAPackage("..report.store..")
            .because("the web layer goes through the report desk, which applies scope and audit");
}
