package org.cyberreport.triage;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

@AnalyzeClasses(packages = "org.cyberreport.triage", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule domainHasNoSpring = noClasses()
            .that().resideInAnyPackage("org.cyberreport.triage.casework", "org.cyberreport.triage.scoring",
                    "org.cyberreport.triage.report")
            .and().haveSimpleNameNotEndingWith("Endpoint")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.cyberreport.kit..")
            .because("cases, scoring and the report copy are plain Java, testable without a container");

    @ArchTest
    static final ArchRule normalisationHasNoSpring = noClasses()
            .that().haveSimpleName("IndicatorNormaliser").or().haveSimpleName("Indicators")
            .should().dependOnClassesThat().resideInAnyPackage("org.springframework..")
            .because("normalisation is a pure function of the identifier");

    @ArchTest
    static final ArchRule webGoesThroughTheDesk = noClasses()
            .that().resideInAPackage("..casework.web..")
            .should().dependOnClassesThat().resideInAnyPackage("..casework.store..", "..correlation..")
            .because("the desk applies the country scope and the audit");
}
