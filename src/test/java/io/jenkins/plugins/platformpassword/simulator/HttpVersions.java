package io.jenkins.plugins.platformpassword.simulator;

/** Which HTTP versions the simulator's HTTPS server offers in the TLS handshake (ALPN). */
public enum HttpVersions {
    /** {@code h2} and {@code http/1.1}, as the platform's front does: a client that offers h2 gets it. */
    HTTP_2_AND_HTTP_1_1,
    /** No ALPN at all, as an older server: every client ends up with HTTP/1.1. */
    HTTP_1_1_ONLY
}
