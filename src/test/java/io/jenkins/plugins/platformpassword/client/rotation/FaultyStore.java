package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.Optional;

/**
 * Wraps a store and, at one chosen step, either crashes (before or after the write reaches the
 * store) or fails the way a real store fails, with a {@link RotationStoreException} and nothing
 * written. Every other call goes straight through.
 */
final class FaultyStore implements RotationStore {

    enum Step {
        CURRENT,
        PENDING,
        SAVE_PENDING,
        PROMOTE,
        CLEAR_PENDING
    }

    enum When {
        BEFORE_WRITE,
        AFTER_WRITE
    }

    /** The message of every injected store failure: it names the credential, as a real store's would. */
    static final String FAILURE_MESSAGE = "could not save credential 'rotated-pw' (disk full).";

    private final RotationStore delegate;
    private final Step step;
    private final When when;
    private final boolean crash;

    private FaultyStore(RotationStore delegate, Step step, When when, boolean crash) {
        this.delegate = delegate;
        this.step = step;
        this.when = when;
        this.crash = crash;
    }

    static FaultyStore crashing(RotationStore delegate, Step step, When when) {
        return new FaultyStore(delegate, step, when, true);
    }

    static FaultyStore failing(RotationStore delegate, Step step) {
        return new FaultyStore(delegate, step, When.BEFORE_WRITE, false);
    }

    @Override
    public SecretValue current() throws RotationStoreException {
        before(Step.CURRENT);
        return delegate.current();
    }

    @Override
    public Optional<SecretValue> pending() throws RotationStoreException {
        before(Step.PENDING);
        return delegate.pending();
    }

    @Override
    public Optional<RotationSubject> pendingSubject() throws RotationStoreException {
        before(Step.PENDING);
        return delegate.pendingSubject();
    }

    @Override
    public void savePending(SecretValue password, RotationSubject subject) throws RotationStoreException {
        before(Step.SAVE_PENDING);
        delegate.savePending(password, subject);
        after(Step.SAVE_PENDING);
    }

    @Override
    public void promote(SecretValue password) throws RotationStoreException {
        before(Step.PROMOTE);
        delegate.promote(password);
        after(Step.PROMOTE);
    }

    @Override
    public void clearPending() throws RotationStoreException {
        before(Step.CLEAR_PENDING);
        delegate.clearPending();
        after(Step.CLEAR_PENDING);
    }

    private void before(Step current) throws RotationStoreException {
        if (current == step && when == When.BEFORE_WRITE) {
            fire();
        }
    }

    private void after(Step current) throws RotationStoreException {
        if (current == step && when == When.AFTER_WRITE) {
            fire();
        }
    }

    private void fire() throws RotationStoreException {
        if (crash) {
            throw new SimulatedCrash("in " + step + ", " + when);
        }
        throw new RotationStoreException(FAILURE_MESSAGE);
    }
}
