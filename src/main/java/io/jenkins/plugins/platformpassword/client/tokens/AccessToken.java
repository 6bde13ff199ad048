package io.jenkins.plugins.platformpassword.client.tokens;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A bearer token from the token endpoint and how long it lives.
 *
 * @param value    the token itself; wrapped so it never prints
 * @param type     the token type as the platform sent it ({@code bearer})
 * @param lifetime when it arrived and when it stops working, on the controller's clock
 */
public record AccessToken(SecretValue value, String type, TokenLifetime lifetime) {

    public AccessToken {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(lifetime, "lifetime");
    }

    /** When the token stops working, on the controller's clock. */
    public Instant expiresAt() {
        return lifetime.expiresAt();
    }

    /**
     * Whether the token can still be used for a call that starts now. A token close to expiry
     * is treated as expired, so that a call never starts with a token that dies in flight; how
     * close is a share of its lifetime, at most {@code maxRenewalMargin} (see {@link TokenLifetime}).
     */
    public boolean isFreshAt(Instant now, Duration maxRenewalMargin) {
        return lifetime.isFreshAt(now, maxRenewalMargin);
    }

    public String authorizationHeader() {
        return "Bearer " + value.reveal();
    }

    @Override
    public String toString() {
        return "AccessToken[type=" + type + ", expiresAt=" + expiresAt() + ", value=" + value + "]";
    }
}
