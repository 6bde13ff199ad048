package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.ChangeOutcome;

/**
 * A rotation that finished: the platform and the target credential hold the same new password
 * and no pending entry is left. Holds nothing secret, so it may be printed.
 *
 * @param recovered true when this run finished a rotation that an earlier run had left pending,
 *                  instead of starting a new one
 * @param change    the platform's confirmation of the password change this run made
 */
public record RotationOutcome(boolean recovered, ChangeOutcome change) {}
