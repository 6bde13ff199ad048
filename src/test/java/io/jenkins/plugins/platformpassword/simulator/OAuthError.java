package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.JsonObject;

/**
 * The token endpoint's error body ({@code tokenError} in the spec), which is the OAuth 2 shape
 * and not the platform's: {@code {"error":"access_denied","error_description":"…"}}. The spec
 * allows only a few values for {@code error}; the simulator uses two of them.
 */
record OAuthError(int status, String error, String description) {

    static OAuthError invalidRequest(String description) {
        return new OAuthError(400, "invalid_request", description);
    }

    static OAuthError accessDenied(String description) {
        return new OAuthError(401, "access_denied", description);
    }

    Rejection reject() {
        JsonObject body = new JsonObject();
        body.addProperty("error", error);
        body.addProperty("error_description", description);
        // RFC 6749 section 5.1/5.2: token answers must not be cached.
        return new Rejection(Answer.json(status, body)
                .withHeader("Cache-Control", "no-store")
                .withHeader("Pragma", "no-cache"));
    }
}
