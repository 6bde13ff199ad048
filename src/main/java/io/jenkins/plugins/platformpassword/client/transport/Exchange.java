package io.jenkins.plugins.platformpassword.client.transport;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * One request on the wire, as far as anyone needs to see and stop it: the calling thread, which
 * waits in the JDK's {@code send} for it, and whoever stops it meanwhile (the attempt's deadline,
 * a close of the client or the transport).
 *
 * <p>Unirest sends the request through {@link AbortableHttpClient}, several calls away from the
 * code that made the exchange; {@link #enter()} hands the exchange to it on the calling thread.
 */
final class Exchange {

    /** Why an exchange was stopped before it ended by itself. */
    enum Stop {
        /** The calling thread was interrupted (a build abort). */
        INTERRUPTED,
        /** The attempt's time was up. */
        TIMED_OUT,
        /** The client or its transport was closed. */
        CLOSED
    }

    /** Status, headers and the collected body: all the caller gets from the JDK. */
    record Answer(int status, HttpHeaders headers, HttpClient.Version version, byte[] body) {}

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private final BodyCap caps;
    private final Duration timeout;
    private volatile boolean headersArrived;
    private volatile boolean hasBody;
    private volatile boolean bodyRequested;
    private volatile CappedBody body;
    private volatile HttpResponse.ResponseInfo info;
    private volatile Stop stopped;
    /** The thread in the JDK's {@code send} for this exchange, or null; guarded by {@code this}. */
    private Thread waiter;
    /**
     * Whether a stop or an {@link #overran()} interrupted the waiter, whose flag is then not a build
     * abort; guarded by {@code this}.
     */
    private boolean interruptedByStop;

    Exchange(BodyCap caps, Duration timeout) {
        this.caps = caps;
        this.timeout = timeout;
    }

    /** The exchange the calling thread is making, or null. */
    static Exchange current() {
        return CURRENT.get();
    }

    /** Makes this the calling thread's exchange until the returned scope is closed. */
    Scope enter() {
        CURRENT.set(this);
        return CURRENT::remove;
    }

    /** Ends {@link #enter()}; closing it never fails. */
    interface Scope extends AutoCloseable {
        @Override
        void close();
    }

    Duration timeout() {
        return timeout;
    }

    /** Called by the JDK when status and headers have arrived: from here on the body is read. */
    HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
        // One byte over the cap, so that a longer body shows as truncated.
        CappedBody reader = new CappedBody(caps.forStatus(info.statusCode()) + 1);
        this.info = info;
        body = reader;
        headersArrived = true;
        if (stopped != null) {
            reader.cancel();
        }
        return reader;
    }

    boolean headersArrived() {
        return headersArrived;
    }

    /** The status and headers of the answer, once they have arrived; null before. */
    HttpResponse.ResponseInfo headersSeen() {
        return info;
    }

    /** The request has a body, watched by {@link WatchedBody}: whether it was sent is then known. */
    void expectBody() {
        hasBody = true;
    }

    void bodyRequested() {
        bodyRequested = true;
    }

    /** Whether a request's headers went out, as far as its body tells. */
    enum Sent {
        /** The JDK asked for the body, which it does once the headers are out. */
        YES,
        /** The JDK never asked for the body. */
        NO,
        /** A request without a body: not known. */
        UNKNOWN
    }

    Sent requestSent() {
        return !hasBody ? Sent.UNKNOWN : bodyRequested ? Sent.YES : Sent.NO;
    }

    /** Whether the body filled the cap: what was collected is then all the caller gets, and complete as such. */
    boolean reachedCap() {
        CappedBody reading = body;
        return reading != null && reading.reachedCap();
    }

    /** The headers and the body collected up to the cap; only after {@link #reachedCap()}. */
    Answer cutAtCap() {
        HttpResponse.ResponseInfo seen = info;
        CappedBody collected = body;
        if (seen == null || collected == null) {
            throw new IllegalStateException("no answer has arrived to cut");
        }
        return new Answer(seen.statusCode(), seen.headers(), seen.version(), collected.collected());
    }

    /**
     * The calling thread is about to wait in the JDK's {@code send}; from here until
     * {@link #endWaiting()} a stop may interrupt it.
     *
     * @return false, and nothing changed, when the exchange was stopped already
     */
    synchronized boolean startWaiting() {
        if (stopped != null) {
            return false;
        }
        waiter = Thread.currentThread();
        return true;
    }

    /**
     * The wait in {@code send} is over. If a stop interrupted it, that interrupt is taken back, so
     * that it is not mistaken for a build abort later.
     *
     * @return why the exchange was stopped, or null
     */
    synchronized Stop endWaiting() {
        waiter = null;
        if (interruptedByStop) {
            Thread.interrupted();
        }
        return stopped;
    }

    /** Whether a thread waits in {@code send} for this exchange's headers. */
    synchronized boolean waitingForHeaders() {
        return waiter != null && !headersArrived;
    }

    /** Whether the wait in {@code send} was interrupted by a stop or an overrun, not by a build abort. */
    synchronized boolean interruptedByStop() {
        return interruptedByStop;
    }

    /**
     * Stops the exchange from any thread. A body under way is refused, which closes an HTTP/1.1
     * connection or resets an HTTP/2 stream and makes the JDK's {@code send} fail at once. Before
     * the headers there is no body to refuse: a close then interrupts the waiting thread, on which
     * the JDK cancels the request; a deadline leaves it to the JDK's own request timeout, which
     * ends at the same time, with {@link #overran()} behind it.
     */
    void stop(Stop why) {
        synchronized (this) {
            if (stopped == null) {
                stopped = why;
            }
            if (why == Stop.CLOSED) {
                // A genuine abort that arrives in this same instant is absorbed with this interrupt; the
                // call fails as closed anyway, and a closed call is never retried.
                interruptWaiterBeforeHeaders();
            }
        }
        CappedBody reading = body;
        if (reading != null) {
            reading.cancel();
        }
    }

    /**
     * The deadline has passed, and a while after it still no headers: the JDK's own request timeout
     * did not end the wait, because the JDK sent the request once more by itself (a pooled
     * connection that closed before answering, an HTTP/2 stream the server refused) and started
     * that timeout again. The waiting thread is interrupted, on which the JDK cancels the request.
     */
    synchronized void overran() {
        if (stopped == null) {
            stopped = Stop.TIMED_OUT;
        }
        interruptWaiterBeforeHeaders();
    }

    private void interruptWaiterBeforeHeaders() {
        if (waiter != null && !headersArrived && !interruptedByStop) {
            interruptedByStop = true;
            waiter.interrupt();
        }
    }

    /** Why the exchange was stopped, or null while nobody stopped it. */
    Stop stopped() {
        return stopped;
    }
}
