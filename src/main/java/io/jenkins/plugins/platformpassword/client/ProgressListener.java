package io.jenkins.plugins.platformpassword.client;

import java.time.Duration;

/**
 * Hears what a {@link PlatformClient} does while an operation runs, so that a build log can say
 * it. Every text passed here is free of secrets and on one line.
 */
public interface ProgressListener {

    ProgressListener NONE = new ProgressListener() {};

    /** A new access token is being requested (none was cached, or the cached one was refused or near expiry). */
    default void requestingToken(PlatformEndpoint endpoint, String clientId) {}

    /** An attempt failed in a way worth retrying; the next attempt starts after {@code wait}. */
    default void retrying(String failure, int nextAttempt, int maxAttempts, Duration wait) {}

    /** The platform refused the access token; it is dropped and the call is repeated once with a fresh one. */
    default void tokenRefused() {}
}
