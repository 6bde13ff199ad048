package io.jenkins.plugins.platformpassword.client;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers apart: the client and the simulator know nothing of Jenkins, so that they
 * build and run with Maven Central alone and can be tested without a Jenkins instance.
 */
class ArchitectureTest {

    private static final String[] JENKINS_PACKAGES = {
        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..", "io.jenkins.plugins.casc.."
    };
    private static final String GLUE = "io.jenkins.plugins.platformpassword";

    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPackages(GLUE);
    }

    @Test
    void clientDoesNotDependOnJenkins() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage(GLUE + ".client..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JENKINS_PACKAGES);
        rule.check(classes);
    }

    @Test
    void simulatorDoesNotDependOnJenkins() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage(GLUE + ".simulator..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(JENKINS_PACKAGES)
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void clientDoesNotDependOnTheGlue() {
        ArchRule rule = noClasses()
                .that()
                .resideInAPackage(GLUE + ".client..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(GLUE);
        rule.check(classes);
    }

    @Test
    void productionCodeDoesNotDependOnTestCode() {
        JavaClasses production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(GLUE);
        ArchRule rule = noClasses().should().dependOnClassesThat().resideInAPackage(GLUE + ".simulator..");
        rule.check(production);
    }
}
