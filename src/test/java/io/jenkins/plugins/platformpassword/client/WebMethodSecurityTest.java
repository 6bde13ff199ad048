package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.github.javaparser.JavaParser;
import com.github.javaparser.ParseResult;
import com.github.javaparser.ParserConfiguration;
import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.ClassOrInterfaceDeclaration;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.body.TypeDeclaration;
import com.github.javaparser.ast.expr.AnnotationExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.FieldAccessExpr;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.NameExpr;
import com.github.javaparser.ast.stmt.ExpressionStmt;
import com.github.javaparser.ast.stmt.IfStmt;
import com.github.javaparser.ast.stmt.Statement;
import com.github.javaparser.ast.type.ClassOrInterfaceType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every web method of every descriptor in the Jenkins glue is POST-only and checks permissions
 * before it does anything else, so that no one can list credential ids, probe them, or make
 * Jenkins send a stored secret to a URL of their choosing by a GET (CSRF) or without the right
 * to configure.
 *
 * <p>It reads the glue's sources with JavaParser rather than its classes, so it runs in the
 * Central-only build, which cannot compile the glue. It lives in the client's test package for
 * that reason; it must not import Jenkins (or glue) classes.
 */
class WebMethodSecurityTest {

    private static final String GLUE_PACKAGE_DIR = "src/main/java/io/jenkins/plugins/platformpassword";

    @Test
    void everyDescriptorWebMethodIsPostOnlyAndChecksPermissionsFirst() throws IOException {
        Path glue = glueSources();
        List<WebMethod> found = new ArrayList<>();
        try (Stream<Path> files = Files.list(glue)) {
            for (Path file : files.filter(f -> f.getFileName().toString().endsWith(".java"))
                    .sorted()
                    .toList()) {
                found.addAll(WebMethodChecker.scan(file.getFileName().toString(), WebMethodChecker.parse(file)));
            }
        }

        List<String> violations = found.stream()
                .filter(WebMethod::isViolation)
                .map(WebMethod::report)
                .toList();
        if (!violations.isEmpty()) {
            fail(violations.size() + " web method(s) in " + glue + " break the rules (@POST or @RequirePOST, "
                    + "permission check as the first statement):\n  " + String.join("\n  ", violations));
        }

        Map<String, Long> perClass =
                found.stream().collect(Collectors.groupingBy(WebMethod::owner, TreeMap::new, Collectors.counting()));
        assertThat(found)
                .as("web methods found in %s (per class: %s); fewer means the scan no longer sees them", glue, perClass)
                .hasSizeGreaterThanOrEqualTo(10);
        assertThat(perClass)
                .as("web methods per descriptor class")
                .containsKeys("ChangePlatformPasswordStep.DescriptorImpl", "PlatformPasswordConfiguration");
        assertThat(perClass.get("ChangePlatformPasswordStep.DescriptorImpl")).isGreaterThanOrEqualTo(1);
        assertThat(perClass.get("PlatformPasswordConfiguration")).isGreaterThanOrEqualTo(1);
    }

    /** The checker can fail: a method without {@code @POST} and one whose permission check comes second are reported. */
    @Test
    void theCheckerReportsMissingPostAndLatePermissionChecks() {
        String source = """
                package demo;

                import org.kohsuke.stapler.verb.POST;
                import org.kohsuke.stapler.interceptor.RequirePOST;

                public class Demo extends Builder {

                    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

                        public FormValidation doCheckName(@QueryParameter String value) {
                            if (!FormPermissions.mayConfigure(null)) {
                                return FormValidation.ok();
                            }
                            return FormValidation.ok();
                        }

                        @POST
                        public FormValidation doTestThing(@QueryParameter String url) {
                            String target = url.trim();
                            FormPermissions.checkConfigure(null);
                            return FormValidation.ok(target);
                        }

                        @RequirePOST
                        public ListBoxModel doFillGoodItems() {
                            Jenkins.get().checkPermission(Jenkins.ADMINISTER);
                            return new ListBoxModel();
                        }

                        @POST
                        public FormValidation doCheckAlsoGood(@AncestorInPath Item item) {
                            if (item == null || !item.hasPermission(Item.CONFIGURE)) {
                                return FormValidation.ok();
                            }
                            return FormValidation.ok();
                        }

                        public String getDisplayName() {
                            return "Demo";
                        }

                        public void download() {
                        }
                    }
                }

                class NotADescriptor {
                    public void doAnything() {
                    }
                }
                """;

        List<WebMethod> found = WebMethodChecker.scan("Demo.java", WebMethodChecker.parse(source));

        assertThat(found)
                .extracting(WebMethod::name)
                .containsExactlyInAnyOrder("doCheckName", "doTestThing", "doFillGoodItems", "doCheckAlsoGood");
        List<String> violations = found.stream()
                .filter(WebMethod::isViolation)
                .map(WebMethod::report)
                .toList();
        assertThat(violations).hasSize(2);
        assertThat(violations)
                .anySatisfy(v -> assertThat(v)
                        .contains("Demo.DescriptorImpl.doCheckName", "line " + lineOf(source, "doCheckName("), "@POST")
                        .doesNotContain("first statement"));
        assertThat(violations)
                .anySatisfy(v -> assertThat(v)
                        .contains(
                                "Demo.DescriptorImpl.doTestThing",
                                "line " + lineOf(source, "doTestThing("),
                                "first statement")
                        .doesNotContain("not annotated"));
    }

