package io.jenkins.plugins.platformpassword.benchmark;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;

/**
 * Counts the round trips a client waited for on one connection through the {@link LatencyFront},
 * from when the front read each chunk ({@link System#nanoTime()} values).
 *
 * <p>A flight is what the client sends after a round trip of silence towards the server, once its
 * previous flight was answered: a client may take long over one flight (between the parts of a
 * TLS handshake flight, say) without waiting for anything. A flight counts once the server answers
 * it, if any of it was sent while counting was on. A flight the server does not answer (an
 * acknowledgement), one the client ends the connection right after, or one whose answer the server
 * ends the connection right after (the two halves of a close) kept nobody waiting.
 *
 * <p>Called by the connection's two reader threads, so every method holds the lock.
 */
final class FlightCounter {

    private final long roundTrip;
    private final BooleanSupplier counting;
    private final AtomicLong counted;
    private long lastSent;
    private long flightStarted;
    private boolean sentAny;
    private boolean awaitingAnswer;
    private boolean countThisFlight;
    private long lastCountedAnswer;
    private boolean answerCounted;

    /**
     * @param counting whether the round trips of this moment count
     * @param counted  where counted flights are added (shared by all connections of a front)
     */
    FlightCounter(Duration roundTrip, BooleanSupplier counting, AtomicLong counted) {
        this.roundTrip = roundTrip.toNanos();
        this.counting = counting;
        this.counted = counted;
    }

    /** The front read a chunk from the client ({@code byClient}) or from the server. */
    void sent(boolean byClient, long at) {
        if (byClient) {
            clientSent(at);
        } else {
            serverSent(at);
        }
    }

    /** The client's ({@code byClient}) or the server's stream ended, or broke. */
    void ended(boolean byClient, long at) {
        if (byClient) {
            clientEnded(at);
        } else {
            serverEnded(at);
        }
    }

    synchronized void clientSent(long at) {
        if (!sentAny || (!awaitingAnswer && at - lastSent >= roundTrip)) {
            awaitingAnswer = true;
            countThisFlight = false;
            flightStarted = at;
        }
        countThisFlight |= counting.getAsBoolean();
        sentAny = true;
        lastSent = at;
    }

    /** The client's stream ended (or broke). */
    synchronized void clientEnded(long at) {
        if (awaitingAnswer && at - flightStarted < roundTrip) {
            awaitingAnswer = false;
        }
    }

    synchronized void serverSent(long at) {
        if (awaitingAnswer && countThisFlight) {
            counted.incrementAndGet();
            lastCountedAnswer = at;
            answerCounted = true;
        }
        awaitingAnswer = false;
    }

    /** The server's stream ended (or broke). */
    synchronized void serverEnded(long at) {
        if (answerCounted && at - lastCountedAnswer < roundTrip / 2) {
            counted.decrementAndGet();
        }
        answerCounted = false;
    }
}
