package io.jenkins.plugins.platformpassword.client;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the layers apart: the client and the simulator know nothing of Jenkins, so that they
 * build and run with Maven Central alone and can be tested without a Jenkins instance; and inside
 * the client, each part depends only on the parts below it:
 *
 * <pre>
 * rotation   users   passwords   platforms      what the step does with the client (features)
 *                client                         the API client: inputs, operations, failures, the call loop
 *         tokens          transport             access tokens; HTTP, connections, proxies, TLS
 *                secrets                        secret values, redaction, what may be quoted
 * </pre>
 */
class ArchitectureTest {

    private static final String[] JENKINS_PACKAGES = {
        "hudson..", "jenkins..", "org.kohsuke..", "org.jenkinsci..", "com.cloudbees..", "io.jenkins.plugins.casc.."
    };
    private static final String GLUE = "io.jenkins.plugins.platformpassword";

    private static JavaClasses classes;
    /** The layers inside the client are about production code; tests may reach across them. */
    private static JavaClasses production;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().importPackages(GLUE);
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(GLUE);
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

    private static final String CLIENT = GLUE + ".client";
    private static final String[] FEATURES = {
        CLIENT + ".rotation..", CLIENT + ".users..", CLIENT + ".passwords..", CLIENT + ".platforms.."
    };

    @Test
    void secretsDependOnNoOtherPartOfThePlugin() {
        noClasses()
                .that()
                .resideInAPackage(CLIENT + ".secrets..")
                .should()
                .dependOnClassesThat(resideInAPackage(GLUE + "..").and(not(resideInAPackage(CLIENT + ".secrets.."))))
                .check(production);
    }

    @Test
    void transportAndTokensDependOnlyOnSecrets() {
        for (String part : new String[] {CLIENT + ".transport..", CLIENT + ".tokens.."}) {
            noClasses()
                    .that()
                    .resideInAPackage(part)
                    .should()
                    .dependOnClassesThat(
                            resideInAPackage(GLUE + "..").and(not(resideInAnyPackage(part, CLIENT + ".secrets.."))))
                    .check(production);
        }
    }

    @Test
    void theClientsCoreDependsOnNoFeature() {
        noClasses()
                .that()
                .resideInAPackage(CLIENT)
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(FEATURES)
                .check(production);
    }

    @Test
    void featuresDoNotDependOnEachOther() {
        for (String feature : FEATURES) {
            String[] others = java.util.Arrays.stream(FEATURES)
                    .filter(other -> !other.equals(feature))
                    .toArray(String[]::new);
            noClasses()
                    .that()
                    .resideInAPackage(feature)
                    .should()
                    .dependOnClassesThat()
                    .resideInAnyPackage(others)
                    .check(production);
        }
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
