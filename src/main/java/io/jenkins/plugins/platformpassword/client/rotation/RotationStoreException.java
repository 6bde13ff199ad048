package io.jenkins.plugins.platformpassword.client.rotation;

/**
 * A {@link RotationStore} could not read or write. The message names what failed (a credential
 * id, a store) and never a password: it ends up in the build log.
 */
public final class RotationStoreException extends Exception {

    private static final long serialVersionUID = 1L;

    public RotationStoreException(String message) {
        super(message);
    }

    public RotationStoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
