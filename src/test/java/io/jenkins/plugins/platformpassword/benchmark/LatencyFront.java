package io.jenkins.plugins.platformpassword.benchmark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * A TCP proxy on 127.0.0.1 in front of a server on 127.0.0.1 that makes loopback behave like a
 * network with a given round-trip time: every chunk is passed on half a round trip after it was
 * read, in each direction, and nothing passes before one round trip after the connect (the TCP
 * handshake a network would cost). A TLS handshake through it then costs its round trips by
 * itself, and an open connection costs one round trip per request. It looks at no byte, so TLS
 * and HTTP/2 pass untouched.
 *
 * <p>While {@link #counting(boolean) counting} is on, the front counts the round trips the client waits for on the
 * wire: one per new connection (its TCP handshake) and one per flight the client sends and the
 * server answers (a TLS handshake flight, or a request; see {@link FlightCounter}). That count does
 * not depend on how fast the machine is; at zero round trip there are no flights to tell apart.
 *
 * <p>At zero round trip nothing waits: each direction is copied by one thread as it is read.
 * Otherwise each direction has a reader, which stamps each chunk when it is read and queues it,
 * and a writer, which writes it when due; the reader never waits for the writer, so a chunk read
 * while an earlier one is on its way is not held up by it.
 */
final class LatencyFront implements AutoCloseable {

    private static final int CHUNK_BYTES = 64 * 1024;
    private static final int UPSTREAM_CONNECT_TIMEOUT_MILLIS = 5_000;

    /** Bytes read from one side and when they are due at the other; no bytes: the end of the stream, or a break. */
    private record Chunk(byte[] bytes, long dueAt, boolean broken) {
        boolean endOfStream() {
            return bytes == null;
        }
    }

    private final InetSocketAddress upstream;
    private final Duration roundTrip;
    private final ServerSocket listener;
    private final ExecutorService threads;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong countedConnections = new AtomicLong();
    private final AtomicLong countedFlights = new AtomicLong();
    private volatile boolean counting;
    private volatile boolean closed;

    private LatencyFront(InetSocketAddress upstream, Duration roundTrip) throws IOException {
        this.upstream = upstream;
        this.roundTrip = roundTrip;
        this.listener = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
        this.threads = Executors.newCachedThreadPool(daemonThreads());
        threads.execute(this::acceptAll);
    }

    /** Starts a front on a free port of 127.0.0.1 that forwards to {@code upstream}. */
    static LatencyFront start(InetSocketAddress upstream, Duration roundTrip) {
        Objects.requireNonNull(upstream, "upstream");
        if (roundTrip.isNegative()) {
            throw new IllegalArgumentException("roundTrip cannot be negative: " + roundTrip);
        }
        try {
            return new LatencyFront(upstream, roundTrip);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the latency front", e);
        }
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many connections the front has accepted so far: new TCP connections, each with its handshake. */
    long connections() {
        return connections.get();
    }

    /** Turns the counting of round trips on the wire on or off (see the class comment). */
    void counting(boolean on) {
        counting = on;
    }

    /** New connections accepted while counting was on. */
    long countedConnections() {
        return countedConnections.get();
    }

    /** Flights the clients sent and the server answered while counting was on; none at zero round trip. */
    long countedFlights() {
        return countedFlights.get();
    }

    private void acceptAll() {
        while (!closed) {
            Socket client;
            try {
                client = listener.accept();
            } catch (IOException e) {
                return; // closed
            }
            long acceptedAt = System.nanoTime();
            connections.incrementAndGet();
            if (counting) {
                countedConnections.incrementAndGet();
            }
            threads.execute(() -> link(client, acceptedAt));
        }
    }

    private void link(Socket client, long acceptedAt) {
        Socket server = new Socket();
        open.add(client);
        open.add(server);
        try {
            client.setTcpNoDelay(true);
            server.setTcpNoDelay(true);
            server.connect(upstream, UPSTREAM_CONNECT_TIMEOUT_MILLIS);
        } catch (IOException e) {
            closeBoth(client, server);
            return;
        }
        // Both directions end before the sockets close, so that a half-closed stream still drains.
        AtomicInteger directions = new AtomicInteger(2);
        Runnable done = () -> {
            if (directions.decrementAndGet() == 0) {
                closeBoth(client, server);
            }
        };
        FlightCounter flights = new FlightCounter(roundTrip, () -> counting, countedFlights);
        forward(client, server, new ChunkSchedule(acceptedAt, roundTrip), flights, true, done);
        forward(server, client, new ChunkSchedule(acceptedAt, roundTrip), flights, false, done);
    }

    private void forward(
            Socket from, Socket to, ChunkSchedule schedule, FlightCounter flights, boolean fromClient, Runnable done) {
        if (roundTrip.isZero()) {
            threads.execute(() -> copyAtOnce(from, to, done));
        } else {
            BlockingQueue<Chunk> queue = new LinkedBlockingQueue<>();
            threads.execute(() -> read(from, schedule, flights, fromClient, queue));
            threads.execute(() -> writeWhenDue(from, to, queue, done));
        }
    }

    private void copyAtOnce(Socket from, Socket to, Runnable done) {
        byte[] buffer = new byte[CHUNK_BYTES];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                out.write(buffer, 0, n);
                out.flush();
            }
            to.shutdownOutput();
            done.run();
        } catch (IOException e) {
            closeBoth(from, to);
        }
    }

    private void read(
            Socket from,
            ChunkSchedule schedule,
            FlightCounter flights,
            boolean fromClient,
            BlockingQueue<Chunk> queue) {
        byte[] buffer = new byte[CHUNK_BYTES];
        try {
            InputStream in = from.getInputStream();
            for (int n; (n = in.read(buffer)) >= 0; ) {
                long now = System.nanoTime();
                flights.sent(fromClient, now);
                queue.add(new Chunk(Arrays.copyOf(buffer, n), schedule.dueAt(now), false));
            }
            long now = System.nanoTime();
            flights.ended(fromClient, now);
            queue.add(new Chunk(null, schedule.dueAt(now), false));
        } catch (IOException e) {
            // A reset, or the other direction gave up: what is queued is lost, as on a broken network.
            long now = System.nanoTime();
            flights.ended(fromClient, now);
            queue.add(new Chunk(null, now, true));
        }
    }

    private void writeWhenDue(Socket from, Socket to, BlockingQueue<Chunk> queue, Runnable done) {
        try {
            OutputStream out = to.getOutputStream();
            while (true) {
                Chunk chunk = queue.take();
                for (long wait; (wait = chunk.dueAt() - System.nanoTime()) > 0; ) {
                    LockSupport.parkNanos(wait);
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
                if (chunk.broken()) {
                    closeBoth(from, to);
                    return;
                }
                if (chunk.endOfStream()) {
                    to.shutdownOutput();
                    done.run();
                    return;
                }
                out.write(chunk.bytes());
                out.flush();
            }
        } catch (IOException e) {
            closeBoth(from, to);
        } catch (InterruptedException e) {
            closeBoth(from, to); // the front is closing
        }
    }

    private void closeBoth(Socket a, Socket b) {
        closeQuietly(a);
        closeQuietly(b);
    }

    private void closeQuietly(Socket socket) {
        open.remove(socket);
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** Stops accepting and cuts every connection through the front. */
    @Override
    public void close() {
        closed = true;
        try {
            listener.close();
        } catch (IOException e) {
            // closing anyway
        }
        open.forEach(this::closeQuietly);
        threads.shutdownNow();
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "latency-front-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @Override
    public String toString() {
        return "LatencyFront[127.0.0.1:" + port() + " -> " + upstream.getPort() + ", round trip " + roundTrip.toMillis()
                + " ms]";
    }
}
