package io.jenkins.plugins.platformpassword.simulator;

import java.time.Instant;

/** An access token the simulator handed out, whom it belongs to and when it stops working. */
record IssuedToken(String value, Caller caller, Instant issuedAt, Instant expiresAt) {

    boolean isValidAt(Instant now) {
        return now.isBefore(expiresAt);
    }

    IssuedToken expiredAt(Instant instant) {
        return new IssuedToken(value, caller, issuedAt, instant);
    }

    /** Without the token itself. */
    @Override
    public String toString() {
        return "IssuedToken[caller=" + caller + ", expiresAt=" + expiresAt + "]";
    }
}
