package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.Optional;

/**
 * Where the store keeps the password the platform accepts: the invariant of the protocol is
 * that the answer is never {@link #NOWHERE} (kept only in the memory of a run that may die).
 */
enum ActiveCopy {
    CURRENT("current"),
    PENDING("pending"),
    BOTH("current and pending"),
    NOWHERE("NOWHERE (only in memory)");

    private final String label;

    ActiveCopy(String label) {
        this.label = label;
    }

    static ActiveCopy of(SecretValue onPlatform, InMemoryRotationStore store) {
        boolean inCurrent = onPlatform.equals(store.current());
        Optional<SecretValue> pending = store.pending();
        boolean inPending = pending.isPresent() && onPlatform.equals(pending.get());
        if (inCurrent && inPending) {
            return BOTH;
        }
        if (inCurrent) {
            return CURRENT;
        }
        return inPending ? PENDING : NOWHERE;
    }

    /** Whether the exception's claim about the active password matches where it really is. */
    boolean agreesWith(ActivePassword claim) {
        return switch (claim) {
            case CURRENT -> this == CURRENT || this == BOTH;
            case PENDING -> this == PENDING;
            case CURRENT_OR_PENDING -> this != NOWHERE;
        };
    }

    @Override
    public String toString() {
        return label;
    }
}
