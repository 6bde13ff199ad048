package io.jenkins.plugins.platformpassword.client.transport;

import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
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

    /** Status, headers and the collected body: all the caller gets from the JDK. */
    record Answer(int status, HttpHeaders headers, HttpClient.Version version, byte[] body) {}

    private static final ThreadLocal<Exchange> CURRENT = new ThreadLocal<>();

    private final int bodyCap;
    private final Duration timeout;
    private volatile boolean headersArrived;
    private volatile CappedBody body;
    private volatile CompletableFuture<?> response;
    private volatile Stop stopped;
    private volatile HttpResponse.ResponseInfo info;
    /** What the caller waits for: completed from the JDK's future, or stopped. */
    private final CompletableFuture<Answer> answer = new CompletableFuture<>();

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
    HttpResponse.BodySubscriber<byte[]> bodyFor(HttpResponse.ResponseInfo info) {
        CappedBody reader = new CappedBody(bodyCap);
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

    /** Records the JDK's future of this exchange, so that {@link #stop} can cancel it. */
    void sent(CompletableFuture<HttpResponse<byte[]>> future) {
        response = future;
        // The JDK's future, not the body reader, completes the answer: it completes after the
        // connection is back in the JDK's pool, so the next request can take it. Only a body cut
        // at the cap is taken from the reader, because refusing the rest may make the JDK fail
        // the exchange (an HTTP/2 stream reset) after the body was complete for us.
        future.whenComplete((complete, failure) -> {
            CappedBody reading = body;
            if (failure == null) {
                // From the response, not from the headers the reader saw: a proxy's 407 to the tunnel
                // comes as a response the JDK makes up, without a body and so without a reader.
                byte[] bytes = complete.body();
                answer.complete(new Answer(
                        complete.statusCode(),
                        complete.headers(),
                        complete.version(),
                        bytes == null ? new byte[0] : bytes));
            } else if (reading != null && reading.reachedCap()) {
                HttpResponse.ResponseInfo seen = info;
                answer.complete(new Answer(seen.statusCode(), seen.headers(), seen.version(), reading.collected()));
            } else {
                answer.completeExceptionally(unwrap(failure));
            }
        });
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
        answer.cancel(false);
    }

    /** The answer with its body, once read; cancelled when the exchange is stopped. */
    CompletableFuture<Answer> answer() {
        return answer;
    }

    private static Throwable unwrap(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof java.util.concurrent.CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause;
    }

    /** Why the exchange was stopped, or null while nobody stopped it. */
    Stop stopped() {
        return stopped;
    }
}
