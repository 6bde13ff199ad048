package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule for every field that Jenkins stores in XML: it has no initialiser. Jenkins reads
 * {@code config.xml}, {@code build.xml} and the global configuration with XStream, which runs no
 * constructor and no initialiser, so an element missing from the file (a job made with the REST
 * API or Job DSL, or saved before the field existed) would come back as null, false or 0 and
 * silently replace the default. Defaults belong in the getters, where a null means "the default";
 * {@code StoredDefaultsTest} (JenkinsRule) proves that through Jenkins' own XML loading.
 *
 * <p>Like {@link WebMethodSecurityTest} it reads the glue's sources, so that it runs in the
 * Central-only build, which cannot compile the glue.
 */
class PersistedFieldDefaultsTest {

    /** Types whose subclasses Jenkins persists with XStream. */
    private static final Set<String> PERSISTED_SUPERTYPES = Set.of(
            "Builder",
            "GlobalConfiguration",
            "AbstractFolderProperty",
            "AbstractDescribableImpl",
            "RunAction2",
            "Action",
            "SimpleBuildStep");

    @Test
    void noPersistedFieldOfTheGlueHasAnInitialiser() throws IOException {
        List<String> violations = new ArrayList<>();
        List<String> checked = new ArrayList<>();
        try (Stream<Path> files = Files.list(WebMethodSecurityTest.glueSources())) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                CompilationUnit unit = WebMethodSecurityTest.WebMethodChecker.parse(file);
                for (TypeDeclaration<?> type : persistedTypes(unit)) {
                    checked.add(type.getNameAsString());
                    violations.addAll(initialisedFields(type));
                }
            }
        }

        assertThat(checked)
                .as("persisted glue types found; fewer means the scan no longer sees them")
                .contains(
                        "ChangePlatformPasswordStep",
                        "PlatformPasswordConfiguration",
                        "PasswordChangeSummary",
                        "Entry",
                        "PlatformDefinition",
                        "FolderPlatforms");
        assertThat(violations)
                .as("persisted fields with an initialiser (XStream skips it: put the default in the getter)")
                .isEmpty();
    }

    @Test
    void theRuleFindsAnInitialisedField() {
        CompilationUnit unit = WebMethodSecurityTest.WebMethodChecker.parse(
                "class Step extends Builder { private int length = 24; private transient Object cache = new Object();"
                        + " private static final int MAX = 3; private String id; }");

        List<String> violations = new ArrayList<>();
        persistedTypes(unit).forEach(type -> violations.addAll(initialisedFields(type)));

        assertThat(violations).containsExactly("Step.length");
    }

    /** Types that extend or implement a persisted Jenkins type, and every type nested in one (such as a summary's entries). */
    private static List<TypeDeclaration<?>> persistedTypes(CompilationUnit unit) {
        List<TypeDeclaration<?>> persisted = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            if (!type.isInterface() && isPersisted(type) && !isDescriptor(type)) {
                persisted.add(type);
                type.findAll(ClassOrInterfaceDeclaration.class).stream()
                        .filter(nested -> nested != type && !nested.isInterface() && !isDescriptor(nested))
                        .forEach(persisted::add);
            }
        }
        return persisted.stream().distinct().toList();
    }

    private static boolean isPersisted(ClassOrInterfaceDeclaration type) {
        return Stream.concat(type.getExtendedTypes().stream(), type.getImplementedTypes().stream())
                .map(ClassOrInterfaceType::getNameAsString)
                .anyMatch(PERSISTED_SUPERTYPES::contains);
    }

    /** A step's descriptor is a singleton Jenkins creates itself; its fields are never read from a job's XML. */
    private static boolean isDescriptor(ClassOrInterfaceDeclaration type) {
        return type.getExtendedTypes().stream()
                .map(ClassOrInterfaceType::getNameAsString)
                .anyMatch(name -> name.endsWith("Descriptor") && !name.equals("GlobalConfiguration"));
    }

    private static List<String> initialisedFields(TypeDeclaration<?> type) {
        List<String> found = new ArrayList<>();
        for (FieldDeclaration field : type.getFields()) {
            if (field.isStatic() || field.isTransient()) {
                continue;
            }
            for (VariableDeclarator variable : field.getVariables()) {
                if (variable.getInitializer().isPresent()) {
                    found.add(type.getNameAsString() + "." + variable.getNameAsString());
                }
            }
        }
        return found;
    }
}
