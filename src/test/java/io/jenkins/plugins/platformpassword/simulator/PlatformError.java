package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.JsonObject;

/**
 * The platform's error body ({@code errorScheme} in the spec), used by every endpoint but the
 * token endpoint: {@code {"error":{"code":…,"domain":"PlatformAccountServer","message":…,"details":{"info":…}}}}.
 *
 * <p>Codes: the platform's own numbers where the project knows one (1000 internal error, 1002
 * access denied, 1027 business rules not satisfied); for protocol-level errors (malformed
 * request, missing token, unknown path, wrong method or content type, 429) the HTTP status,
 * because the platform's codes for those are not documented.
 */
record PlatformError(int status, int code, String message, String info) {

    static final String DOMAIN = "PlatformAccountServer";
    static final int INTERNAL = 1000;
    static final int ACCESS_DENIED = 1002;
    static final int BUSINESS_RULES = 1027;

    static PlatformError badRequest(String message, String info) {
        return new PlatformError(400, 400, message, info);
    }

    static PlatformError unauthorized(String info) {
        return new PlatformError(
                401, 401, "Authorization is required: the access token is missing, invalid or expired.", info);
    }

    static PlatformError forbidden(String message, String info) {
        return new PlatformError(403, ACCESS_DENIED, message, info);
    }

    static PlatformError notFound(String message, String info) {
        return new PlatformError(404, 404, message, info);
    }

    /** The error a fault injects for a bare status: a code and message typical of that status. */
    static PlatformError forStatus(int status) {
        if (status >= 500) {
            return new PlatformError(
                    status,
                    INTERNAL,
                    "Service is temporarily unavailable (HTTP " + status + ").",
                    "fault injected by the platform simulator");
        }
        if (status == 403) {
            return forbidden("Access denied.", "fault injected by the platform simulator");
        }
        if (status == 401) {
            return unauthorized("fault injected by the platform simulator");
        }
        return new PlatformError(
                status, status, "Request failed (HTTP " + status + ").", "fault injected by the platform simulator");
    }

    JsonObject toJson() {
        JsonObject details = new JsonObject();
        details.addProperty("info", info);
        JsonObject error = new JsonObject();
        error.addProperty("code", code);
        error.addProperty("domain", DOMAIN);
        error.addProperty("message", message);
        error.add("details", details);
        JsonObject body = new JsonObject();
        body.add("error", error);
        return body;
    }

    Answer toAnswer() {
        return Answer.json(status, toJson());
    }

    Rejection reject() {
        return new Rejection(toAnswer());
    }
}
