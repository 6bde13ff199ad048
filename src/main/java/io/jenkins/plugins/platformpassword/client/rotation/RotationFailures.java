package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.UserId;

/**
 * The texts of every way a rotation can stop. Each says where the active password is and what
 * happens next, because that is what the person reading a failed build has to act on. Causes
 * are quoted by their messages only, which the client and the store keep free of secrets.
 */
final class RotationFailures {

    /** Said wherever a message asks a person to delete a pending credential. */
    private static final String AFTER_DELETING = " After deleting it, run the job once more: a run that finds no "
            + "pending credential makes sure that a copy of the deleted one, added back later, is refused.";

    private RotationFailures() {}

    static RotationException targetUnreadable(UserId user, RotationStoreException cause) {
        return new RotationException(
                prefix(user) + " did not start: could not read the target credential: " + cause.getMessage()
                        + " Nothing was changed.",
                ActivePassword.CURRENT,
                cause);
    }

    static RotationException pendingUnreadable(UserId user, RotationStoreException cause) {
        return new RotationException(
                prefix(user) + " did not start: could not check for a pending password left by an "
                        + "earlier run: " + cause.getMessage()
                        + " This run changed nothing; if an earlier run left a pending "
                        + "credential, it may hold the active password, so do not delete it.",
                ActivePassword.CURRENT_OR_PENDING,
                cause);
    }

    static RotationException pendingUnusable(UserId user) {
        return new RotationException(
                prefix(user) + ": could not finish the rotation an earlier run left pending: the "
                        + "pending credential is empty, blank or not valid text, which the platform cannot have accepted, so the target credential "
                        + "still holds the active password. Delete the pending credential; the next run then starts a new rotation.",
                ActivePassword.CURRENT,
                null);
    }

    static RotationException pendingForAnotherSubject(UserId user, RotationSubject wanted, RotationSubject recorded) {
        return new RotationException(
                prefix(user) + " did not start: the credential has a pending password from an interrupted rotation "
                        + "of " + recorded + ", not of " + wanted + ". This run changed nothing, and the pending "
                        + "credential is kept: it may hold that other user's active password. Finish that rotation "
                        + "first (run the job that rotates " + recorded + "), or, if that user's password is known to "
                        + "work, delete the pending credential; then run this rotation again.",
                ActivePassword.CURRENT_OR_PENDING,
                null);
    }

    static RotationException pendingSubjectUnknown(UserId user, RotationSubject wanted) {
        return new RotationException(
                prefix(user) + " did not start: the credential has a pending password from an interrupted rotation "
                        + "that does not record whose password it is (its record is missing, or its seal does not "
                        + "match: it was written by an older version of the plugin, edited or copied by hand, not "
                        + "written by a rotation of this credential at all, cleared once and added again, or the "
                        + "credential or its folder has been changed, renamed or moved since), so it is not set on "
                        + wanted + ". This run changed "
                        + "nothing. Find out which password the user of that rotation has on the platform (the "
                        + "target credential's or the pending one's), put it in the target credential, and only "
                        + "then delete the pending credential." + AFTER_DELETING,
                ActivePassword.CURRENT_OR_PENDING,
                null);
    }

    static RotationException saveFailed(UserId user, RotationStoreException cause) {
        return new RotationException(
                prefix(user) + " stopped before the platform was changed: could not save the new "
                        + "password as a pending credential: " + cause.getMessage()
                        + " The target credential still holds the active password.",
                ActivePassword.CURRENT,
                cause);
    }

    static RotationException refused(UserId user, PlatformException cause) {
        return new RotationException(
                prefix(user) + " stopped: " + cause.getMessage() + " The platform refused the change, "
                        + "so the target credential still holds the active password; the pending credential was removed.",
                ActivePassword.CURRENT,
                cause);
    }

    static RotationException refusedAndPendingLeft(
            UserId user, PlatformException cause, RotationStoreException clearFailure) {
        RotationException failure = new RotationException(
                prefix(user) + " stopped: " + cause.getMessage() + " The platform "
                        + "refused the change, so the target credential still holds the active password, but the pending credential "
                        + "could not be removed: " + clearFailure.getMessage()
                        + " Delete it by hand: it holds a password the platform "
                        + "never accepted, and the next run would try it again." + AFTER_DELETING,
                ActivePassword.CURRENT,
                cause);
        failure.addSuppressed(clearFailure);
        return failure;
    }

    static RotationException unclear(UserId user, PlatformException cause) {
        return new RotationException(
                prefix(user) + " stopped: " + cause.getMessage() + " The platform may or may not have "
                        + "applied the new password, so it is kept in the pending credential, and a later run will set it again and "
                        + "finish the rotation. Until then the active password is the target credential's or the pending one's; "
                        + "do not delete the pending credential.",
                ActivePassword.CURRENT_OR_PENDING,
                cause);
    }

    static RotationException recoveryFailed(UserId user, PlatformException cause) {
        return new RotationException(
                prefix(user) + ": could not finish the rotation an earlier run left pending: "
                        + cause.getMessage()
                        + " The pending credential is kept: an earlier attempt may have set it on the platform, "
                        + "so it may hold the active password, and a later run will try again. If the platform keeps refusing it, "
                        + "find out which password works (the target credential's or the pending one's), put that one in the "
                        + "target credential, and only then delete the pending credential." + AFTER_DELETING,
                ActivePassword.CURRENT_OR_PENDING,
                cause);
    }

    static RotationException promoteFailed(UserId user, RotationStoreException cause) {
        return new RotationException(
                prefix(user) + ": the platform now uses the new password, but writing it into the target "
                        + "credential failed: " + cause.getMessage()
                        + " The pending credential holds the active password until a "
                        + "later run finishes the rotation; do not delete it.",
                ActivePassword.PENDING,
                cause);
    }

    static RotationException clearFailed(UserId user, RotationStoreException cause) {
        return new RotationException(
                prefix(user) + ": the platform and the target credential hold the new password, but the "
                        + "pending credential could not be removed: " + cause.getMessage()
                        + " It holds the same password; "
                        + "a later run will set it again and remove it.",
                ActivePassword.CURRENT,
                cause);
    }

    private static String prefix(UserId user) {
        return "Password rotation for user " + user;
    }
}
