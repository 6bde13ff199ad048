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

    IssuedToken issue(Caller caller) {
        Instant now = Instant.now();
        IssuedToken token = new IssuedToken(RandomValues.token(), caller, now, now.plus(lifetime));
        tokens.put(token.value(), token);
        return token;
    }

    /** The owner of a token that exists and has not expired. */
    Optional<Caller> callerOf(String tokenValue) {
        IssuedToken token = tokens.get(tokenValue);
        return token != null && token.isValidAt(Instant.now()) ? Optional.of(token.caller()) : Optional.empty();
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

    /** Every token issued so far stops working now; tokens issued later live their normal lifetime. */
    void expireAll() {
        Instant past = Instant.now().minusSeconds(1);
        tokens.replaceAll((value, token) -> token.expiredAt(past));
    }
}
