package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.Objects;
import java.util.Optional;

/**
 * The store as the disk sees it: it outlives every rotation object and client a test creates,
 * as a credentials file outlives a controller restart. Follows the {@link RotationStore} rules,
 * including the refusal to overwrite a pending entry.
 */
final class InMemoryRotationStore implements RotationStore {

    private SecretValue current;
    private SecretValue pending;
    private RotationSubject pendingSubject;

    InMemoryRotationStore(SecretValue current) {
        this.current = Objects.requireNonNull(current, "current");
    }

    /** A store that an interrupted run left with a pending entry for this subject (null: an entry that does not say). */
    static InMemoryRotationStore withPending(SecretValue current, SecretValue pending, RotationSubject subject) {
        InMemoryRotationStore store = new InMemoryRotationStore(current);
        store.pending = pending;
        store.pendingSubject = subject;
        return store;
    }

    @Override
    public synchronized SecretValue current() {
        return current;
    }

    @Override
    public synchronized Optional<SecretValue> pending() {
        return Optional.ofNullable(pending);
    }

    @Override
    public synchronized Optional<RotationSubject> pendingSubject() {
        return Optional.ofNullable(pendingSubject);
    }

    @Override
    public synchronized void savePending(SecretValue password, RotationSubject subject) throws RotationStoreException {
        if (pending != null) {
            throw new RotationStoreException("a pending credential exists already");
        }
        pending = Objects.requireNonNull(password, "password");
        pendingSubject = Objects.requireNonNull(subject, "subject");
    }

    @Override
    public synchronized void promote(SecretValue password) {
        current = Objects.requireNonNull(password, "password");
    }

    @Override
    public synchronized void clearPending() {
        pending = null;
        pendingSubject = null;
    }
}
