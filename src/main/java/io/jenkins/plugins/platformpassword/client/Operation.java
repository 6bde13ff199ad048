package io.jenkins.plugins.platformpassword.client;

import java.net.URI;
import java.util.List;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.UnirestInstance;

/**
 * One kind of request to the platform: how to build it, which status means success, how to read
 * the answer, and what to tell a person when the platform says no. The retry loop in
 * {@link PlatformClient} is the same for all of them.
 *
 * @param <T> what a successful answer yields
 */
abstract class Operation<T> {

    /** What the operation does, as the end of "Could not ...", e.g. "change the password of user 1c23...". */
    abstract String action();

    abstract URI target();

    /** Whether the request carries an access token (every request but the token request). */
    boolean needsToken() {
        return true;
    }

    abstract HttpRequest<?> request(UnirestInstance unirest, AccessToken token);

    /** The one status that means success; anything else, other 2xx included, is a failure. */
    abstract int successStatus();

    abstract T read(HttpAnswer answer) throws PlatformException;

    /**
     * The texts of a successful answer's value that messages or later requests may quote (ids,
     * logins). Should any repeat a secret that was sent, the answer is an echo, not the platform's,
     * and the call fails without using it.
     */
    List<String> quotableTexts(T value) {
        return List.of();
    }

    /**
     * Secrets this operation sends beyond the client's own (its secret, Basic header and token),
     * so that an answer echoing them can be cleaned.
     */
    SecretValue[] secrets() {
        return new SecretValue[0];
    }

    /** What a person should do about a 403 from this endpoint. */
    String forbiddenHint() {
        return "The API client lacks the right to do this.";
    }

    /** What a person should do about a 404 from this endpoint. */
    String notFoundHint() {
        return "The object was not found.";
    }

    /** What a person should do about a 400 from this endpoint. */
    String rejectedHint() {
        return "";
    }

    /** Whether 400/401/403 mean "these credentials are wrong" (the token endpoint) rather than "not allowed". */
    boolean authenticates() {
        return false;
    }
}
