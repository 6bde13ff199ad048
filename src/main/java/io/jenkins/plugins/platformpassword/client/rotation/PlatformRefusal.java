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
     * True only for a refusal the platform answered to requests none of which may have been acted
     * on: 401, 403, 404, a 4xx about the content or the form, a refused token, a JVM setting that
     * stopped the client before sending, or a proxy that refused the request or the tunnel, before
     * anything reached the platform.
     *
     * <p>The client marks every call of which an attempt may have been applied
     * ({@link PlatformException#mayHaveBeenApplied()}): a 5xx (the platform may have failed after
     * saving), a 2xx other than 204, a timeout, a broken connection or an abort once the request
     * had gone out. A refusal after such an attempt proves nothing: the earlier attempt may have set
     * the password, and the refusal may even be its consequence ("used recently"). Timeouts and
     * unavailability never prove anything either. Kinds added to {@code FailureKind} later fall
     * here as well, because wrongly keeping a pending password only costs a repeat of the same
     * change, while wrongly dropping it can lock the user out.
     */
    static boolean provesNotApplied(PlatformException failure) {
        if (failure.mayHaveBeenApplied()) {
            return false;
        }
        int status = failure.httpStatus().orElse(0);
        return switch (failure.kind()) {
            case FORBIDDEN, NOT_FOUND, REJECTED, AUTHENTICATION, UNSAFE_SETTING, PROXY -> true;
            // A redirect that is not followed, or a form the platform refused (405, 406, 413, 415, ...).
            case PROTOCOL -> status >= 300 && status < 500;
            default -> false;
        };
    }
}
