package io.jenkins.plugins.platformpassword.client;

import java.time.Duration;

/**
 * A password change that the platform confirmed (HTTP 204).
 *
 * @param userId          whose password changed
 * @param attempts        how many password requests it took (1 unless something was retried)
 * @param elapsed         how long the whole operation took, token request and waits included
 * @param tokenFromCache  whether a cached access token was used (no token request was needed)
 */
public record ChangeOutcome(UserId userId, int attempts, Duration elapsed, boolean tokenFromCache) {}
