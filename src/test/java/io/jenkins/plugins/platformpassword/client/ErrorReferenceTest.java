package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import com.github.javaparser.ast.Node;
import com.github.javaparser.ast.body.MethodDeclaration;
import com.github.javaparser.ast.expr.AssignExpr;
import com.github.javaparser.ast.expr.BinaryExpr;
import com.github.javaparser.ast.expr.Expression;
import com.github.javaparser.ast.expr.MethodCallExpr;
import com.github.javaparser.ast.expr.ObjectCreationExpr;
import com.github.javaparser.ast.expr.StringLiteralExpr;
import com.github.javaparser.ast.expr.TextBlockLiteralExpr;
import com.github.javaparser.ast.stmt.ReturnStmt;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/errors.md} explains every message the plugin can show a person, and stays so: this
 * test fails when a message is added (or reworded) without its entry.
 *
 * <ul>
 * <li>Every key of the glue's {@code Messages.properties} must appear in the reference, in
 *     backticks ({@code `Run.SameCredential`}).</li>
 * <li>Every text the client writes into a failure (the problem of an {@code InvalidInputException},
 *     the message of a {@code PlatformException}, {@code RotationException} or transport failure,
 *     a lookup or protocol failure, the hints that follow "what the platform said", the pre-flight
 *     findings) must appear in the reference word for word: its leading literal, the part of the
 *     message that does not depend on the case, is what a person searches the reference for.</li>
 * </ul>
 *
 * <p>Like {@link WebMethodSecurityTest} it reads sources rather than classes, so that it runs in the
 * Central-only build.
 */
class ErrorReferenceTest {

    /** Calls whose argument at this index is a message a person reads. */
    private static final List<MessageArgument> MESSAGE_ARGUMENTS = List.of(
            new MessageArgument("InvalidInputException", 1),
            new MessageArgument("PlatformException", 1),
            new MessageArgument("RotationException", 0),
            new MessageArgument("RotationStoreException", 0),
            new MessageArgument("TransportFailure", 1),
            new MessageArgument("protocol", 2),
            new MessageArgument("lookup", 1),
            new MessageArgument("proxyRefused", 1));

    /** Shorter literals are glue ("Could not ", ": HTTP "), not something a person looks up. */
    private static final int MIN_WORDS = 3;

    @Test
    void everyGlueMessageKeyHasAnEntry() throws IOException {
        String reference = reference();
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(resources().resolve("Messages.properties"))) {
            messages.load(in);
        }

        Set<String> missing = new TreeSet<>();
        for (String key : messages.stringPropertyNames()) {
            if (!reference.contains("`" + key + "`")) {
                missing.add(key);
            }
        }

