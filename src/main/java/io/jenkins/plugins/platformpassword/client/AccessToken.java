package io.jenkins.plugins.platformpassword.client;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token from the token endpoint and the moment it stops working.
 *
 * @param value     the token itself; wrapped so it never prints
 * @param type      the token type as the platform sent it ({@code bearer})
 * @param expiresAt when the platform stops accepting it
 */
public record AccessToken(SecretValue value, String type, Instant expiresAt) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /**
     * Whether the token can still be used for a call that starts now. A token close to expiry
     * is treated as expired, so that a call never starts with a token that dies in flight; the
     * vendor's own examples renew 15 minutes ahead.
     */
    public boolean isFreshAt(Instant now, Duration renewalMargin) {
        return now.plus(renewalMargin).isBefore(expiresAt);
    }

    String authorizationHeader() {
        return "Bearer " + value.reveal();
    }

    @Override
    public String toString() {
        return "AccessToken[type=" + type + ", expiresAt=" + expiresAt + ", value=" + value + "]";
    }
}
