package io.jenkins.plugins.platformpassword.simulator;

import com.sun.net.httpserver.HttpHandler;
import org.eclipse.jetty.alpn.server.ALPNServerConnectionFactory;
import org.eclipse.jetty.http2.server.HTTP2ServerConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;

/**
 * HTTPS on 127.0.0.1 with Jetty, speaking HTTP/2 (negotiated by ALPN) and HTTP/1.1, with the
 * simulator's {@code com.sun.net.httpserver} handler running unchanged on each request, seen
 * through a {@link JettyExchange}. (Jetty's own jetty-http-spi would do the same, but it registers
 * itself as the JVM-wide {@code HttpServer} provider and so would take over the plain-http
 * simulator too.) Faults that need to reach below the exchange (a stream reset, a GOAWAY, a
 * dropped connection) go through {@link JettyExchanges}.
 */
final class JettyHttpsServer implements SimulatorServer {

    private final Server server;
    private final ServerConnector connector;

    JettyHttpsServer(ServerIdentity identity, HttpVersions versions, HttpHandler handler) throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(200, 2);
        threads.setName("platform-simulator-https");
        threads.setDaemon(true);
        server = new Server(threads);
        server.setStopTimeout(0);

        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // Loopback tests connect by IP address, which TLS does not send as SNI.
        http.addCustomizer(new SecureRequestCustomizer(false, false, -1, false));
        HttpConnectionFactory http11 = new HttpConnectionFactory(http);

        SslContextFactory.Server tls = new SslContextFactory.Server();
        tls.setKeyStore(identity.keyStore());
        tls.setKeyStorePassword(new String(identity.keyPassword()));
        tls.setSniRequired(false);

        if (versions == HttpVersions.HTTP_2_AND_HTTP_1_1) {
            HTTP2ServerConnectionFactory http2 = new HTTP2ServerConnectionFactory(http);
            ALPNServerConnectionFactory alpn = new ALPNServerConnectionFactory();
            alpn.setDefaultProtocol(http11.getProtocol());
            connector =
                    new ServerConnector(server, new SslConnectionFactory(tls, alpn.getProtocol()), alpn, http2, http11);
        } else {
            connector = new ServerConnector(server, new SslConnectionFactory(tls, http11.getProtocol()), http11);
        }
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        server.addConnector(connector);

        server.setHandler(new JettyExchanges.Handling(handler));
        server.start();
    }

    @Override
    public String scheme() {
        return "https";
    }

    @Override
    public int port() {
        return connector.getLocalPort();
    }

    @Override
    public void stop() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("cannot stop the simulator's HTTPS server", e);
        }
    }
}
