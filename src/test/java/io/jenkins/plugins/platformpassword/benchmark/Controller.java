package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.transport.PlatformConnections;
import javax.net.ssl.SSLContext;

/**
 * What the Jenkins controller holds for all builds: its connections to platforms and its token
 * cache (both made once, when Jenkins starts) and the trust its JVM has for TLS (here the test CA,
 * where Jenkins has its trust store). A new one is a controller just started.
 */
record Controller(PlatformConnections connections, TokenCache tokens, SSLContext trust) implements AutoCloseable {

    static Controller start(SSLContext trust) {
        return new Controller(new PlatformConnections(), new TokenCache(), trust);
    }

    /** Jenkins stops. */
    @Override
    public void close() {
        connections.close();
    }
}
