package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.secrets.ScreenedCause;
import io.jenkins.plugins.platformpassword.client.secrets.UntrustedText;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The one failure type of the client. Its message is written for the person reading the build
 * log: what failed, what the platform said, and what to do about it. It never contains a secret:
 * text taken from a response or from the network stack is quoted only when it repeats no part of
 * a secret ({@link UntrustedText}), and a cause is a {@link ScreenedCause}, a copy of the network
 * exception whose messages passed the same rule.
 */
public final class PlatformException extends Exception {

    private static final long serialVersionUID = 1L;

    private final FailureKind kind;
    private final int httpStatus;
    private final transient PlatformError platformError;
    private final String bodyExcerpt;
    private final int attempts;
    private final boolean retryable;
    private final String retryAfter;
    private final boolean mayHaveBeenApplied;

    public PlatformException(
            FailureKind kind,
            String message,
            int httpStatus,
            PlatformError platformError,
            String bodyExcerpt,
            int attempts,
            Throwable cause) {
        this(kind, message, httpStatus, platformError, bodyExcerpt, attempts, cause, false, null);
    }

    public PlatformException(
            FailureKind kind,
            String message,
            int httpStatus,
            PlatformError platformError,
            String bodyExcerpt,
            int attempts,
            Throwable cause,
            boolean retryable,
            String retryAfter) {
        this(kind, message, httpStatus, platformError, bodyExcerpt, attempts, cause, retryable, retryAfter, false);
    }

    private PlatformException(
            FailureKind kind,
            String message,
            int httpStatus,
            PlatformError platformError,
            String bodyExcerpt,
            int attempts,
            Throwable cause,
            boolean retryable,
            String retryAfter,
            boolean mayHaveBeenApplied) {
        super(message, cause);
        this.kind = kind;
        this.httpStatus = httpStatus;
        this.platformError = platformError;
        this.bodyExcerpt = bodyExcerpt;
        this.attempts = attempts;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
        this.mayHaveBeenApplied = mayHaveBeenApplied;
    }

    /** The same failure, marked as worth another attempt (5xx, 429, connection failures). */
    PlatformException retryable(String retryAfterHeader) {
        return copy(getMessage(), attempts, true, retryAfterHeader, mayHaveBeenApplied);
    }

    /**
     * The same failure, marked as one after which the platform may have applied the change all the
     * same: an attempt of it ended without a clear answer (a 5xx, a timeout or a broken connection
     * once the request was under way, a 2xx other than the one that means success).
     */
    PlatformException withChangeInDoubt() {
        return copy(getMessage(), attempts, retryable, retryAfter, true);
    }

    /** This failure with other values for the fields that change as it travels up; the rest stays. */
    private PlatformException copy(String message, int count, boolean retry, String retryAfterHeader, boolean applied) {
        return new PlatformException(
                kind,
                message,
                httpStatus,
                platformError,
                bodyExcerpt,
                count,
                getCause(),
                retry,
                retryAfterHeader,
                applied);
    }

    /**
     * Whether the platform may have applied the change although the call failed: one of its
     * attempts may have reached the platform and only the answer was unclear. False for reads and
     * for a change whose every attempt was answered clearly (refused, or never sent).
     */
    public boolean mayHaveBeenApplied() {
        return mayHaveBeenApplied;
    }

    boolean isRetryable() {
        return retryable;
    }

    Optional<String> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }

    public FailureKind kind() {
        return kind;
    }

    /** The HTTP status of the last answer, if there was one. */
    public OptionalInt httpStatus() {
        return httpStatus > 0 ? OptionalInt.of(httpStatus) : OptionalInt.empty();
    }

    /** What the platform said, when the body had one of its error shapes. */
    public Optional<PlatformError> platformError() {
        return Optional.ofNullable(platformError);
    }

    /** The start of a body that had no known error shape (an HTML page from a proxy, say), redacted. */
    public Optional<String> bodyExcerpt() {
        return Optional.ofNullable(bodyExcerpt);
    }

    /** How many requests the call made for this operation, retries included. */
    public int attempts() {
        return attempts;
    }

    /** The final form of a failure: the attempt count set and, where given, a note on why no further attempt was made. */
    public PlatformException asFinal(int count, String note) {
        String message = note == null ? getMessage() : getMessage() + " " + note;
        return copy(message, count, false, null, mayHaveBeenApplied);
    }

    @Override
    public String toString() {
        return "PlatformException[" + kind + "]: " + getMessage();
    }
}
