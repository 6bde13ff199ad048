package io.jenkins.plugins.platformpassword.client.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.*;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * With the JDK HTTP client's header logging on, the JDK itself would log the Basic credentials
 * and the bearer token (SecretCanaryTest fails when run with -Djdk.httpclient.HttpClient.log=headers).
 * So the client sends nothing then, and says which setting to remove.
 */
class JdkHttpDebugLoggingTest {

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private String property;

    @AfterEach
    void restore() {
        if (property != null) {
            System.clearProperty(property);
        }
        platform.close();
    }

    @ParameterizedTest
    @CsvSource({
        "jdk.httpclient.HttpClient.log, headers",
        "jdk.httpclient.HttpClient.log, 'errors,requests,headers'",
        "jdk.httpclient.HttpClient.log, all",
        "jdk.internal.httpclient.debug, true",
        "javax.net.debug, all",
        "javax.net.debug, 'ssl:record:plaintext'",
        // An empty value sends everything, plaintext included, to the javax.net.ssl System.Logger.
        "javax.net.debug, ''",
        "javax.net.debug, ALL",
        "javax.net.debug, Plaintext",
        // The JDK looks for "all" anywhere in the value.
        "javax.net.debug, 'ssl,install'",
        "jdk.httpclient.HttpClient.log, 'frames:data'",
        "jdk.httpclient.HttpClient.log, framesdata",
        // HTTP/2's header encoder prints the Authorization header to System.err at these levels.
        "jdk.internal.httpclient.hpack.log.level, NORMAL",
        "jdk.internal.httpclient.hpack.log.level, extra",
    })
    void refusesToSendWhileTheJdkWouldLogHeaders(String name, String value) {
        property = name;
        System.setProperty(name, value);
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(
                            UserId.parse(platform.customerUser),
                            NewPassword.of(SecretValue.of("New-Passw0rd-for-test"))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.UNSAFE_SETTING);
                        assertThat(e.getMessage()).contains(name + "=" + value).contains("Remove that system property");
                    });
        }
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({
        "jdk.httpclient.HttpClient.log, errors",
        "jdk.httpclient.HttpClient.log, 'errors,requests'",
        "jdk.internal.httpclient.debug, false",
        "jdk.internal.httpclient.hpack.log.level, NONE",
    })
    void harmlessSettingsAreAllowed(String name, String value) throws Exception {
        property = name;
        System.setProperty(name, value);
        try (PlatformClient client = platform.client()) {
            client.changePassword(
                    UserId.parse(platform.customerUser), NewPassword.of(SecretValue.of("New-Passw0rd-for-test")));
        }
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isPresent();
    }

    /**
     * Checked without sending: the JDK's TLS logger reads javax.net.debug once per JVM, and a
     * request made now would leave TLS debugging on for every later test. JdkTlsDebugRulesTest
     * checks against the JDK itself, in JVMs of their own, what these values do.
     */
    @ParameterizedTest
    @CsvSource({"ssl:handshake", "ssl", "'ssl:record'", "'ssl:handshake:verbose:data'", "'ssl,keymanager'"})
    void harmlessTlsDebugSettingsAreAllowed(String value) {
        property = "javax.net.debug";
        System.setProperty(property, value);
        assertThat(JdkHttpDebugLogging.leakingSetting()).isEmpty();
    }
}