        assertThat(messages).as("keys found in Messages.properties").hasSizeGreaterThan(40);
        assertThat(missing)
                .as("Messages.properties keys without an entry in docs/errors.md")
                .isEmpty();
    }

    @Test
    void everyClientMessageHasAnEntry() throws IOException {
        String reference = normalised(reference());
        Set<String> texts = clientMessageTexts();

        Set<String> missing = new TreeSet<>();
        for (String text : texts) {
            if (!reference.contains(normalised(text))) {
                missing.add(text);
            }
        }

        assertThat(texts).as("message texts found in the client's sources").hasSizeGreaterThan(60);
        assertThat(missing)
                .as("client message texts without an entry in docs/errors.md")
                .isEmpty();
    }

    @Test
    void theScanFindsTheMessagesOfEveryKind() {
        CompilationUnit unit = WebMethodSecurityTest.WebMethodChecker.parse("class A {"
                + " void a() { throw new InvalidInputException(FIELD, \"is empty; enter the id\"); }"
                + " String forbiddenHint() { return \"The API client lacks the right.\"; }"
                + " void b() { hint = \"The platform asks to slow down.\" + x; }"
                + " void c() { throw Failures.protocol(this, 200, \"the answer has no id\" + y); }"
                + " void d() { throw new InvalidInputException(FIELD, \"x\"); } }");

        assertThat(messageTexts(unit))
                .containsExactlyInAnyOrder(
                        "is empty; enter the id",
                        "The API client lacks the right.",
                        "The platform asks to slow down.",
                        "the answer has no id");
    }

    static Set<String> clientMessageTexts() throws IOException {
        Set<String> texts = new TreeSet<>();
        Path client = WebMethodSecurityTest.glueSources().resolve("client");
        try (Stream<Path> files = Files.walk(client)) {
            for (Path file :
                    files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
                texts.addAll(messageTexts(WebMethodSecurityTest.WebMethodChecker.parse(file)));
            }
        }
        return texts;
    }

    private static List<String> messageTexts(CompilationUnit unit) {
        List<Expression> messages = new ArrayList<>();
        for (ObjectCreationExpr creation : unit.findAll(ObjectCreationExpr.class)) {
            argument(creation.getTypeAsString(), creation.getArguments()).ifPresent(messages::add);
        }
        for (MethodCallExpr call : unit.findAll(MethodCallExpr.class)) {
            boolean failures = call.getScope()
                    .map(scope -> scope.toString().equals("Failures"))
                    .orElse(false);
            if (failures) {
                argument(call.getNameAsString(), call.getArguments()).ifPresent(messages::add);
            }
        }
        for (AssignExpr assign : unit.findAll(AssignExpr.class)) {
            String target = assign.getTarget().toString();
            if (target.equals("hint") || target.equals("message")) {
                messages.add(assign.getValue());
            }
        }
        for (MethodDeclaration method : unit.findAll(MethodDeclaration.class)) {
            String name = method.getNameAsString();
            if (name.endsWith("Hint") || name.equals("explain")) {
                method.findAll(ReturnStmt.class).forEach(r -> r.getExpression().ifPresent(messages::add));
            }
        }
        List<String> texts = new ArrayList<>();
        for (Expression message : messages) {
            leadingLiteral(message)
                    .map(text -> text.replaceFirst("^[^\\p{L}]+", "").strip()) // ": could not ..." follows a prefix
                    .filter(text -> text.split("\\s+").length >= MIN_WORDS)
                    .ifPresent(texts::add);
        }
        return texts;
    }

    private static Optional<Expression> argument(String called, List<Expression> arguments) {
        return MESSAGE_ARGUMENTS.stream()
                .filter(m -> m.called().equals(called) && arguments.size() > m.index())
                .map(m -> arguments.get(m.index()))
                .findFirst();
    }

    /** The first literal of a message: the whole literal, or the left end of a concatenation. */
    private static Optional<String> leadingLiteral(Node expression) {
        if (expression instanceof StringLiteralExpr literal) {
            return Optional.of(literal.asString());
        }
        if (expression instanceof TextBlockLiteralExpr block) {
            return Optional.of(block.asString());
        }
        if (expression instanceof BinaryExpr binary && binary.getOperator() == BinaryExpr.Operator.PLUS) {
            Optional<String> left = leadingLiteral(binary.getLeft());
            return left.isPresent() ? left : leadingLiteral(binary.getRight());
        }
        if (expression instanceof com.github.javaparser.ast.expr.ConditionalExpr conditional) {
            return leadingLiteral(conditional.getThenExpr());
        }
        if (expression instanceof com.github.javaparser.ast.expr.EnclosedExpr enclosed) {
            return leadingLiteral(enclosed.getInner());
        }
        return Optional.empty();
    }

    /** Whitespace and Markdown's backslash escapes do not count; backticks do not either. */
    private static String normalised(String text) {
        return text.replace("\\|", "|").replace("`", "").replaceAll("\\s+", " ");
    }

    private static String reference() throws IOException {
        Path docs = WebMethodSecurityTest.glueSources();
        for (int up = 0; up < 7; up++) {
            docs = docs.getParent();
        }
        return Files.readString(docs.resolve("docs/errors.md"), StandardCharsets.UTF_8);
    }

    private static Path resources() {
        Path glue = WebMethodSecurityTest.glueSources(); // .../src/main/java/io/jenkins/plugins/platformpassword
        return glue.getParent()
                .getParent()
                .getParent()
                .getParent()
                .getParent()
                .resolve("resources/io/jenkins/plugins/platformpassword");
    }

    private record MessageArgument(String called, int index) {}
}
