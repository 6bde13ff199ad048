package io.jenkins.plugins.platformpassword.client.transport;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.*;
import io.jenkins.plugins.platformpassword.simulator.ServerIdentity;
import io.jenkins.plugins.platformpassword.simulator.TestCertificateAuthority;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Which {@code javax.net.debug} values make the running JDK dump TLS plaintext (the request
 * headers and the password body), asked of the JDK itself: each value runs a TLS exchange in a JVM
 * of its own (the JDK reads the property once per JVM), with {@code java.util.logging} at ALL, as
 * a Jenkins log recorder would capture it. The client's rule must refuse exactly the values that
 * dump. Run with Java 17 and with Java 25 (the JDK's rules are the same in both).
 */
class JdkTlsDebugRulesTest {

    @TempDir
    static Path temp;

    /** The values probed, those that dump and some that do not; the unit rules are in JdkHttpDebugLoggingTest. */
    private static final List<String> VALUES = List.of("", "all", "ssl,install", "plaintext", "ssl", "ssl:record");

    private static String storePassword;
    private static final Map<String, Process> PROBES = new HashMap<>();

    /** One server key and one trust store for all probes (so that they need no BouncyCastle), then the probes. */
    @BeforeAll
    static void startProbes() throws Exception {
        TestCertificateAuthority ca = TestCertificateAuthority.create("Probe CA");
        ServerIdentity identity = ca.issueForLoopback();
        storePassword = new String(identity.keyPassword());
        try (OutputStream out = Files.newOutputStream(temp.resolve("server.p12"))) {
            identity.keyStore().store(out, identity.keyPassword());
        }
        KeyStore trusted = KeyStore.getInstance("PKCS12");
        trusted.load(null, null);
        trusted.setCertificateEntry("probe-ca", ca.certificate());
        try (OutputStream out = Files.newOutputStream(temp.resolve("trust.p12"))) {
            trusted.store(out, identity.keyPassword());
        }
        Files.writeString(
                temp.resolve("logging.properties"),
                "handlers=java.util.logging.ConsoleHandler\n.level=ALL\njava.util.logging.ConsoleHandler.level=ALL\n");
        // All at once: a JVM start is most of each probe's time.
        for (String value : VALUES) {
            PROBES.put(value, startProbe(value));
        }
    }

    @AfterAll
    static void stopProbes() {
        PROBES.values().forEach(Process::destroyForcibly);
    }

    static List<String> values() {
        return VALUES;
    }

    @ParameterizedTest(name = "javax.net.debug=''{0}''")
    @MethodSource("values")
    void theClientRefusesExactlyTheValuesThatDumpPlaintext(String value) throws Exception {
        boolean dumps = dumpsPlaintext(value);
        assertThat(JdkHttpDebugLogging.tlsDebugDumpsPlaintext(value))
                .as("the client's rule for javax.net.debug='%s' (the JDK dumps plaintext: %s)", value, dumps)
                .isEqualTo(dumps);
    }

    private static boolean dumpsPlaintext(String value) throws IOException, InterruptedException {
        Process probe = PROBES.get(value);
        assertThat(probe.waitFor(60, TimeUnit.SECONDS)).as("the probe ended").isTrue();
        String text = Files.readString(output(value), StandardCharsets.UTF_8);
        assertThat(text).as("the probe's output").contains("probe done: true");
        return text.contains("Plaintext before ENCRYPTION") || text.contains("Plaintext after DECRYPTION");
    }

    private static Path output(String value) {
        return temp.resolve("probe-" + VALUES.indexOf(value) + ".out");
    }

    private static Process startProbe(String value) throws IOException {
        Path logging = temp.resolve("logging.properties");
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djavax.net.debug=" + value);
        command.add("-Djava.util.logging.config.file=" + logging);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(TlsDebugProbe.class.getName());
        command.add(temp.resolve("server.p12").toString());
        command.add(temp.resolve("trust.p12").toString());
        command.add(storePassword);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output(value).toFile())
                .start();
    }
}
