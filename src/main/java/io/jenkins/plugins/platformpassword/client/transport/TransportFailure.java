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
        CLOSED,
        /** Jenkins' proxy answered the tunnel's CONNECT with a status other than 200: nothing reached the platform. */
        TUNNEL
    }

    private final Reason reason;
    private final boolean requestMayHaveArrived;
    private final int proxyStatus;

    /** A failure with the connection up (a timeout, a broken connection) counts as one the platform may have seen. */
    public TransportFailure(Reason reason, String message, Throwable cause) {
        this(reason, message, cause, reason == Reason.TIMEOUT || reason == Reason.BROKEN || reason == Reason.CLOSED, 0);
    }

    private TransportFailure(
            Reason reason, String message, Throwable cause, boolean requestMayHaveArrived, int proxyStatus) {
        super(message, cause);
        this.reason = reason;
        this.requestMayHaveArrived = requestMayHaveArrived;
        this.proxyStatus = proxyStatus;
    }

    /** Nothing was sent: no connection within the connect timeout, or a request the JDK would not build. */
    public static TransportFailure beforeSending(Reason reason, String message, Throwable cause) {
        return new TransportFailure(reason, message, cause, false, 0);
    }

    /** The proxy refused the tunnel with this status. */
    static TransportFailure tunnelRefused(String message, int proxyStatus) {
        return new TransportFailure(Reason.TUNNEL, message, null, false, proxyStatus);
    }

    /** The same failure with what is known about whether the request went out. */
    TransportFailure withRequestSent(boolean sent) {
        return sent == requestMayHaveArrived
                ? this
                : new TransportFailure(reason, getMessage(), getCause(), sent, proxyStatus);
    }

    public Reason reason() {
        return reason;
    }

    /**
     * Whether the request may have reached the platform before the failure, so that the platform
     * may have acted on it: false for a failure to connect, to set up TLS or a tunnel, or to build
     * the request, true once a connection carried it.
     */
    public boolean requestMayHaveArrived() {
        return requestMayHaveArrived;
    }

    /** The status the proxy answered a refused tunnel with; 0 for every other reason. */
    public int proxyStatus() {
        return proxyStatus;
    }
}
