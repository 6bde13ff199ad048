package io.jenkins.plugins.platformpassword.client.transport;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * What a transport's connections depend on: where they go (the data center's scheme, host and
 * port), through which proxy, how long opening one may take, and which certificates are trusted.
 * Clients with equal keys share one transport and its open connections. Nothing in a key is
 * secret: proxy credentials and API credentials travel with each request instead. The proxy
 * credentials' fingerprint is part of the key all the same, because a tunnel is authorised once,
 * when it opens: after the proxy password is changed, no build may go on using a tunnel the old
 * one opened.
 *
 * @param origin           scheme, host and port of the data center
 * @param connectTimeout   how long opening a connection may take
 * @param proxy            the HTTP proxy, or null for a direct connection
 * @param proxyCredentials the SHA-256 fingerprint of the proxy's credentials, or null when none are sent
 * @param trust            the certificates trusted for TLS, or null for the JVM's default (Jenkins' own)
 */
record TransportKey(
        URI origin, Duration connectTimeout, ProxyAddress proxy, String proxyCredentials, SSLContext trust) {

    /** A proxy by name and port (compared by name, so that a DNS answer that changes does not split transports). */
    record ProxyAddress(String host, int port) {
        ProxyAddress {
            Objects.requireNonNull(host, "host");
        }

        @Override
        public String toString() {
            return host + ":" + port;
        }
    }

    TransportKey {
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(connectTimeout, "connectTimeout");
    }

    // Written out: every request leases its transport by key, and the record's generated methods
    // showed up in a build's CPU profile.
    @Override
    public boolean equals(Object other) {
        return other instanceof TransportKey that
                && origin.equals(that.origin)
                && connectTimeout.equals(that.connectTimeout)
                && Objects.equals(proxy, that.proxy)
                && Objects.equals(proxyCredentials, that.proxyCredentials)
                && trust == that.trust; // SSLContext has identity equality
    }

    @Override
    public int hashCode() {
        int hash = origin.hashCode();
        hash = 31 * hash + connectTimeout.hashCode();
        hash = 31 * hash + Objects.hashCode(proxy);
        hash = 31 * hash + Objects.hashCode(proxyCredentials);
        return 31 * hash + System.identityHashCode(trust);
    }

    boolean isHttps() {
        return "https".equalsIgnoreCase(origin.getScheme());
    }

    @Override
    public String toString() {
        return "TransportKey[" + origin + (proxy == null ? "" : " via " + proxy) + (trust == null ? "" : ", own trust")
                + "]";
    }
}
