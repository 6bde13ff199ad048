package io.jenkins.plugins.platformpassword.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What counts as a round trip on the wire, exactly, from the times the front read each chunk. */
class FlightCounterTest {

    private static final long MS = 1_000_000;
    private static final Duration RTT = Duration.ofMillis(20);

    private final AtomicLong counted = new AtomicLong();
    private boolean counting = true;
    private final FlightCounter flights = new FlightCounter(RTT, () -> counting, counted);

    @Test
    void aTlsHandshakeThenARequestOnTheSameFlightThenAnotherRequest() {
        flights.clientSent(0); // ClientHello
        flights.serverSent(30 * MS); // ServerHello ... Finished
        flights.serverSent(31 * MS);
        flights.clientSent(41 * MS); // Finished and the token request
        flights.clientSent(42 * MS);
        flights.serverSent(62 * MS); // the token
        flights.clientSent(64 * MS); // the change
        flights.serverSent(85 * MS); // 204

        assertThat(counted).hasValue(3);
    }

    @Test
    void aClientSlowOverOneFlightStillSendsOneFlight() {
        flights.clientSent(0);
        flights.serverSent(30 * MS);
        flights.clientSent(32 * MS); // the first part of its answer
        flights.clientSent(70 * MS); // the rest, after 38 ms of work, with nothing answered between
        flights.serverSent(90 * MS);

        assertThat(counted).hasValue(2);
    }

    @Test
    void anAcknowledgementNobodyAnswersIsNoRoundTrip() {
        flights.clientSent(0);
        flights.serverSent(20 * MS);
        flights.clientSent(45 * MS); // e.g. a WINDOW_UPDATE, unanswered
        flights.clientSent(90 * MS); // the next request: same flight, as nothing was answered
        flights.serverSent(110 * MS);

        assertThat(counted).hasValue(2);
    }

    @Test
    void aCloseIsNoRoundTripWhicheverSideEndsFirst() {
        flights.clientSent(0);
        flights.serverSent(20 * MS);
        flights.clientSent(50 * MS); // close_notify
        flights.clientEnded(52 * MS);
        flights.serverSent(70 * MS); // the server's close_notify
        assertThat(counted).hasValue(1);

        FlightCounter other = new FlightCounter(RTT, () -> true, counted);
        other.clientSent(0);
        other.serverSent(20 * MS);
        other.clientSent(50 * MS); // close_notify, the client's end comes late
        other.serverSent(70 * MS); // the server's close_notify, then its end
        other.serverEnded(71 * MS);
        assertThat(counted).hasValue(2);
    }

    @Test
    void onlyFlightsSentWhileCountingCount() {
        counting = false;
        flights.clientSent(0);
        flights.serverSent(20 * MS);
        counting = true;
        flights.clientSent(50 * MS);
        flights.serverSent(70 * MS);
        counting = false;
        flights.clientSent(100 * MS);
        flights.serverSent(120 * MS);

        assertThat(counted).hasValue(1);
    }
}
