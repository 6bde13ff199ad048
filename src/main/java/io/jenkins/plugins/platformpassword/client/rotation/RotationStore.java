package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.Optional;

/**
 * The durable storage a {@link PasswordRotation} writes through: the <em>target</em> (the
 * credential that holds the user's password and that jobs read) and at most one <em>pending</em>
 * entry beside it (a password that is about to become, or may already be, the active one).
 *
 * <p>In Jenkins the target is the credential named by {@code passwordCredentialsId}, and the
 * pending entry is a second credential in the same store and domain whose id is derived from the
 * target's, so that a later run finds it. {@code docs/rotation.md} shows the mapping.
 *
 * <p>The protocol is only as safe as these rules:
 * <ul>
 * <li><b>Durable on return.</b> When a writing method returns, the write survives a crash of the
 *     process (for Jenkins: the credentials file has been saved). The protocol changes the
 *     platform only after {@link #savePending} has returned.</li>
 * <li><b>All or nothing.</b> A write that fails or is cut short leaves the old value or the new
 *     one, never a mix (Jenkins writes its XML to a temporary file and renames it).</li>
 * <li><b>Failures are reported.</b> A method that cannot do its job throws
 *     {@link RotationStoreException}; it must not report success for a write it did not make.</li>
 * <li><b>No secret in messages.</b> Exception messages name credentials by id, never by value.</li>
 * <li><b>One rotation at a time per target.</b> The caller serialises rotations of the same
 *     target; {@link #savePending} refusing to overwrite an existing entry is the backstop.</li>
 * <li><b>The pending entry knows its subject.</b> {@link #savePending} records the
 *     {@link RotationSubject} with the password, in the same write, and {@link #pendingSubject}
 *     gives it back, so that only a run for the same user at the same data center finishes it.</li>
 * </ul>
 */
public interface RotationStore {

    /**
     * The password in the target credential. A fresh rotation reads it first to prove that the
     * target exists and can be read before the platform is touched: a password changed on the
     * platform for a credential that cannot be written would be left in the pending entry alone.
     */
    SecretValue current() throws RotationStoreException;

    /** The pending password, if an earlier run left one. */
    Optional<SecretValue> pending() throws RotationStoreException;

    /**
     * Whom the pending entry was saved for; empty when it does not say (an entry written by an
     * older version, or edited by hand). Asked only when {@link #pending()} found an entry.
     */
    Optional<RotationSubject> pendingSubject() throws RotationStoreException;

    /**
     * Stores the password as the pending entry, with its subject, durably, before it is sent
     * anywhere. Must refuse (throw) when a pending entry exists already: overwriting it could
     * destroy the only copy of the active password, written by a rotation running at the same time
     * or left by a crash.
     */
    void savePending(SecretValue password, RotationSubject subject) throws RotationStoreException;

    /** Writes the password into the target, in place: same id, scope and description. */
    void promote(SecretValue password) throws RotationStoreException;

    /** Removes the pending entry; does nothing when there is none. */
    void clearPending() throws RotationStoreException;
}
