package io.jenkins.plugins.platformpassword.simulator;

import java.util.Locale;
import java.util.Optional;

/** Turns {@code Authorization: Bearer <token>} into the caller, or the platform's 401. */
final class Authenticator {

    private final TokenStore tokens;

    Authenticator(TokenStore tokens) {
        this.tokens = tokens;
    }

    Caller caller(IncomingRequest request) throws Rejection {
        Optional<String> header = request.header("Authorization");
        if (header.isEmpty()) {
            throw unauthorized("the request has no Authorization header");
        }
        String value = header.get().strip();
        int space = value.indexOf(' ');
        if (space < 0 || !value.substring(0, space).toLowerCase(Locale.ROOT).equals("bearer")) {
            throw unauthorized("the Authorization header is not a Bearer token");
        }
        String token = value.substring(space + 1).strip();
        Optional<IssuedToken> issued = tokens.find(token);
        if (issued.isEmpty()) {
            throw unauthorized("the access token is unknown");
        }
        return tokens.callerOf(token).orElseThrow(() -> unauthorized("the access token has expired"));
    }

    private static Rejection unauthorized(String info) {
        return new Rejection(PlatformError.unauthorized(info).toAnswer().withHeader("WWW-Authenticate", "Bearer"));
    }
}
