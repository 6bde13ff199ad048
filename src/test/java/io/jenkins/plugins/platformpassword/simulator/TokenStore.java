package io.jenkins.plugins.platformpassword.simulator;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The access tokens handed out so far, their owners and lifetimes. */
final class TokenStore {

    /** The platform's documented token lifetime. */
    static final Duration DEFAULT_LIFETIME = Duration.ofHours(2);

    private final Map<String, IssuedToken> tokens = new ConcurrentHashMap<>();
    private volatile Duration lifetime = DEFAULT_LIFETIME;
    /** How far the simulated platform's clock runs ahead of the real one (negative: behind). */
    private volatile Duration clockOffset = Duration.ZERO;

    IssuedToken issue(Caller caller) {
        Instant now = now();
        IssuedToken token = new IssuedToken(RandomValues.token(), caller, now, now.plus(lifetime));
        tokens.put(token.value(), token);
        return token;
    }

    /** The owner of a token that exists and has not expired. */
    Optional<Caller> callerOf(String tokenValue) {
        IssuedToken token = tokens.get(tokenValue);
        return token != null && token.isValidAt(now()) ? Optional.of(token.caller()) : Optional.empty();
    }

    Optional<IssuedToken> find(String tokenValue) {
        return Optional.ofNullable(tokens.get(tokenValue));
    }

    void lifetime(Duration value) {
        if (value.isNegative()) {
            throw new IllegalArgumentException("a token lifetime cannot be negative: " + value);
        }
        lifetime = value;
    }

    Duration lifetime() {
        return lifetime;
    }

    /**
     * Sets the platform's clock this far from the real one. Tokens still live their lifetime in
     * real time, but {@code expires_on} and every expiry check read the platform's clock, as they
     * would on a platform whose clock differs from the controller's.
     */
    void clockOffset(Duration value) {
        clockOffset = value;
    }

    private Instant now() {
        return Instant.now().plus(clockOffset);
    }

    /** Every token issued so far stops working now; tokens issued later live their normal lifetime. */
    void expireAll() {
        Instant past = now().minusSeconds(1);
        tokens.replaceAll((value, token) -> token.expiredAt(past));
    }
}
