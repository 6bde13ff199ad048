package io.jenkins.plugins.platformpassword.client;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When to try a request again and how long to wait first.
 *
 * <p>The platform's docs say to retry a 5xx answer twice with a 1-2 second interval, so that is
 * the default: three attempts in all, each wait drawn at random from the interval (so that many
 * builds failing together do not come back together). Connection failures and timeouts are
 * treated the same way: a password change is idempotent (setting the same password twice is
 * harmless), so repeating one whose answer was lost is safe. A 429 waits as long as its
 * {@code Retry-After} says, but never longer than the cap: a build should fail with a clear
 * message rather than sleep for an hour.
 *
 * @param maxAttempts   attempts in all, the first one included
 * @param minInterval   the shortest wait between attempts
 * @param maxInterval   the longest wait between attempts (when no Retry-After applies)
 * @param retryAfterCap the longest wait a Retry-After header may ask for
 */
public record RetryPolicy(int maxAttempts, Duration minInterval, Duration maxInterval, Duration retryAfterCap) {

    /** Three attempts, 1-2 s apart, Retry-After capped at 30 s. */
    public static final RetryPolicy DEFAULT =
            new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(2), Duration.ofSeconds(30));

    public RetryPolicy {
        Objects.requireNonNull(minInterval, "minInterval");
        Objects.requireNonNull(maxInterval, "maxInterval");
        Objects.requireNonNull(retryAfterCap, "retryAfterCap");
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("maxAttempts must be at least 1");
        }
        if (minInterval.isNegative() || maxInterval.compareTo(minInterval) < 0) {
            throw new IllegalArgumentException("need 0 <= minInterval <= maxInterval");
        }
    }

    boolean mayRetryAfter(int attemptsMade) {
        return attemptsMade < maxAttempts;
    }

    /** The wait before the next attempt, given the Retry-After header of the last answer (if any). */
    Duration delay(Optional<String> retryAfterHeader, Instant now) {
        Optional<Duration> asked = retryAfterHeader.flatMap(value -> parseRetryAfter(value, now));
        if (asked.isPresent()) {
            // Never sooner than the usual interval: "Retry-After: 0" under load would only hammer the server.
            Duration wanted = asked.get().compareTo(minInterval) < 0 ? minInterval : asked.get();
            return wanted.compareTo(retryAfterCap) > 0 ? retryAfterCap : wanted;
        }
        long spread = maxInterval.toMillis() - minInterval.toMillis();
        long jitter = spread == 0 ? 0 : ThreadLocalRandom.current().nextLong(spread + 1);
        return minInterval.plusMillis(jitter);
    }

    /** RFC 9110 10.2.3: either delay-seconds or an HTTP-date. Anything else is ignored. */
    static Optional<Duration> parseRetryAfter(String value, Instant now) {
        String text = value.strip();
        if (text.matches("\\d+")) {
            // delay-seconds is 1*DIGIT: leading zeros allowed (0000000005 is five seconds), no upper
            // bound. Beyond nine digits it is over thirty years, and the caller's cap applies.
            String digits = text.replaceFirst("^0+(?=\\d)", "");
            return Optional.of(Duration.ofSeconds(digits.length() > 9 ? 999_999_999L : Long.parseLong(digits)));
        }
        for (DateTimeFormatter form : HTTP_DATES) {
            try {
                Instant at = ZonedDateTime.parse(text, form).toInstant();
                Duration until = Duration.between(now, at);
                return Optional.of(until.isNegative() ? Duration.ZERO : until);
            } catch (DateTimeParseException e) {
                // try the next form
            }
        }
        return Optional.empty();
    }

    /**
     * RFC 9110 5.6.7: the preferred form, and the two obsolete ones a recipient must accept too
     * (RFC 850, with a two-digit year read as 20xx; and C's asctime).
     */
    private static final List<DateTimeFormatter> HTTP_DATES = List.of(
            DateTimeFormatter.RFC_1123_DATE_TIME,
            DateTimeFormatter.ofPattern("EEEE, dd-MMM-yy HH:mm:ss 'GMT'", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC),
            DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.ENGLISH)
                    .withZone(ZoneOffset.UTC));
}
