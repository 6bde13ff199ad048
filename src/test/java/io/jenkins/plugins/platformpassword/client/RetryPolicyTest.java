package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant NOW = Instant.parse("2026-11-27T10:00:00Z");

    @RepeatedTest(20)
    void defaultWaitsOneToTwoSecondsAsThePlatformAdvises() {
        Duration wait = RetryPolicy.DEFAULT.delay(Optional.empty(), NOW);
        assertThat(wait).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }

    @Test
    void defaultRetriesTwice() {
        assertThat(RetryPolicy.DEFAULT.mayRetryAfter(1)).isTrue();
        assertThat(RetryPolicy.DEFAULT.mayRetryAfter(2)).isTrue();
        assertThat(RetryPolicy.DEFAULT.mayRetryAfter(3)).isFalse();
    }

    @Test
    void honoursRetryAfterSeconds() {
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("7"), NOW)).isEqualTo(Duration.ofSeconds(7));
    }

    @Test
    void honoursRetryAfterHttpDate() {
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("Fri, 27 Nov 2026 10:00:12 GMT"), NOW))
                .isEqualTo(Duration.ofSeconds(12));
    }

    /** The obsolete forms RFC 9110 5.6.7 requires a recipient to accept: RFC 850 and asctime. */
    @Test
    void honoursRetryAfterInTheObsoleteHttpDateForms() {
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("Friday, 27-Nov-26 10:00:12 GMT"), NOW))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("Fri Nov 27 10:00:12 2026"), NOW))
                .isEqualTo(Duration.ofSeconds(12));
        assertThat(RetryPolicy.DEFAULT.delay(
                        Optional.of("Fri Nov  6 10:00:12 2026"), Instant.parse("2026-11-06T10:00:00Z")))
                .isEqualTo(Duration.ofSeconds(12));
    }

    @Test
    void capsRetryAfter() {
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("3600"), NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void readsRetryAfterSecondsWithLeadingZeros() {
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("0000000005"), NOW)).isEqualTo(Duration.ofSeconds(5));
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("000"), NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    /** RFC 9110's delay-seconds has no upper bound; a wait too long to count is still a long wait. */
    @Test
    void capsRetryAfterOfAnyLength() {
        for (String seconds : new String[] {"999999999", "4294967296", "99999999999", "9".repeat(40)}) {
            assertThat(RetryPolicy.DEFAULT.delay(Optional.of(seconds), NOW))
                    .as(seconds)
                    .isEqualTo(Duration.ofSeconds(30));
        }
    }

    @Test
    void retryAfterInThePastOrZeroWaitsTheUsualMinimum() {
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("Fri, 27 Nov 2026 09:00:00 GMT"), NOW))
                .isEqualTo(Duration.ofSeconds(1));
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("0"), NOW)).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void ignoresUnreadableRetryAfter() {
        assertThat(RetryPolicy.DEFAULT.delay(Optional.of("soon"), NOW))
                .isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
    }
}
