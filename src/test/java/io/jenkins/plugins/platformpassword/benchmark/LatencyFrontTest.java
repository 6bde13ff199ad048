package io.jenkins.plugins.platformpassword.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The latency front over real sockets, in front of an echo server. Delays are checked from below
 * only (a loaded machine can make anything slower, never faster); what the front adds exactly is
 * {@link ChunkScheduleTest}'s part.
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class LatencyFrontTest {

    private static final Duration ROUND_TRIP = Duration.ofMillis(200);

    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "echo-server");
        thread.setDaemon(true);
        return thread;
    });
    private final ServerSocket echo = echoServer();

    @AfterEach
    void stop() throws IOException {
        echo.close();
        threads.shutdownNow();
    }

    private ServerSocket echoServer() {
        try {
            ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            threads.execute(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket socket = server.accept();
                        threads.execute(() -> echoUntilEnd(socket));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
            return server;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Echoes until the peer ends its stream, then ends its own. */
    private static void echoUntilEnd(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            byte[] buffer = new byte[8192];
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            socket.shutdownOutput();
        } catch (IOException e) {
            // the test closed it
        }
    }

    private LatencyFront front(Duration roundTrip) {
        return LatencyFront.start(
                new InetSocketAddress(InetAddress.getLoopbackAddress(), echo.getLocalPort()), roundTrip);
    }

    private static Socket connect(LatencyFront front) throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), front.port());
        socket.setTcpNoDelay(true);
        socket.setSoTimeout(10_000);
        return socket;
    }

    private static long echoOneByte(Socket socket, int value) throws IOException {
        long started = System.nanoTime();
        socket.getOutputStream().write(value);
        socket.getOutputStream().flush();
        assertThat(socket.getInputStream().read()).isEqualTo(value);
        return System.nanoTime() - started;
    }

    @Test
    void aNewConnectionsFirstAnswerCostsTheHandshakeAndOneRoundTrip() throws Exception {
        try (LatencyFront front = front(ROUND_TRIP)) {
            long started = System.nanoTime();
            try (Socket socket = connect(front)) {
                echoOneByte(socket, 42);
                long elapsed = System.nanoTime() - started;

                assertThat(elapsed)
                        .as("TCP handshake (1 round trip), then the byte there and back (1 round trip)")
                        .isGreaterThanOrEqualTo(ROUND_TRIP.multipliedBy(2).toNanos());
            }
        }
    }

    @Test
    void eachExchangeOnAnOpenConnectionCostsOneRoundTrip() throws Exception {
        try (LatencyFront front = front(ROUND_TRIP);
                Socket socket = connect(front)) {
            echoOneByte(socket, 1);
            for (int i = 2; i <= 4; i++) {
                assertThat(echoOneByte(socket, i)).isGreaterThanOrEqualTo(ROUND_TRIP.toNanos());
            }
            assertThat(front.connections()).isEqualTo(1);
        }
    }

    @Test
    void bytesPassUnchangedBothWaysAndTheEndOfAStreamPassesToo() throws Exception {
        for (Duration roundTrip : new Duration[] {Duration.ZERO, Duration.ofMillis(20)}) {
            byte[] sent = new byte[3 * 1024 * 1024 + 17];
            new Random(roundTrip.toMillis()).nextBytes(sent);
            try (LatencyFront front = front(roundTrip);
                    Socket socket = connect(front)) {
                // Written by another thread: the echo comes back while the rest is still being sent.
                Future<?> writing = threads.submit(() -> {
                    socket.getOutputStream().write(sent);
                    socket.shutdownOutput();
                    return null;
                });
                byte[] received = socket.getInputStream().readAllBytes();
                writing.get(10, TimeUnit.SECONDS);

                assertThat(received).as("at %s", roundTrip).isEqualTo(sent);
            }
        }
    }

    @Test
    void closingTheFrontCutsItsConnections() throws Exception {
        LatencyFront front = front(ROUND_TRIP);
        try (Socket socket = connect(front)) {
            echoOneByte(socket, 7);
            front.close();

            int read;
            try {
                read = socket.getInputStream().read();
            } catch (IOException e) {
                read = -1; // a reset is as good as an end
            }
            assertThat(read).isEqualTo(-1);
        }
    }

    @Test
    void whileCountingItCountsTheHandshakeAndEachFlightTheClientWaitedFor() throws Exception {
        Duration roundTrip = Duration.ofMillis(300);
        try (LatencyFront front = front(roundTrip)) {
            front.counting(true);
            try (Socket socket = connect(front)) {
                for (int i = 0; i < 3; i++) {
                    // Two writes at once are one flight: the client did not wait in between.
                    socket.getOutputStream().write(i);
                    socket.getOutputStream().write(i);
                    socket.getOutputStream().flush();
                    assertThat(socket.getInputStream().readNBytes(2)).containsExactly(i, i);
                }
                front.counting(false);
                echoOneByte(socket, 9); // not counted

                assertThat(front.countedConnections()).isEqualTo(1);
                assertThat(front.countedFlights()).isEqualTo(3);
            }
        }
    }

    @Test
    void aFlightTheServerDoesNotAnswerKeptNobodyWaiting() throws Exception {
        CountDownLatch received = new CountDownLatch(1);
        try (ServerSocket sink = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            threads.execute(() -> {
                try (Socket socket = sink.accept()) {
                    socket.getInputStream().read();
                    received.countDown();
                    socket.getInputStream().read(); // until the test ends
                } catch (IOException e) {
                    // the test ended
                }
            });
            try (LatencyFront front = LatencyFront.start(
                            new InetSocketAddress(InetAddress.getLoopbackAddress(), sink.getLocalPort()),
                            Duration.ofMillis(20));
                    Socket socket = connect(front)) {
                front.counting(true);
                socket.getOutputStream().write(1);
                socket.getOutputStream().flush();

                assertThat(received.await(10, TimeUnit.SECONDS)).isTrue();
                assertThat(front.countedFlights()).isZero();
            }
        }
    }

    @Test
    void everyNewConnectionIsCounted() throws Exception {
        try (LatencyFront front = front(Duration.ZERO)) {
            for (int i = 0; i < 3; i++) {
                try (Socket socket = connect(front)) {
                    echoOneByte(socket, i);
                }
            }
            assertThat(front.connections()).isEqualTo(3);
        }
    }
}
