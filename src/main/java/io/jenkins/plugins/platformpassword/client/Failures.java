package io.jenkins.plugins.platformpassword.client;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import io.jenkins.plugins.platformpassword.client.secrets.ScreenedCause;
import io.jenkins.plugins.platformpassword.client.secrets.UntrustedText;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
import io.jenkins.plugins.platformpassword.client.transport.HttpTransport;
import io.jenkins.plugins.platformpassword.client.transport.TransportFailure;
import java.time.Duration;
import java.util.Optional;

/**
 * Turns what went wrong into a {@link PlatformException} whose message a person can act on:
 * what could not be done, what the platform answered, and what to check. Every text the client
 * did not write (a body, a header, an exception message of the network stack) passes the call's
 * {@link UntrustedText} rule before it is quoted.
 */
public final class Failures {

    /** How much of an unrecognised body a message quotes. */
    static final int EXCERPT_CHARS = 200;

    /**
     * How much of each member of the platform's error body (code, domain, message, details) a
     * message quotes. The contract leaves them free strings; without a cut, one answer could put
     * tens of kilobytes into every retry's log line.
     */
    static final int MEMBER_CHARS = 300;

    /** How much of a Content-Type or an exception message a message quotes. */
    private static final int HEADER_CHARS = 100;

    /**
     * How long a network failure's description may be: the JDK's own reason (Java 25 quotes the
     * TLS alert and the whole PKIX path error, some 200 characters) and the TLS hint after it must
     * both fit.
     */
    private static final int TRANSPORT_CHARS = 700;

    private Failures() {}

