package io.jenkins.plugins.platformpassword.client.transport;

import io.jenkins.plugins.platformpassword.client.Failures;
import io.jenkins.plugins.platformpassword.client.PlatformException;

/**
 * A request that got no complete answer: no connection, no answer in time, or a connection that
 * broke while the answer was read. Internal to the client; the retry loop turns it into a
 * {@link PlatformException}. Its message names the host and quotes the network stack's
 * exception, whose message may quote what a server sent (the JDK puts an invalid status line in
 * it), so the message and the cause are untrusted text: {@link Failures#fromTransport} screens
 * both before anything reaches a person.
 */
public final class TransportFailure extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No connection could be made (refused, unreachable, DNS). */
        CONNECT,
        /** No TLS session: a wrong port or scheme, or a certificate Jenkins does not trust. Not transient. */
        TLS,
        /** No (complete) answer in time. */
        TIMEOUT,
        /** The connection broke while the request or answer was under way. */
        BROKEN,
        /** The client or its transport was closed while the request was under way. Not transient. */
        CLOSED
    }

    private final Reason reason;

    public TransportFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
