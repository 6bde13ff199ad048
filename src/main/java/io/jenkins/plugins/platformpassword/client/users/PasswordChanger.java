package io.jenkins.plugins.platformpassword.client.users;

import io.jenkins.plugins.platformpassword.client.ChangeOutcome;
import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.Failures;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.UserId;

/**
 * A password change with its pre-flight checks: what the step does, minus Jenkins. Kept apart
 * from {@link PlatformClient} so that the client stays a plain API client and the policy of when
 * to check what lives in one place.
 */
public final class PasswordChanger {

    private final PlatformClient client;
    private final UserDirectory directory;
    private final PreflightMode preflight;

    public PasswordChanger(PlatformClient client, PreflightMode preflight) {
        this.client = client;
        this.directory = new UserDirectory(client);
        this.preflight = preflight;
    }

    public ChangeOutcome change(UserId user, NewPassword password) throws PlatformException {
        checkBeforeChange(user);
        try {
            return client.changePassword(user, password);
        } catch (PlatformException refused) {
            PlatformException failure = refused;
            if (preflight == PreflightMode.ON_FAILURE
                    && (refused.kind() == FailureKind.FORBIDDEN || refused.kind() == FailureKind.NOT_FOUND)) {
                failure = explained(refused, user);
            }
            throw failure.mayHaveBeenApplied() ? failure.asFinal(failure.attempts(), inDoubt(failure)) : failure;
        }
    }

    /**
     * A failed change that may have happened all the same must not read as a plain refusal: the
     * credential does hold the new password, and a person who tries it should know it may now be
     * the user's. A later refusal can even be caused by the earlier attempt (a password the
     * platform has just set counts as used); other failures have nothing to do with that change.
     */
    private static String inDoubt(PlatformException failure) {
        return (failure.kind() == FailureKind.REJECTED
                        ? "An earlier attempt ended without a clear answer, so the platform may have set the new"
                                + " password then, and this refusal may be about that change."
                        : "The platform may have set the new password all the same: an attempt ended without a"
                                + " clear answer.")
                + " Check whether the new password works before changing it again.";
    }

    /**
     * With {@link PreflightMode#ALWAYS}, runs the checks and stops (with nothing changed) when one
     * fails; otherwise does nothing. For callers that change the password themselves, like a rotation.
     */
    public void checkBeforeChange(UserId user) throws PlatformException {
        if (preflight == PreflightMode.ALWAYS) {
            Diagnosis diagnosis = directory.diagnose(user);
            if (!diagnosis.allowsChange()) {
                throw Failures.preflight(
                        diagnosis.finding() == Diagnosis.Finding.UNKNOWN_USER
                                ? FailureKind.NOT_FOUND
                                : FailureKind.FORBIDDEN,
                        diagnosis.explain());
            }
        }
    }

    /** The checks alone, for a dry run: nothing is changed. */
    public Diagnosis dryRun(UserId user) throws PlatformException {
        return directory.diagnose(user);
    }

    private PlatformException explained(PlatformException refused, UserId user) {
        try {
            Diagnosis diagnosis = directory.diagnose(user);
            String note = diagnosis.allowsChange()
                    ? "Pre-flight check: " + diagnosis.explain() + " The API client may lack the user_admin role."
                    : "Pre-flight check: " + diagnosis.explain();
            return refused.asFinal(refused.attempts(), note);
        } catch (PlatformException checksFailed) {
            return refused.asFinal(
                    refused.attempts(),
                    "(The pre-flight checks could not run either: " + checksFailed.kind()
                            + "; set preflight to OFF for API clients without read rights.)");
        }
    }
}