    static PlatformException fromAnswer(Operation<?> operation, HttpAnswer answer, UntrustedText untrusted) {
        int status = answer.status();
        Optional<PlatformError> said = readError(answer.bodyText(), untrusted);
        String excerpt = said.isPresent() ? null : excerpt(answer, untrusted);
        String platformSays = answer.bodyProblem() != null
                ? " Its body could not be read: " + cut(untrusted.quoted(answer.bodyProblem()), TRANSPORT_CHARS) + "."
                : said.map(PlatformError::describe)
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
                    + "and secret (its password), and that the API client is enabled at this data center. The plugin "
                    + "sends them with HTTP Basic (client_secret_basic, the platform's default); an API client created "
                    + "with token_endpoint_auth_method client_secret_post is refused that way.";
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
        } else if (status >= 300 && status < 400) {
            kind = FailureKind.PROTOCOL;
            hint =
                    "Redirects are not followed (they would carry the credentials elsewhere); check the data center URL.";
        } else if (status == 405 || status == 406 || status == 415 || status < 200) {
            kind = FailureKind.PROTOCOL;
            hint = "The platform did not accept the request's form; this is a bug in the plugin or an API change.";
        } else if (status == 408) {
            // The request did not arrive completely, so it was not acted on: safe to send again.
            kind = FailureKind.UNAVAILABLE;
            hint = "The platform, or a proxy or gateway in between, stopped waiting for the request before it had"
                    + " arrived completely, so it was not processed.";
            retryable = true;
        } else if (status == 413 || status == 414 || status == 431) {
            kind = FailureKind.PROTOCOL;
            hint = "The request was too large for the platform or for a proxy or gateway in between; the plugin's"
                    + " requests are small, so a proxy's size limit may be set too low.";
        } else if (status == 400 || status == 422) {
            kind = FailureKind.REJECTED;
            hint = operation.rejectedHint();
        } else {
            // Not an answer the platform documents for a refused value: the value hint would send people the wrong way.
            kind = FailureKind.REJECTED;
            hint = "The platform does not document this status for this request; a proxy or gateway between Jenkins"
                    + " and the platform may have answered instead.";
        }
        String message = join(prefix, platformSays, hint);
        PlatformException failure = new PlatformException(kind, message, status, said.orElse(null), excerpt, 1, null);
        return retryable ? failure.retryable(answer.retryAfter()) : failure;
    }

    /**
     * The transport failure's message quotes the network stack's exception, which may quote what a
     * server sent; when that repeats a secret, the message says only what failed where.
     */
    static PlatformException fromTransport(Operation<?> operation, TransportFailure failure, UntrustedText untrusted) {
        if (failure.reason() == TransportFailure.Reason.TUNNEL) {
            return tunnelRefused(operation, failure);
        }
        FailureKind kind = failure.reason() == TransportFailure.Reason.TIMEOUT
                ? FailureKind.TIMEOUT
                : failure.reason() == TransportFailure.Reason.CLOSED ? FailureKind.ABORTED : FailureKind.UNAVAILABLE;
        String said = untrusted.quotable(failure.getMessage());
        String what = said == null ? withheld(failure, operation.target()) : cut(said, TRANSPORT_CHARS);
        String message = "Could not " + operation.action() + ": " + what + ".";
        PlatformException result =
                new PlatformException(kind, message, 0, null, null, 1, ScreenedCause.of(failure.getCause(), untrusted));
        // A TLS failure is a configuration problem; asking again only delays the message.
        return failure.reason() == TransportFailure.Reason.TLS || failure.reason() == TransportFailure.Reason.CLOSED
                ? result
                : result.retryable(null);
    }

    /**
     * The proxy would not open a tunnel to the platform, so nothing reached it. A 4xx is the
     * proxy's policy and asking again changes nothing; a 5xx says it could not reach the platform,
     * which may pass, like the platform's own 5xx.
     */
    private static PlatformException tunnelRefused(Operation<?> operation, TransportFailure failure) {
        int status = failure.proxyStatus();
        String hint = status >= 500
                ? "The proxy could not reach the platform's host: check that the proxy may connect to it, and the"
                        + " platform's status page."
                : "Check that the proxy allows connections to the platform's host and port (its administrators"
                        + " decide), or exempt the host from the proxy in Jenkins' proxy configuration (Manage"
                        + " Jenkins, System, HTTP Proxy Configuration, No Proxy Host).";
        PlatformException result = new PlatformException(
                FailureKind.PROXY,
                "Could not " + operation.action() + ": " + failure.getMessage() + "; nothing reached the platform. "
                        + hint,
                0,
                null,
                null,
                1,
                null);
        return status >= 500 ? result.retryable(null) : result;
    }

    private static String withheld(TransportFailure failure, java.net.URI target) {
        String where = target.getHost() + (target.getPort() > 0 ? ":" + target.getPort() : "");
        String type =
                failure.getCause() == null ? "" : failure.getCause().getClass().getSimpleName() + "; ";
        String what =
                switch (failure.reason()) {
                    case CONNECT -> "could not connect to " + where;
                    case TLS -> "the TLS connection to " + where + " failed";
                    case TIMEOUT -> "no complete answer from " + where + " in time";
                    case BROKEN -> "the connection to " + where + " failed";
                    case CLOSED -> "the client was closed while the request to " + where + " was under way";
                    case TUNNEL -> "Jenkins' HTTP proxy refused to open a tunnel to " + where;
                };
        return what + " (" + type + "the rest of the message is not quoted: it repeats part of a secret that was sent)";
    }

    /** A successful answer whose values repeat a secret: a server or proxy echoes requests, so nothing in it is used. */
    static PlatformException echoInAnswer(Operation<?> operation, int status) {
        return protocol(
                operation,
                status,
                "its answer repeats part of a secret that was sent, so none of it is used or quoted; "
                        + "a proxy or server between Jenkins and the platform may echo requests");
    }

    public static PlatformException protocol(Operation<?> operation, int status, String problem) {
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
    public static PlatformException lookup(FailureKind kind, String message) {
        return new PlatformException(kind, message, 0, null, null, 0, null);
    }

    /** The pre-flight checks found a reason the change would fail; nothing was changed. */
    public static PlatformException preflight(FailureKind kind, String finding) {
        return new PlatformException(
                kind, "Pre-flight check failed, nothing was changed: " + finding, 0, null, null, 0, null);
    }

    static PlatformException unsafeSetting(Operation<?> operation, String setting) {
        return new PlatformException(
                FailureKind.UNSAFE_SETTING,
                "Refused to " + operation.action() + ": the JVM runs with "
                        + LogText.value(setting)
                        + ", which makes the JDK's HTTP client write request headers, including the API client's "
                        + "credentials and the access token, to the log. Remove that system property from the Jenkins "
                        + "controller's Java options and restart it.",
                0,
                null,
                null,
                0,
                null);
    }

    public static PlatformException deadlineWhileWaitingForToken(Duration waited) {
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

    private static Optional<PlatformError> readError(String body, UntrustedText untrusted) {
        return Json.parseObject(body).flatMap(json -> {
            JsonElement error = json.get("error");
            if (error != null && error.isJsonObject()) {
                JsonObject platform = error.getAsJsonObject();
                JsonElement details = platform.get("details");
                String info =
                        details != null && details.isJsonObject() ? Json.text(details.getAsJsonObject(), "info") : null;
                return Optional.of(new PlatformError(
                        member(untrusted, Json.text(platform, "code")),
                        member(untrusted, Json.text(platform, "domain")),
                        member(untrusted, Json.text(platform, "message")),
                        member(untrusted, info)));
            }
            if (error != null && error.isJsonPrimitive()) {
                return Optional.of(new PlatformError(
                        member(untrusted, error.getAsString()),
                        null,
                        member(untrusted, Json.text(json, "error_description")),
                        null));
            }
            return Optional.empty();
        });
    }

    /** A member of the error body as it may be quoted: screened first, then cut. */
    private static String member(UntrustedText untrusted, String text) {
        String quoted = untrusted.quoted(text);
        return quoted == null ? null : cut(quoted, MEMBER_CHARS);
    }

    /**
     * The start of the body, or {@link UntrustedText#WITHHELD}. The whole body is judged, not
     * only the part quoted, so that a secret straddling the cut cannot survive in part.
     */
    private static String excerpt(HttpAnswer answer, UntrustedText untrusted) {
        String text = answer.bodyText();
        if (text.isBlank()) {
            return null;
        }
        String type = answer.contentType() == null ? null : untrusted.quotable(answer.contentType());
        String typeNote = type == null || type.isEmpty() ? "" : " (" + cut(type, HEADER_CHARS) + ")";
        String cleaned = untrusted.quotable(text);
        if (cleaned == null) {
            return UntrustedText.WITHHELD + typeNote;
        }
        boolean longer = cleaned.length() > EXCERPT_CHARS || answer.truncated();
        return "\"" + cut(cleaned, EXCERPT_CHARS) + (longer && cleaned.length() <= EXCERPT_CHARS ? "..." : "") + "\""
                + typeNote;
    }

    /** At most {@code max} characters, "..." marking a cut; never splits a surrogate pair. */
    private static String cut(String text, int max) {
        if (text.length() <= max) {
            return text;
        }
        int end = Character.isHighSurrogate(text.charAt(max - 1)) ? max - 1 : max;
        return text.substring(0, end) + "...";
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
