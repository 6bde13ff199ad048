package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.PlatformException;

/**
 * Decides whether a failed password change proves that the platform did not apply the password.
 * Only such proof allows a rotation to throw its pending password away: if the platform did
 * apply it, the pending entry is the only place that password is kept.
 */
final class PlatformRefusal {

    private PlatformRefusal() {}

    /**
     * True only for a refusal the platform answered to the one request that was sent (or a
     * failure before anything was sent): 401, 403, 404, a 4xx about the content, a refused
     * token, a JVM setting that stopped the client before sending, or a proxy that refused the
     * request (407) or that the client refused to use, before anything reached the platform.
     *
     * <p>Everything else counts as "may have been applied": a timeout or a dropped connection
     * (the request may have arrived and only the answer was lost), a 5xx (the platform may have
     * failed after saving), an abort mid-request, a 2xx other than 204 (something happened).
     * Kinds added to {@code FailureKind} later fall here as well, because wrongly keeping a
     * pending password only costs a repeat of the same change, while wrongly dropping it can lock
     * the user out.
     *
     * <p>More than one attempt also means "may have been applied", whatever the last answer was:
     * the client retries only after an ambiguous failure (or a refused token), and an earlier
     * attempt that timed out may have set the password before a later one was refused. The
     * exception does not say what the earlier attempts met, so this errs on the safe side.
     */
    static boolean provesNotApplied(PlatformException failure) {
        if (failure.attempts() > 1) {
            return false;
        }
        return switch (failure.kind()) {
            case FORBIDDEN, NOT_FOUND, REJECTED, AUTHENTICATION, UNSAFE_SETTING, PROXY -> true;
            default -> false;
        };
    }
}
