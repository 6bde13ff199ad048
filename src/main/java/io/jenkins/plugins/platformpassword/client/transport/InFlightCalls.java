package io.jenkins.plugins.platformpassword.client.transport;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * The exchanges under way for one owner (a client, or a transport), so that closing the owner ends
 * them at once instead of leaving them to run until their time limit. After {@link #close()} no
 * new exchange is accepted.
 */
public final class InFlightCalls {

    private final Set<Exchange> exchanges = ConcurrentHashMap.newKeySet();
    private final CountDownLatch closed = new CountDownLatch(1);

    /** Adds the exchange; false (and nothing added) once closed. */
    boolean add(Exchange exchange) {
        exchanges.add(exchange);
        // A close that ran while the exchange was added may have missed it: check after adding.
        if (isClosed()) {
            exchanges.remove(exchange);
            return false;
        }
        return true;
    }

    void remove(Exchange exchange) {
        exchanges.remove(exchange);
    }

    public boolean isClosed() {
        return closed.getCount() == 0;
    }

    /** Waits up to {@code wait}; true when closed meanwhile, false when the time passed. */
    public boolean awaitClose(Duration wait) throws InterruptedException {
        return closed.await(wait.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Refuses new exchanges and stops every one under way. */
    public void close() {
        closed.countDown();
        exchanges.forEach(exchange -> exchange.stop(Exchange.Stop.CLOSED));
    }
}
