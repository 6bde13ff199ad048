package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.javaparser.ast.CompilationUnit;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/errors.md} explains every message the plugin can show a person, and stays so: this
 * test fails when a message is added (or reworded) without its entry.
 *
 * <p>The rule: what a person searches the reference for must be in it, word for word (whitespace,
 * backticks and Markdown's {@code \\|} do not count).
 *
 * <ul>
 * <li>Every key of the glue's {@code Messages.properties} appears in backticks
 *     ({@code `Run.SameCredential`}), and so do its value's opening words: the first sentence of the
 *     first piece between placeholders that has at least three words.</li>
 * <li>Every message the client writes (the problem of an {@code InvalidInputException}, the message of
 *     a {@code PlatformException}, {@code RotationException} or transport failure, a lookup or protocol
 *     failure, the hints that follow "what the platform said", the pre-flight findings), and every
 *     such text the glue writes without {@code Messages.properties}, appears with its opening words:
 *     the first sentence of its first fixed piece of at least three words. Both branches of a
 *     conditional, the arms of a switch, and the texts that helper methods return count as messages
 *     of their own. {@link MessageScan} says exactly what is read.</li>
 * </ul>
 *
 * <p>Like {@link WebMethodSecurityTest} it reads sources rather than classes, so that it runs in the
 * Central-only build, which does not compile the glue.
 */
class ErrorReferenceTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\d+}");

    @Test
    void everyGlueMessageKeyAndItsOpeningWordsHaveAnEntry() throws IOException {
        String reference = reference();
        String searchable = normalised(reference);
        Properties messages = new Properties();
        try (InputStream in = Files.newInputStream(resources().resolve("Messages.properties"))) {
            messages.load(in);
        }

        Set<String> missing = new TreeSet<>();
        int openings = 0;
        for (String key : messages.stringPropertyNames()) {
            if (!reference.contains("`" + key + "`")) {
                missing.add(key);
            }
            Optional<String> opening = openingWords(messages.getProperty(key));
            if (opening.isPresent()) {
                openings++;
                if (!searchable.contains(normalised(opening.get()))) {
                    missing.add(key + ": " + opening.get());
                }
            }
        }

        assertThat(messages).as("keys found in Messages.properties").hasSizeGreaterThan(40);
        assertThat(openings).as("values with opening words to look up").isGreaterThan(40);
        assertThat(missing)
                .as("Messages.properties keys or opening words without an entry in docs/errors.md")
                .isEmpty();
    }

    @Test
    void everyClientMessageHasAnEntry() throws IOException {
        Set<String> texts = new TreeSet<>();
        try (Stream<Path> files = Files.walk(WebMethodSecurityTest.glueSources().resolve("client"))) {
            for (Path file : javaFiles(files)) {
                texts.addAll(MessageScan.texts(WebMethodSecurityTest.WebMethodChecker.parse(file)));
            }
        }

        assertThat(texts).as("message texts found in the client's sources").hasSizeGreaterThan(100);
        assertThat(withoutEntry(texts))
                .as("client message texts without an entry in docs/errors.md")
                .isEmpty();
    }

    @Test
    void everyGlueTextOutsideMessagesPropertiesHasAnEntry() throws IOException {
        Set<String> texts = new TreeSet<>();
        try (Stream<Path> files = Files.list(WebMethodSecurityTest.glueSources())) {
            for (Path file : javaFiles(files)) {
                texts.addAll(MessageScan.texts(WebMethodSecurityTest.WebMethodChecker.parse(file)));
            }
        }

        assertThat(texts)
                .as("the glue's own texts (CharacterClasses, the pending credential's marker)")
                .contains("is not a character class; use", "names no character class; use some of");
        assertThat(withoutEntry(texts))
                .as("glue texts outside Messages.properties without an entry in docs/errors.md")
                .isEmpty();
    }

    @Test
    void theScanFindsTheMessagesOfEveryKind() {
        CompilationUnit unit = WebMethodSecurityTest.WebMethodChecker.parse("class A {"
                + " void a() { throw new InvalidInputException(FIELD, \"is empty; enter the id\"); }"
                + " String forbiddenHint() { return \"The API client lacks the right.\"; }"
                + " void b() { hint = \"The platform asks to slow down.\" + x; }"
                + " void c() { throw Failures.protocol(this, 200, \"the answer has no id\" + y); }"
                + " void d() { throw new InvalidInputException(FIELD, \"x\"); }"
                + " void e() { throw new RotationException(prefix(u) + \" stopped: \" + m"
                + " + \" The platform refused it.\"); }"
                + " String prefix(String u) { return \"Password rotation for user \" + u; }"
                + " void f() { throw new PlatformException(k,"
                + " s ? \"Redirects are not followed.\" : \"The form was refused.\"); }"
                + " void g() { String what = switch (r) { case A -> \"no complete answer from \" + h;"
                + " default -> \"could not connect to \" + h; };"
                + " throw new TransportFailure(r, what + \" (not quoted here)\"); }"
                + " FormValidation h() { return FormValidation.warning(\"Contains an expression here.\"); } }");

        assertThat(MessageScan.texts(unit))
                .containsExactlyInAnyOrder(
                        "is empty; enter the id",
                        "The API client lacks the right.",
                        "The platform asks to slow down.",
                        "the answer has no id",
                        "The platform refused it.",
                        "Password rotation for user",
                        "Redirects are not followed.",
                        "The form was refused.",
                        "not quoted here)",
                        "no complete answer from",
                        "could not connect to",
                        "Contains an expression here.");
    }

    @Test
    void theOpeningWordsOfAValueAreItsFirstPieceOfThreeWords() {
        assertThat(openingWords("{0}: credential ''{1}'' is gone from its store."))
                .contains("is gone from its store.");
        assertThat(openingWords("{0} Attempt {1} of {2} starts in {3}.")).isEmpty();
        assertThat(openingWords("Password of platform user {0} changed in {1}."))
                .contains("Password of platform user");
    }

    /** The value as MessageFormat writes it ({@code ''} is one quote), cut at its placeholders. */
    private static Optional<String> openingWords(String value) {
        return MessageScan.openingWords(List.of(PLACEHOLDER.split(value.replace("''", "'"), -1)));
    }

    private static Set<String> withoutEntry(Set<String> texts) throws IOException {
        String reference = normalised(reference());
        Set<String> missing = new TreeSet<>();
        for (String text : texts) {
            if (!reference.contains(normalised(text))) {
                missing.add(text);
            }
        }
        return missing;
    }

    private static List<Path> javaFiles(Stream<Path> files) {
        return files.filter(f -> f.toString().endsWith(".java")).sorted().toList();
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
}
