package io.jenkins.plugins.platformpassword.client.rotation;

import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.UserId;
import java.util.Objects;

/**
 * Whose password a pending entry holds: one user at one data center. Recorded with the pending
 * password, so that a later run of a copied or parameterised job that names the same credential
 * but another user or data center does not "finish" the rotation by giving that other user the
 * pending password. Holds ids and a URL only, nothing secret.
 *
 * @param dataCenter the data center URL, as {@link PlatformEndpoint#dataCenterUrl()} writes it
 * @param userId     the user's id, lower case
 */
public record RotationSubject(String dataCenter, String userId) {

    public RotationSubject {
        Objects.requireNonNull(dataCenter, "dataCenter");
        Objects.requireNonNull(userId, "userId");
    }

    public static RotationSubject of(PlatformEndpoint endpoint, UserId user) {
        return new RotationSubject(endpoint.dataCenterUrl().toString(), user.value());
    }

    @Override
    public String toString() {
        return "user " + userId + " at " + dataCenter;
    }
}
