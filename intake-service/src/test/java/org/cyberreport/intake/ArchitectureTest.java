package org.cyberreport.intake;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.cyberreport.intake", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainHasNoSpring = noClasses()
            .that().resideInAnyPackage("org.cyberreport.intake.report", "org.cyberreport.intake.report.validation")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.cyberreport.kit..")
            .because("the report model and its rules are plain Java, testable without a container");

    @ArchTest
    static final ArchRule webDoesNotReachTheStore = noClasses()
            .that().resideInAPackage("..report.web..")
            .should().dependOnClassesThat().resideInAPackage("..report.store..")
            .because("the web layer goes through the report desk, which applies scope and audit");
}
