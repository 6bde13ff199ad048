package io.jenkins.plugins.platformpassword.client;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * One request on the wire, as far as anyone needs to see and stop it: the calling thread, which
 * waits for it with a time limit, and whoever closes the client or the transport meanwhile.
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

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private final int bodyCap;
    private final Duration timeout;
    private volatile boolean headersArrived;
    private volatile CappedBody body;
    private volatile CompletableFuture<?> response;
    private volatile Stop stopped;

    Exchange(int bodyCap, Duration timeout) {
        this.bodyCap = bodyCap;
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
    HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo ignored) {
        CappedBody reader = new CappedBody(bodyCap);
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

    /** Records the JDK's future of this exchange, so that {@link #stop} can cancel it. */
    void sent(CompletableFuture<?> future) {
        response = future;
        // A stop that came while the request was being handed to the JDK did not see the future yet.
        if (stopped != null) {
            future.cancel(true);
        }
    }

    /**
     * Stops the exchange from any thread: the JDK's future is cancelled (which closes an HTTP/1.1
     * connection or resets an HTTP/2 stream) and the body, if under way, is refused.
     */
    void stop(Stop why) {
        if (stopped == null) {
            stopped = why;
        }
        CappedBody reading = body;
        if (reading != null) {
            reading.cancel();
        }
        CompletableFuture<?> future = response;
        if (future != null) {
            future.cancel(true);
        }
    }

    /** Why the exchange was stopped, or null while nobody stopped it. */
    Stop stopped() {
        return stopped;
    }
}
