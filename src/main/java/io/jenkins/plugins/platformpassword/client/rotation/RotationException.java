package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import java.util.Objects;
import java.util.Optional;

/**
 * A rotation that stopped before it finished. The message is for the build log: what happened,
 * where the active password is now, and whether a later run finishes the job or a person must.
 * It never contains a password; the cause is the {@link PlatformException} or
 * {@link RotationStoreException} that stopped the rotation, both free of secrets as well.
 */
public final class RotationException extends Exception {

    private static final long serialVersionUID = 1L;

    private final ActivePassword activePassword;

    RotationException(String message, ActivePassword activePassword, Throwable cause) {
        super(message, cause);
        this.activePassword = Objects.requireNonNull(activePassword, "activePassword");
    }

    /** Which credential holds the password the platform accepts now. */
    public ActivePassword activePassword() {
        return activePassword;
    }

    /** What the platform said, when the platform call is what failed. */
    public Optional<FailureKind> platformFailure() {
        return getCause() instanceof PlatformException platform ? Optional.of(platform.kind()) : Optional.empty();
    }
}
