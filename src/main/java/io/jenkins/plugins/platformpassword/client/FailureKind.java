package io.jenkins.plugins.platformpassword.client;

/** What went wrong, in the terms a user acts on. */
public enum FailureKind {
    /** The API client's id or secret was refused, or the platform kept refusing a fresh token. */
    AUTHENTICATION,
    /** The API client may not do this (HTTP 403). */
    FORBIDDEN,
    /** The user (or another object) does not exist for this API client (HTTP 404). */
    NOT_FOUND,
    /** The platform refused the request's content, e.g. a password its policy does not accept (HTTP 400, 409, ...). */
    REJECTED,
    /** The platform or the network was unavailable after the allowed retries (HTTP 5xx, 429, connection failures). */
    UNAVAILABLE,
    /** No answer in time: the request timeout or the overall deadline passed. */
    TIMEOUT,
    /** The platform answered in a way the API does not document, e.g. 200 where only 204 means success. */
    PROTOCOL,
    /**
     * Nothing was sent because a JVM setting would write the credentials to a log (the JDK HTTP
     * client's debug logging).
     */
    UNSAFE_SETTING,
    /**
     * Jenkins' proxy cannot carry the request: it needs credentials that this Java runtime will not
     * send (nothing was sent then), or it refused them (HTTP 407).
     */
    PROXY,
    /**
     * The calling thread was interrupted (a Jenkins build was aborted), or the client was closed
     * while the call was under way (Jenkins stopping); nothing was retried after that.
     */
    ABORTED
}
