package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        "javax.net.debug, ssl:handshake"
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
}
