package io.jenkins.plugins.platformpassword.simulator;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Plain HTTP/1.1 on 127.0.0.1 with the JDK's own server. */
final class JdkSimulatorServer implements SimulatorServer {

    /** Enough queued connections for a benchmark's bursts; the JDK's default is 50. */
    private static final int BACKLOG = 256;

    static {
        // The JDK's server leaves Nagle's algorithm on, so every answer with a body waits ~40 ms
        // for a delayed ACK; a real platform does not. Read once, when the server classes load.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService executor;

    JdkSimulatorServer(int port, HttpHandler handler) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), BACKLOG);
        // A thread per request (reused): a hung or slow request must not hold up the others.
        executor = Executors.newCachedThreadPool(PlatformSimulator.daemonThreads(
                "platform-simulator-" + server.getAddress().getPort()));
        server.setExecutor(executor);
        server.createContext("/", handler);
        server.start();
    }

    @Override
    public String scheme() {
        return "http";
    }

    @Override
    public int port() {
        return server.getAddress().getPort();
    }

    @Override
    public void stop() {
        server.stop(0);
        executor.shutdownNow();
    }
}