    /** Descriptors are recognised by their superclass or their name, nested ones included; other classes are ignored. */
    @Test
    void theCheckerRecognisesDescriptorsBySyntax() {
        String source = """
                package demo;

                public class Config extends GlobalConfiguration {
                    public void doA() {}

                    static class Plain extends Descriptor<Thing> { public void doB() {} }
                    static class Step extends StepDescriptor { public void doC() {} }
                    static class Custom extends MyOwnDescriptor<Thing> { public void doD() {} }
                    static class Qualified extends hudson.model.Descriptor<Thing> { public void doE() {} }
                    static class DescriptorImpl extends Something { public void doF() {} }
                    static class NotOne extends Something { public void doG() {} }
                    static class Outer { static class DescriptorImpl { public void doH() {} } }
                }
                """;

        List<WebMethod> found = WebMethodChecker.scan("Config.java", WebMethodChecker.parse(source));

        assertThat(found)
                .extracting(m -> m.owner() + "." + m.name())
                .containsExactlyInAnyOrder(
                        "Config.doA",
                        "Config.Plain.doB",
                        "Config.Step.doC",
                        "Config.Custom.doD",
                        "Config.Qualified.doE",
                        "Config.DescriptorImpl.doF",
                        "Config.Outer.DescriptorImpl.doH");
        assertThat(found).allSatisfy(m -> assertThat(m.problems()).hasSize(2)); // no @POST, empty body
    }

