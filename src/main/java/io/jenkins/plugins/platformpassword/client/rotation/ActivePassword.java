package io.jenkins.plugins.platformpassword.client.rotation;

/**
 * Where the password that the platform currently accepts is kept when a rotation stops with a
 * {@link RotationException}. It is never only in memory; this says which credential to use until
 * a later run finishes the rotation.
 */
public enum ActivePassword {
    /** In the target credential: the platform still has the old password, or the rotation got as far as promoting. */
    CURRENT,
    /** In the pending entry only: the platform has the new password, the target still the old one. */
    PENDING,
    /** In one of the two, and there is no telling which: the platform may or may not have applied the new password. */
    CURRENT_OR_PENDING
}
