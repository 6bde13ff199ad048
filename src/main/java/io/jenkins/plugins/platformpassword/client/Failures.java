package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns what went wrong into a {@link PlatformException} whose message a person can act on:
 * what could not be done, what the platform answered, and what to check. Every text taken from an
 * answer goes through the operation's {@link Redactor} first.
 */
final class Failures {

    /** How much of an unrecognised body a message quotes. */
    static final int EXCERPT_CHARS = 200;

    private Failures() {}

    static PlatformException fromAnswer(Operation<?> operation, HttpAnswer answer, Redactor redactor) {
        int status = answer.status();
        Optional<PlatformError> said = readError(answer.bodyText(), redactor);
        String excerpt = said.isPresent() ? null : excerpt(answer, redactor);
        String platformSays = said.map(PlatformError::describe)
                .filter(text -> !text.isEmpty())
                .map(text -> " The platform said: " + text + (text.matches(".*[.!?]$") ? "" : "."))
                .orElse(excerpt == null ? "" : " The answer began with: " + excerpt);
        String prefix = "Could not " + operation.action() + ": HTTP " + status + ".";
        FailureKind kind;
        String hint;
        boolean retryable = false;
        if (status == 407) {
            // Only a proxy answers 407; asking it again with the same credentials changes nothing.
            kind = FailureKind.PROXY;
            hint = "Jenkins' HTTP proxy refused the request: it wants a user name and password that Jenkins did not"
                    + " send or that it does not accept. Check the proxy's user name and password in Jenkins' proxy"
                    + " configuration (Manage Jenkins, System, HTTP Proxy Configuration), or exempt the platform's host"
                    + " from the proxy.";
        } else if (status == 429) {
            kind = FailureKind.UNAVAILABLE;
            hint = "The platform asks to slow down (too many requests).";
            retryable = true;
        } else if (answer.isServerError()) {
            kind = FailureKind.UNAVAILABLE;
            hint = "The platform has a service problem; try again later or check the platform's status page.";
            retryable = true;
        } else if (operation.authenticates() && (status == 400 || status == 401 || status == 403)) {
            kind = FailureKind.AUTHENTICATION;
            hint = "The platform refused the API client's credentials: check the client id (the credential's username) "
                    + "and secret (its password), and that the API client is enabled at this data center.";
        } else if (status == 401 && !operation.needsToken()) {
            kind = FailureKind.AUTHENTICATION;
            hint =
                    "The platform asked for authentication on an endpoint that needs none; a proxy or gateway in between may require it.";
        } else if (status == 401) {
            kind = FailureKind.AUTHENTICATION;
            hint =
                    "The platform refused a freshly issued access token; the API client may have been disabled or deleted.";
        } else if (status == 403) {
            kind = FailureKind.FORBIDDEN;
            hint = operation.forbiddenHint();
        } else if (status == 404) {
            kind = FailureKind.NOT_FOUND;
            hint = operation.notFoundHint();
        } else if (status >= 200 && status < 300) {
            kind = FailureKind.PROTOCOL;
            hint = "Only HTTP " + operation.successStatus()
                    + " means success here, so the change is not treated as done; "
                    + "a proxy or gateway between Jenkins and the platform may have answered instead of the platform.";
        } else if (status == 405 || status == 415 || status < 200 || status >= 300 && status < 400) {
            kind = FailureKind.PROTOCOL;
            hint = status >= 300 && status < 400
                    ? "Redirects are not followed (they would carry the credentials elsewhere); check the data center URL."
                    : "The platform did not accept the request's form; this is a bug in the plugin or an API change.";
        } else {
            kind = FailureKind.REJECTED;
            hint = operation.rejectedHint();
        }
        String message = join(prefix, platformSays, hint);
        PlatformException failure = new PlatformException(kind, message, status, said.orElse(null), excerpt, 1, null);
        return retryable ? failure.retryable(answer.retryAfter()) : failure;
    }

    static PlatformException fromTransport(Operation<?> operation, TransportFailure failure) {
        FailureKind kind = failure.reason() == TransportFailure.Reason.TIMEOUT
                ? FailureKind.TIMEOUT
                : failure.reason() == TransportFailure.Reason.CLOSED ? FailureKind.ABORTED : FailureKind.UNAVAILABLE;
        String message = "Could not " + operation.action() + ": " + failure.getMessage() + ".";
        PlatformException result = new PlatformException(kind, message, 0, null, null, 1, failure.getCause());
        // A TLS failure is a configuration problem; asking again only delays the message.
        return failure.reason() == TransportFailure.Reason.TLS || failure.reason() == TransportFailure.Reason.CLOSED
                ? result
                : result.retryable(null);
    }

    static PlatformException protocol(Operation<?> operation, int status, String problem) {
        return new PlatformException(
                FailureKind.PROTOCOL,
                "Could not " + operation.action() + ": HTTP " + status + ", but " + problem + ".",
                status,
                null,
                null,
                1,
                null);
    }