    private static int lineOf(String source, String text) {
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(text)) {
                return i + 1;
            }
        }
        throw new AssertionError("not in the source: " + text);
    }

    /**
     * The glue's sources. Maven runs tests in the module's directory: {@code offline/} for the
     * Central-only build, the project root for the real one.
     */
    static Path glueSources() {
        List<Path> candidates = List.of(Path.of("..", GLUE_PACKAGE_DIR), Path.of(GLUE_PACKAGE_DIR));
        for (Path candidate : candidates) {
            if (Files.isRegularFile(candidate.resolve("ChangePlatformPasswordStep.java"))) {
                return candidate.toAbsolutePath().normalize();
            }
        }
        throw new AssertionError("Cannot find the glue sources (ChangePlatformPasswordStep.java) in any of "
                + candidates.stream()
                        .map(p -> p.toAbsolutePath().normalize().toString())
                        .toList()
                + "; the working directory is " + Path.of("").toAbsolutePath());
    }

    /** One web method of a descriptor and what is wrong with it (nothing, when {@code problems} is empty). */
    record WebMethod(String file, String owner, String name, int line, List<String> problems) {

        boolean isViolation() {
            return !problems.isEmpty();
        }

        String report() {
            return file + ": " + owner + "." + name + " (line " + line + "): " + String.join("; ", problems);
        }
    }

    /** Finds descriptors' web methods by syntax alone and checks their annotations and first statement. */
    static final class WebMethodChecker {

        private static final Pattern WEB_METHOD = Pattern.compile("do[A-Z].*");
        private static final Set<String> DESCRIPTOR_SUPERCLASSES =
                Set.of("Descriptor", "BuildStepDescriptor", "GlobalConfiguration", "StepDescriptor");
        private static final Set<String> POST_ANNOTATIONS = Set.of("POST", "RequirePOST");
        private static final Set<String> PERMISSION_METHODS = Set.of("checkPermission", "hasPermission");
        private static final String PERMISSION_CLASS = "FormPermissions";

        private WebMethodChecker() {}

        private static JavaParser parser() {
            return new JavaParser(
                    new ParserConfiguration().setLanguageLevel(ParserConfiguration.LanguageLevel.JAVA_17));
        }

        static CompilationUnit parse(Path file) throws IOException {
            return parsed(parser().parse(file), file.toString());
        }

        static CompilationUnit parse(String source) {
            return parsed(parser().parse(source), "<in-memory source>");
        }

        private static CompilationUnit parsed(ParseResult<CompilationUnit> result, String what) {
            if (!result.isSuccessful() || result.getResult().isEmpty()) {
                throw new AssertionError("JavaParser cannot parse " + what + ": " + result.getProblems());
            }
            return result.getResult().get();
        }

        static List<WebMethod> scan(String file, CompilationUnit unit) {
            List<WebMethod> found = new ArrayList<>();
            for (ClassOrInterfaceDeclaration type : unit.findAll(ClassOrInterfaceDeclaration.class)) {
                if (!isDescriptor(type)) {
                    continue;
                }
                for (MethodDeclaration method : type.getMethods()) {
                    if (WEB_METHOD.matcher(method.getNameAsString()).matches()) {
                        found.add(new WebMethod(
                                file,
                                ownerName(type),
                                method.getNameAsString(),
                                method.getName().getBegin().map(p -> p.line).orElse(-1),
                                problems(method)));
                    }
                }
            }
            return found;
        }

        static boolean isDescriptor(ClassOrInterfaceDeclaration type) {
            if (type.isInterface()) {
                return false;
            }
            if (type.getNameAsString().equals("DescriptorImpl")) {
                return true;
            }
            for (ClassOrInterfaceType superclass : type.getExtendedTypes()) {
                String name = superclass.getNameAsString(); // the simple name, also for hudson.model.Descriptor
                if (DESCRIPTOR_SUPERCLASSES.contains(name) || name.endsWith("Descriptor")) {
                    return true;
                }
            }
            return false;
        }

        private static List<String> problems(MethodDeclaration method) {
            List<String> problems = new ArrayList<>();
            boolean postOnly = method.getAnnotations().stream()
                    .map(AnnotationExpr::getName)
                    .anyMatch(name -> POST_ANNOTATIONS.contains(name.getIdentifier()));
            if (!postOnly) {
                problems.add("not annotated @POST or @RequirePOST (a GET would run it, e.g. by CSRF)");
            }
            List<Statement> statements = method.getBody()
                    .map(body -> body.getStatements().stream().toList())
                    .orElse(List.of());
            if (statements.isEmpty()) {
                problems.add("has no statements, so its first statement is not a permission check");
            } else if (!isPermissionCheck(statements.get(0))) {
                Statement first = statements.get(0);
                problems.add("first statement is not a permission check (checkPermission, hasPermission or "
                        + PERMISSION_CLASS + ".*) but, at line "
                        + first.getBegin().map(p -> p.line).orElse(-1)
                        + ": " + first.toString().lines().findFirst().orElse("").strip());
            }
            return problems;
        }

        /** {@code if (...permission call...)} or a statement that is itself a permission call. */
        static boolean isPermissionCheck(Statement statement) {
            if (statement instanceof IfStmt ifStmt) {
                Expression condition = ifStmt.getCondition();
                return Stream.concat(Stream.of(condition), condition.findAll(MethodCallExpr.class).stream())
                        .filter(MethodCallExpr.class::isInstance)
                        .map(MethodCallExpr.class::cast)
                        .anyMatch(WebMethodChecker::isPermissionCall);
            }
            if (statement instanceof ExpressionStmt expression) {
                return expression.getExpression() instanceof MethodCallExpr call && isPermissionCall(call);
            }
            return false;
        }

        private static boolean isPermissionCall(MethodCallExpr call) {
            if (PERMISSION_METHODS.contains(call.getNameAsString())) {
                return true;
            }
            return call.getScope()
                    .map(scope -> {
                        if (scope instanceof NameExpr name) {
                            return name.getNameAsString().equals(PERMISSION_CLASS);
                        }
                        if (scope
                                instanceof
                                FieldAccessExpr qualified) { // io.jenkins.plugins.platformpassword.FormPermissions
                            return qualified.getNameAsString().equals(PERMISSION_CLASS);
                        }
                        return false;
                    })
                    .orElse(false);
        }

        /** The class's name with its enclosing classes, e.g. {@code ChangePlatformPasswordStep.DescriptorImpl}. */
        private static String ownerName(ClassOrInterfaceDeclaration type) {
            List<String> names = new ArrayList<>();
            Node node = type;
            while (node != null) {
                if (node instanceof TypeDeclaration<?> declaration) {
                    names.add(0, declaration.getNameAsString());
                }
                node = node.getParentNode().orElse(null);
            }
            return String.join(".", names);
        }
    }
}
