package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The timeouts an administrator chooses are never cut short by the overall deadline. */
class ClientSettingsTest {

    @ParameterizedTest(name = "connect {0} s, request {1} s: deadline {2} s")
    @CsvSource({
        // the default deadline holds three attempts of short timeouts
        "2, 2, 120",
        // three attempts of (connect + request) and two waits of at most 2 s
        "10, 30, 124",
        "600, 600, 3604",
        "1, 600, 1807"
    })
    void theDeadlineHoldsEveryAttemptTheTimeoutsAllow(long connect, long request, long deadline) {
        ClientSettings settings =
                ClientSettings.defaults().withTimeouts(Duration.ofSeconds(connect), Duration.ofSeconds(request));

        assertThat(settings.deadline()).isEqualTo(Duration.ofSeconds(deadline));
        assertThat(settings.connectTimeout()).isEqualTo(Duration.ofSeconds(connect));
        assertThat(settings.requestTimeout()).isEqualTo(Duration.ofSeconds(request));
    }

    @ParameterizedTest
    @CsvSource({"600, 600"})
    void aLongerDeadlineSetLaterStillWins(long connect, long request) {
        ClientSettings settings = ClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(connect), Duration.ofSeconds(request))
                .withDeadline(Duration.ofHours(2));

        assertThat(settings.deadline()).isEqualTo(Duration.ofHours(2));
    }
}
