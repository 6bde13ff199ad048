package io.jenkins.plugins.platformpassword.simulator;

import java.time.Duration;

/** Hears how each request ended; see {@link PlatformSimulator#onAnswer}. */
@FunctionalInterface
public interface AnswerListener {

    /** Status {@value #NO_ANSWER} when no status line was sent: a fault dropped or hung the connection, or it broke. */
    int NO_ANSWER = -1;

    /**
     * Called on the server thread after the answer went out, so it must be quick and must not
     * throw; an exception is swallowed rather than allowed to break the simulator.
     *
     * @param request the request as received (headers and body included: the listener decides what to show)
     * @param status  the HTTP status sent, or {@link #NO_ANSWER}
     * @param took    from the start of reading the request to the end of the answer, latency included
     */
    void answered(RecordedRequest request, int status, Duration took);
}
