package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.FieldDeclaration;
import com.github.javaparser.ast.body.VariableDeclarator;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The rule for every field that Jenkins stores in XML: reading it from a file that lacks its
 * element gives its default. Jenkins reads {@code config.xml}, {@code build.xml} and the global
 * configuration with XStream, which runs no constructor and no initialiser, so a missing element
 * (a job made with the REST API or Job DSL, or saved before the field existed) comes back as null,
 * false or 0. A default that lives only in an initialiser, the constructor or {@code config.jelly}
 * is lost; a primitive can only come back as false or 0.
 *
 * <p>The rule, checked on the glue's sources (the offline build cannot compile the glue):
 *
 * <ol>
 *   <li><b>Which classes are stored.</b> Every glue class, nested ones included, with an instance
 *       field that is neither static nor transient is presumed stored, unless {@link #NOT_STORED}
 *       says why Jenkins never writes it. So a new stored class is caught whatever it extends.
 *       Extending a type Jenkins persists ({@link #PERSISTED_SUPERTYPES}) contradicts such an
 *       entry and fails. Records and enums are left out: XStream cannot read records back, and
 *       enums are stored by name.
 *   <li><b>Every stored field</b> (not static, not transient):
 *       <ol type="a">
 *         <li>has no initialiser;
 *         <li>is a reference type ({@code Boolean}, {@code Integer}, {@code String}, an enum, a
 *             list) whose null the getter reads as the default; or it is listed in
 *             {@link #ZERO_IS_THE_DEFAULT} with the reason why false or 0 is right when the element
 *             is missing;
 *         <li>if it is listed there, its class's {@code config.jelly} gives it no {@code default=},
 *             because a form default would then differ from what XStream reads.
 *       </ol>
 * </ol>
 *
 * <p>So a new safety switch {@code private boolean checkX;} with {@code default="true"} only in the
 * form fails (2b) until it becomes a {@code Boolean} whose null means on, or someone writes down
 * why off is right, and then fails 2c while the form still says on. What this cannot check is that
 * a getter really turns null into the default: {@code StoredDefaultsTest} (JenkinsRule) does that
 * through Jenkins' own XML loading.
 */
class PersistedFieldDefaultsTest {

    /** Glue classes with fields that Jenkins never writes to XML, and why. */
    private static final Map<String, String> NOT_STORED = Map.of(
            "BuildConsole", "wraps one build's console stream, made per step run",
            "ConnectionTest", "one Test connection press",
            "CredentialRotationStore", "one rotation's view of a credentials store, made per step run",
            "JenkinsCredentials", "one build's credential look-ups",
            "JenkinsProxy", "Jenkins' proxy settings, read afresh for each build",
            "PasswordChangeRun", "one step run",
            "PasswordChangeRun.Outcomes", "one step run's outcomes; the summary's entries are stored instead",
            "SameIdCredentials", "one count of the credentials under an id, made per look-up",
            "SystemRotations", "parsed afresh from the stored text of PlatformPasswordConfiguration.rotationAsSystem");

    /** Primitive stored fields, and why the false or 0 of a missing element is the right value. */
    private static final Map<String, String> ZERO_IS_THE_DEFAULT = Map.of(
            "ChangePlatformPasswordStep.dryRun",
            "off: a real change, as before the field existed and as the form's unticked box",
            "ChangePlatformPasswordStep.generatePassword",
            "off: the password comes from the credential; generating would rewrite a credential unasked",
            "PlatformPasswordConfiguration.allowPlainHttp",
            "off: the administrator's opt-in to unencrypted traffic; missing must never mean allowed",
            "PasswordChangeSummary.Entry.time",
            "set by the only constructor with every other field; every entry the plugin ever wrote has it",
            "PasswordChangeSummary.Entry.attempts",
            "set by the only constructor with every other field; every entry the plugin ever wrote has it");

    /** Jenkins types whose subclasses XStream stores; a cross-check of {@link #NOT_STORED} only. */
    private static final Set<String> PERSISTED_SUPERTYPES = Set.of(
            "AbstractDescribableImpl",
            "AbstractFolderProperty",
            "Action",
            "Builder",
            "BuildWrapper",
            "Describable",
            "Descriptor",
            "GlobalConfiguration",
            "InvisibleAction",
            "JobProperty",
            "NodeProperty",
            "Notifier",
            "ParameterDefinition",
            "ParameterValue",
            "Publisher",
            "Recorder",
            "RunAction2",
            "SimpleBuildStep",
            "SimpleBuildWrapper",
            "Step");

    private static final Pattern FORM_FIELD =
            Pattern.compile("<f:entry\\b[^>]*\\bfield=\"(\\w+)\"[^>]*>(.*?)</f:entry>", Pattern.DOTALL);

    @Test
    void everyStoredFieldOfTheGlueHasADeserialisationDefault() throws IOException {
        Path glue = WebMethodSecurityTest.glueSources();
        Map<String, Set<String>> formDefaults = formDefaults(glue);
        List<String> classes = new ArrayList<>();
        List<String> fields = new ArrayList<>();
        List<String> stored = new ArrayList<>();
        List<String> violations = new ArrayList<>();
        try (Stream<Path> files = Files.list(glue)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                CompilationUnit unit = WebMethodSecurityTest.WebMethodChecker.parse(file);
                for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                    classes.add(name(type));
                    storedFields(type)
                            .forEach(field -> field.getVariables()
                                    .forEach(variable -> fields.add(name(type) + "." + variable.getNameAsString())));
                }
                classesWithStoredFields(unit).forEach(type -> stored.add(name(type)));
                violations.addAll(violations(unit, formDefaults));
            }
        }

        assertThat(formDefaults.get("ChangePlatformPasswordStep"))
                .as("form defaults found in the step's config.jelly; none means the scan no longer sees them")
                .contains("checkPasswordLength", "checkCompromised", "passwordLength");
        assertThat(classes).as("classes listed as not stored must exist").containsAll(NOT_STORED.keySet());
        assertThat(fields)
                .as("fields listed as defaulting to false or 0 must exist")
                .containsAll(ZERO_IS_THE_DEFAULT.keySet());

        assertThat(stored)
                .as("stored glue types found; fewer means the scan no longer sees them")
                .contains(
                        "ChangePlatformPasswordStep",
                        "PlatformPasswordConfiguration",
                        "PasswordChangeSummary",
                        "PasswordChangeSummary.Entry",
                        "PlatformDefinition",
                        "FolderPlatforms");
        assertThat(violations)
                .as("stored fields without a default that survives XStream (see this test's javadoc)")
                .isEmpty();
    }

    @Test
    void aPrimitiveSafetySwitchWhoseDefaultIsOnlyInTheFormOrConstructorFails() {
        CompilationUnit unit = WebMethodSecurityTest.WebMethodChecker.parse(
                "class Step extends Builder { private boolean checkX; private Boolean checkY; private String id;"
                        + " Step() { checkX = true; } }");

        assertThat(violations(unit, Map.of("Step", Set.of("checkX"))))
                .containsExactly("Step.checkX: a primitive reads as false or 0 when its element is missing;"
                        + " make it a reference type whose null means the default, or list it in"
                        + " ZERO_IS_THE_DEFAULT with a reason");
    }

    @Test
    void anInitialisedFieldAndAFormDefaultOnAListedPrimitiveFail() {
        CompilationUnit unit = WebMethodSecurityTest.WebMethodChecker.parse(
                "class ChangePlatformPasswordStep extends Builder { private Integer length = 24;"
                        + " private transient Object cache = new Object(); private static final int MAX = 3;"
                        + " private boolean dryRun; }");

        assertThat(violations(unit, Map.of("ChangePlatformPasswordStep", Set.of("dryRun"))))
                .containsExactly(
                        "ChangePlatformPasswordStep.length: has an initialiser, which XStream skips",
                        "ChangePlatformPasswordStep.dryRun: config.jelly gives it a default, which XStream"
                                + " cannot give a primitive");
    }

    @Test
    void aNewClassWithFieldsIsPresumedStoredWhateverItExtends() {
        CompilationUnit unit =
                WebMethodSecurityTest.WebMethodChecker.parse("class Marker extends SomethingNew { private int level; }"
                        + " class JenkinsProxy extends InvisibleAction { private String host; }");

        assertThat(violations(unit, Map.of()))
                .containsExactlyInAnyOrder(
                        "Marker.level: a primitive reads as false or 0 when its element is missing;"
                                + " make it a reference type whose null means the default, or list it in"
                                + " ZERO_IS_THE_DEFAULT with a reason",
                        "JenkinsProxy: listed as not stored, but extends InvisibleAction, which Jenkins stores");
    }

    private static List<String> violations(CompilationUnit unit, Map<String, Set<String>> formDefaults) {
        List<String> found = new ArrayList<>();
        for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
            String extendsPersisted = persistedSupertype(type);
            if (NOT_STORED.containsKey(name(type)) && extendsPersisted != null) {
                found.add(name(type) + ": listed as not stored, but extends " + extendsPersisted
                        + ", which Jenkins stores");
            }
        }
        for (ClassOrInterfaceDeclaration type : classesWithStoredFields(unit)) {
            for (FieldDeclaration field : storedFields(type)) {
                for (VariableDeclarator variable : field.getVariables()) {
                    found.addAll(fieldViewed(type, variable, formDefaults));
                }
            }
        }
        return found;
    }

    private static List<String> fieldViewed(
            ClassOrInterfaceDeclaration type, VariableDeclarator variable, Map<String, Set<String>> formDefaults) {
        String field = name(type) + "." + variable.getNameAsString();
        List<String> found = new ArrayList<>();
        if (variable.getInitializer().isPresent()) {
            found.add(field + ": has an initialiser, which XStream skips");
        }
        boolean listed = ZERO_IS_THE_DEFAULT.containsKey(field);
        if (variable.getType().isPrimitiveType() && !listed) {
            found.add(field + ": a primitive reads as false or 0 when its element is missing;"
                    + " make it a reference type whose null means the default, or list it in"
                    + " ZERO_IS_THE_DEFAULT with a reason");
        }
        boolean formDefault = formDefaults.getOrDefault(name(type), Set.of()).contains(variable.getNameAsString());
        if (variable.getType().isPrimitiveType() && listed && formDefault) {
            found.add(field + ": config.jelly gives it a default, which XStream cannot give a primitive");
        }
        return found;
    }

    /** Classes that rule 1 presumes stored: any with a non-static, non-transient field, unless listed. */
    private static List<ClassOrInterfaceDeclaration> classesWithStoredFields(CompilationUnit unit) {
        return unit.findAll(ClassOrInterfaceDeclaration.class).stream()
                .filter(type -> !type.isInterface())
                .filter(type -> !storedFields(type).isEmpty())
                .filter(type -> !NOT_STORED.containsKey(name(type)) || persistedSupertype(type) != null)
                .toList();
    }

    private static List<FieldDeclaration> storedFields(ClassOrInterfaceDeclaration type) {
        return type.getFields().stream()
                .filter(field -> !field.isStatic() && !field.isTransient())
                .toList();
    }

    private static String persistedSupertype(ClassOrInterfaceDeclaration type) {
        return Stream.concat(type.getExtendedTypes().stream(), type.getImplementedTypes().stream())
                .map(ClassOrInterfaceType::getNameAsString)
                .filter(PERSISTED_SUPERTYPES::contains)
                .findFirst()
                .orElse(null);
    }

    /** The class's name with its enclosing classes, such as {@code PasswordChangeSummary.Entry}. */
    private static String name(ClassOrInterfaceDeclaration type) {
        StringBuilder name = new StringBuilder(type.getNameAsString());
        Node parent = type.getParentNode().orElse(null);
        while (parent != null) {
            if (parent instanceof ClassOrInterfaceDeclaration outer) {
                name.insert(0, outer.getNameAsString() + ".");
            }
            parent = parent.getParentNode().orElse(null);
        }
        return name.toString();
    }

    /** Per glue class, the fields its {@code config.jelly} gives a {@code default=}. */
    private static Map<String, Set<String>> formDefaults(Path glue) throws IOException {
        Path views = glue.resolve("../../../../../resources/io/jenkins/plugins/platformpassword")
                .normalize();
        assertThat(views.resolve("ChangePlatformPasswordStep/config.jelly"))
                .as("the step's form next to the glue")
                .isRegularFile();
        Map<String, Set<String>> defaults = new HashMap<>();
        try (Stream<Path> dirs = Files.list(views)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Path form = dir.resolve("config.jelly");
                if (!Files.isRegularFile(form)) {
                    continue;
                }
                Matcher entry = FORM_FIELD.matcher(Files.readString(form, StandardCharsets.UTF_8));
                Set<String> fields = new HashSet<>();
                while (entry.find()) {
                    if (entry.group(2).contains("default=")) {
                        fields.add(entry.group(1));
                    }
                }
                defaults.put(dir.getFileName().toString().replace('$', '.'), fields);
            }
        }
        return defaults;
    }
}
