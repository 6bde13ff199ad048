package io.jenkins.plugins.platformpassword.client.tokens;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * When an access token arrived and when it stops working, both on the controller's own clock, so
 * that a platform whose clock differs neither makes every call fetch a token nor keeps one too
 * long.
 *
 * <p>A token is renewed before it expires by a margin that grows with its lifetime: a quarter of
 * it, at least {@value #MIN_MARGIN_SECONDS} s but never more than half of it, and never more than
 * the configured cap (15 minutes by default, as the vendor's examples renew). A two-hour token
 * is then renewed 15 minutes early, a ten-minute token 150 s early, and a one-minute token is
 * still shared for 45 s instead of being fetched for every call. A call that still meets an
 * expired token gets a 401, and the client renews once and repeats it.
 *
 * @param receivedAt when the token answer arrived
 * @param expiresAt  when the token stops working
 */
public record TokenLifetime(Instant receivedAt, Instant expiresAt) {

    static final long MIN_MARGIN_SECONDS = 5;

    public TokenLifetime {
        Objects.requireNonNull(receivedAt, "receivedAt");
        Objects.requireNonNull(expiresAt, "expiresAt");
        if (expiresAt.isBefore(receivedAt)) {
            throw new IllegalArgumentException("a token cannot expire before it arrived");
        }
    }

    public Duration length() {
        return Duration.between(receivedAt, expiresAt);
    }

    /** How long before its expiry the token is renewed, given the longest margin allowed. */
    Duration renewalMargin(Duration maxMargin) {
        // In milliseconds: this runs for every call, and Duration.dividedBy works through BigDecimal.
        long length = saturatedMillis(length());
        long margin = Math.max(length / 4, MIN_MARGIN_SECONDS * 1000);
        margin = Math.min(margin, length / 2);
        return Duration.ofMillis(Math.min(margin, saturatedMillis(maxMargin)));
    }

    private static long saturatedMillis(Duration duration) {
        try {
            return duration.toMillis();
        } catch (ArithmeticException e) {
            return Long.MAX_VALUE;
        }
    }

    /** Whether a call that starts now may still use the token. */
    boolean isFreshAt(Instant now, Duration maxMargin) {
        return now.plus(renewalMargin(maxMargin)).isBefore(expiresAt);
    }
}
