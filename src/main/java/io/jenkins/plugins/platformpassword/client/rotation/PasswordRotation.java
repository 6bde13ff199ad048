package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.ChangeOutcome;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Rotates a platform user's password to a generated one and writes it into the target
 * credential, so that at no moment is the password the platform accepts kept only in memory.
 *
 * <p>A fresh rotation: check that the target can be read, generate, <b>save the new password as
 * pending</b> (durably), change it on the platform, <b>promote</b> it into the target, clear the
 * pending entry. A run that finds a pending entry instead finishes that rotation: it sets the
 * pending password on the platform again (setting the password it already has is harmless),
 * promotes it and clears it, and then stops without generating another one; the pending password
 * is itself new and has never been anywhere but the store.
 *
 * <p>The safety argument, step by step, is in {@code docs/rotation.md}. In short: the platform is
 * changed only to a password that is already durable in the pending entry; the pending entry is
 * removed only once the target holds the same password, or once the platform has proved it never
 * took it. Nothing here relies on {@code finally} or on catching unchecked exceptions: a crash
 * skips all of that, so the state the store holds at each step must be safe on its own.
 *
 * <p>Not safe for two runs on the same target at once; callers serialise them (see
 * {@link RotationStore}).
 */
public final class PasswordRotation {

    private final RotationStore store;

    public PasswordRotation(RotationStore store) {
        this.store = Objects.requireNonNull(store, "store");
    }

    /**
     * Finishes a pending rotation if there is one, otherwise rotates to a password from the
     * generator.
     *
     * @param newPassword makes the new password (e.g. the client's {@code PasswordGenerator}); it
     *                    must return a fresh, unpredictable one on every call, and is not called
     *                    when this run finishes a pending rotation
     * @throws RotationException when the rotation stopped; its {@link RotationException#activePassword()}
     *                           says which credential holds the password the platform accepts now
     */
    public RotationOutcome rotate(PlatformClient client, UserId user, Supplier<SecretValue> newPassword)
            throws RotationException {
        Objects.requireNonNull(client, "client");
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(newPassword, "newPassword");
        RotationSubject subject = RotationSubject.of(client.endpoint(), user);
        Optional<SecretValue> pending;
        Optional<RotationSubject> pendingFor;
        try {
            pending = store.pending();
            pendingFor = pending.isPresent() ? store.pendingSubject() : Optional.empty();
        } catch (RotationStoreException e) {
            throw RotationFailures.pendingUnreadable(user, e);
        }
        if (pending.isEmpty()) {
            return start(client, user, subject, newPassword);
        }
        // Finishing sets the pending password on the platform: only ever on the user it was made for.
        if (pendingFor.isEmpty()) {
            throw RotationFailures.pendingSubjectUnknown(user, subject);
        }
        if (!pendingFor.get().equals(subject)) {
            throw RotationFailures.pendingForAnotherSubject(user, subject, pendingFor.get());
        }
        return finish(client, user, pending.get());
    }

    private RotationOutcome start(
            PlatformClient client, UserId user, RotationSubject subject, Supplier<SecretValue> newPassword)
            throws RotationException {
        try {
            store.current();
        } catch (RotationStoreException e) {
            throw RotationFailures.targetUnreadable(user, e);
        }
        // Validated before it is stored, so that a broken generator leaves nothing behind.
        NewPassword password = NewPassword.of(newPassword.get());
        try {
            store.savePending(password.value(), subject);
        } catch (RotationStoreException e) {
            // The platform is untouched. Should the write have happened after all, the next run
            // sets that pending password, which is as good as a new one.
            throw RotationFailures.saveFailed(user, e);
        }
        ChangeOutcome change;
        try {
            change = client.changePassword(user, password);
        } catch (PlatformException e) {
            throw afterFailedChange(user, e);
        }
        complete(user, password.value());
        return new RotationOutcome(false, change);
    }

    private RotationOutcome finish(PlatformClient client, UserId user, SecretValue pending) throws RotationException {
        NewPassword password;
        try {
            password = NewPassword.of(pending);
        } catch (InvalidInputException e) {
            throw RotationFailures.pendingUnusable(user);
        }
        ChangeOutcome change;
        try {
            change = client.changePassword(user, password);
        } catch (PlatformException e) {
            // Even a clear refusal keeps the entry: it proves only that this attempt did not set
            // the password, not that the interrupted run's attempt did not.
            throw RotationFailures.recoveryFailed(user, e);
        }
        complete(user, password.value());
        return new RotationOutcome(true, change);
    }

    /** The platform has the password: make the target hold it too, and only then drop the pending copy. */
    private void complete(UserId user, SecretValue password) throws RotationException {
        try {
            store.promote(password);
        } catch (RotationStoreException e) {
            throw RotationFailures.promoteFailed(user, e);
        }
        try {
            store.clearPending();
        } catch (RotationStoreException e) {
            throw RotationFailures.clearFailed(user, e);
        }
    }

    /**
     * Drops the pending password only when the platform proved it did not take it; otherwise the
     * pending entry may hold the only copy of the active password and must stay for a later run.
     */
    private RotationException afterFailedChange(UserId user, PlatformException failure) {
        if (!PlatformRefusal.provesNotApplied(failure)) {
            return RotationFailures.unclear(user, failure);
        }
        try {
            store.clearPending();
        } catch (RotationStoreException e) {
            return RotationFailures.refusedAndPendingLeft(user, failure, e);
        }
        return RotationFailures.refused(user, failure);
    }
}
