package io.jenkins.plugins.platformpassword.client.tokens;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.platformpassword.client.*;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * What the controller-wide token cache keeps for its lifetime: one slot per API client in use,
 * not one per URL, client id or secret ever tried.
 */
class TokenCacheBoundTest {

    private static final Duration MARGIN = Duration.ofMinutes(15);
    private static final Duration WAIT = Duration.ofSeconds(5);

    private final SettableClock clock = new SettableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final TokenCache tokens = new TokenCache(clock);

    @Test
    void attemptsThatGotNoTokenLeaveNothingBehind() {
        for (int i = 0; i < 10_000; i++) {
            TokenCache.Key typo = key("https://eu" + i + "-cloud.example.com", "wrong-secret-" + i);
            catchThrowable(() -> tokens.obtain(
                    typo,
                    MARGIN,
                    WAIT,
                    () -> {
                        throw Failures.lookup(FailureKind.AUTHENTICATION, "refused");
                    },
                    () -> false));
        }

        assertThat(tokens.slotCount()).isLessThanOrEqualTo(1);
        assertThat(tokens.size()).isZero();
    }

    @Test
    void expiredTokensOfClientsNoLongerUsedAreDropped() throws Exception {
        for (int i = 0; i < 1_000; i++) {
            tokens.obtain(
                    key("https://dc" + i + ".example.com", "secret"), MARGIN, WAIT, this::twoHourToken, () -> false);
        }
        assertThat(tokens.slotCount()).isEqualTo(1_000);

        clock.advance(Duration.ofHours(3));
        tokens.obtain(key("https://still-used.example.com", "secret"), MARGIN, WAIT, this::twoHourToken, () -> false);

        assertThat(tokens.slotCount()).isEqualTo(1);
        assertThat(tokens.size()).isEqualTo(1);
    }

    @Test
    void aLiveTokenIsKeptAndReused() throws Exception {
        TokenCache.Key used = key("https://eu2-cloud.example.com", "secret");
        tokens.obtain(used, MARGIN, WAIT, this::twoHourToken, () -> false);
        for (int i = 0; i < 100; i++) {
            TokenCache.Key other = key("https://typo" + i + ".example.com", "secret");
            catchThrowable(() -> tokens.obtain(
                    other,
                    MARGIN,
                    WAIT,
                    () -> {
                        throw Failures.lookup(FailureKind.UNAVAILABLE, "no such host");
                    },
                    () -> false));
        }

        TokenCache.Lease again = tokens.obtain(
                used,
                MARGIN,
                WAIT,
                () -> {
                    throw new AssertionError("the live token should have been reused");
                },
                () -> false);

        assertThat(again.cached()).isTrue();
    }

    private AccessToken twoHourToken() {
        Instant now = clock.instant();
        return new AccessToken(
                SecretValue.of("token-" + now.toEpochMilli()),
                "bearer",
                new TokenLifetime(now, now.plus(Duration.ofHours(2))));
    }

    private static TokenCache.Key key(String url, String secret) {
        return TokenCache.Key.of(URI.create(url), "6c36b9d2-2b6e-4bd6-9f0e-0d2f4e1c8a41", SecretValue.of(secret));
    }
}
