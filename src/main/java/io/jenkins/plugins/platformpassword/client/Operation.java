package io.jenkins.plugins.platformpassword.client;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.AccessToken;
import io.jenkins.plugins.platformpassword.client.transport.HttpAnswer;
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
public abstract class Operation<T> {

    /** What the operation does, as the end of "Could not ...", e.g. "change the password of user 1c23...". */
    protected abstract String action();

    /** The request's absolute URL: the data center's API base and a path whose ids are validated. */
    protected abstract String url();

    /** Where the request goes, for messages; parsed when a message needs it, not for every request. */
    protected final URI target() {
        return URI.create(url());
    }

    /** Whether the request carries an access token (every request but the token request). */
    protected boolean needsToken() {
        return true;
    }

    protected abstract HttpRequest<?> request(UnirestInstance unirest, AccessToken token);

    /** The one status that means success; anything else, other 2xx included, is a failure. */
    protected abstract int successStatus();

    protected abstract T read(HttpAnswer answer) throws PlatformException;

    /**
     * The texts of a successful answer's value that messages or later requests may quote (ids,
     * logins). Should any repeat a secret that was sent, the answer is an echo, not the platform's,
     * and the call fails without using it.
     */
    protected List<String> quotableTexts(T value) {
        return List.of();
    }

    /**
     * Secrets this operation sends beyond the client's own (its secret, Basic header and token),
     * so that an answer echoing them can be cleaned.
     */
    protected SecretValue[] secrets() {
        return new SecretValue[0];
    }

    /** What a person should do about a 403 from this endpoint. */
    protected String forbiddenHint() {
        return "The API client lacks the right to do this.";
    }

    /** What a person should do about a 404 from this endpoint. */
    protected String notFoundHint() {
        return "The object was not found.";
    }

    /** What a person should do about a 400 from this endpoint. */
    protected String rejectedHint() {
        return "";
    }

    /**
     * Whether the request changes something on the platform, so that an unclear answer leaves the
     * change in doubt ({@link PlatformException#mayHaveBeenApplied()}). Reads and token requests do not.
     */
    protected boolean changesState() {
        return false;
    }

    /** Whether 400/401/403 mean "these credentials are wrong" (the token endpoint) rather than "not allowed". */
    protected boolean authenticates() {
        return false;
    }
}