    static PlatformException aborted(Operation<?> operation, int attempts) {
        return new PlatformException(
                FailureKind.ABORTED,
                "Aborted while trying to " + operation.action() + " (attempt " + attempts
                        + "); no further attempt was made.",
                0,
                null,
                null,
                attempts,
                null);
    }

    /** The proxy cannot be used as configured; nothing was sent. */
    static PlatformException proxyRefused(Operation<?> operation, String why) {
        return new PlatformException(
                FailureKind.PROXY, "Refused to " + operation.action() + ": " + why, 0, null, null, 0, null);
    }

    /** The client (or the transport under it) was closed while the operation was under way. */
    static PlatformException closed(Operation<?> operation, int attempts) {
        return new PlatformException(
                FailureKind.ABORTED,
                "Stopped while trying to " + operation.action() + " (attempt " + attempts
                        + "): the client was closed while the call was under way (Jenkins is shutting down, or the"
                        + " build ended); no further attempt was made.",
                0,
                null,
                null,
                attempts,
                null);
    }

    /** A lookup that got answers but not the one needed (no or several users with a login). */
    static PlatformException lookup(FailureKind kind, String message) {
        return new PlatformException(kind, message, 0, null, null, 0, null);
    }

    /** The pre-flight checks found a reason the change would fail; nothing was changed. */
    static PlatformException preflight(Diagnosis diagnosis) {
        FailureKind kind =
                diagnosis.finding() == Diagnosis.Finding.UNKNOWN_USER ? FailureKind.NOT_FOUND : FailureKind.FORBIDDEN;
        return new PlatformException(
                kind, "Pre-flight check failed, nothing was changed: " + diagnosis.explain(), 0, null, null, 0, null);
    }

    static PlatformException unsafeSetting(Operation<?> operation, String setting) {
        return new PlatformException(
                FailureKind.UNSAFE_SETTING,
                "Refused to " + operation.action() + ": the JVM runs with "
                        + setting
                        + ", which makes the JDK's HTTP client write request headers, including the API client's "
                        + "credentials and the access token, to the log. Remove that system property from the Jenkins "
                        + "controller's Java options and restart it.",
                0,
                null,
                null,
                0,
                null);
    }

    static PlatformException deadlineWhileWaitingForToken(Duration waited) {
        return new PlatformException(
                FailureKind.TIMEOUT,
                "Gave up after waiting " + HttpTransport.seconds(waited)
                        + " for another build's access token request to finish.",
                0,
                null,
                null,
                0,
                null);
    }

    private static Optional<PlatformError> readError(String body, Redactor redactor) {
        return Json.parseObject(body).flatMap(json -> {
            JsonElement error = json.get("error");
            if (error != null && error.isJsonObject()) {
                JsonObject platform = error.getAsJsonObject();
                JsonElement details = platform.get("details");
                String info =
                        details != null && details.isJsonObject() ? Json.text(details.getAsJsonObject(), "info") : null;
                return Optional.of(new PlatformError(
                        clean(Json.text(platform, "code"), redactor), clean(Json.text(platform, "domain"), redactor),
                        clean(Json.text(platform, "message"), redactor), clean(info, redactor)));
            }
            if (error != null && error.isJsonPrimitive()) {
                return Optional.of(new PlatformError(
                        clean(error.getAsString(), redactor),
                        null,
                        clean(Json.text(json, "error_description"), redactor),
                        null));
            }
            return Optional.empty();
        });
    }

    private static String excerpt(HttpAnswer answer, Redactor redactor) {
        String text = answer.bodyText();
        if (text.isBlank()) {
            return null;
        }
        // Redact before cutting, so that a secret straddling the cut cannot survive in part.
        String cleaned = clean(text, redactor);
        boolean longer = cleaned.length() > EXCERPT_CHARS || answer.truncated();
        String start = cleaned.length() > EXCERPT_CHARS ? cleaned.substring(0, EXCERPT_CHARS) : cleaned;
        String type = answer.contentType() == null ? "" : " (" + answer.contentType() + ")";
        return "\"" + start + (longer ? "..." : "") + "\"" + type;
    }

    /** Redacts, then folds whitespace and drops control characters so that a body cannot forge log lines. */
    private static String clean(String text, Redactor redactor) {
        if (text == null) {
            return null;
        }
        String redacted = redactor.redact(text);
        StringBuilder out = new StringBuilder(redacted.length());
        redacted.codePoints().forEach(cp -> {
            if (Character.isWhitespace(cp) || Character.isISOControl(cp)) {
                if (out.length() > 0 && out.charAt(out.length() - 1) != ' ') {
                    out.append(' ');
                }
            } else {
                out.appendCodePoint(cp);
            }
        });
        return out.toString().strip();
    }

    private static String join(String... parts) {
        StringBuilder text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(text.length() > 0 ? " " : "").append(part.strip());
            }
        }
        return text.toString();
    }
}
