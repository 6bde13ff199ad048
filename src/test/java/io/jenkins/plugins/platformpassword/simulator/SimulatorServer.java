package io.jenkins.plugins.platformpassword.simulator;

/** The HTTP server under the simulator: the JDK's for plain http, Jetty for HTTPS and HTTP/2. */
interface SimulatorServer {

    /** {@code http} or {@code https}. */
    String scheme();

    int port();

    /** Stops at once; connections still open are closed. */
    void stop();
}
