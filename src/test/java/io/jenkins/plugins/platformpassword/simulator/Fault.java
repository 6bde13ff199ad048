package io.jenkins.plugins.platformpassword.simulator;

import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Something that goes wrong with one request, instead of its normal answer. Queue one with
 * {@link PlatformSimulator#enqueueFault(String, Fault)}. Immutable; one instance may be queued
 * several times.
 *
 * <p>What a JDK 17 {@code java.net.http.HttpClient} sees (checked by {@code PlatformSimulatorTest}):
 * <ul>
 * <li>{@link #status}, {@link #body}, {@link #tooManyRequests}: an ordinary response.</li>
 * <li>{@link #dropConnection}: {@code IOException: HTTP/1.1 header parser received no bytes}
 *     at once; the server closes the TCP connection without writing a byte.</li>
 * <li>{@link #hang}: nothing until the client's request timeout
 *     ({@code HttpTimeoutException}); on {@code close()} the connection is closed, which the
 *     client sees as the {@code IOException} of a dropped connection.</li>
 * <li>{@link #trickle}: status and headers at once, then one byte per interval; the body is
 *     complete after {@code perByte × (length - 1)}. {@code HttpRequest.timeout()} does not cut
 *     it short: in JDK 17 it ends when the headers arrive, so a client needs its own body deadline.</li>
 * <li>{@link #cutMidBody}: status and headers at once, then
 *     {@code IOException: fixed content-length: N, bytes received: N/2} when reading the body.</li>
 * <li>{@link #oversizedBody}: a normal response with an enormous body; the server stops writing
 *     when the client closes the connection.</li>
 * </ul>
 */
public final class Fault {

    /** How a fault plays out on one exchange; {@code normal} gives the answer the request would have had. */
    @FunctionalInterface
    interface Behaviour {
        void perform(HttpExchange exchange, ShutdownSignal shutdown, Supplier<Answer> normal) throws IOException;
    }

    private static final int CHUNK = 64 * 1024;

    /** How long {@link #cutMidBody} waits after the first half of its body before it breaks off. */
    static final Duration CUT_AFTER = Duration.ofMillis(50);

    private final String description;
    private final Behaviour behaviour;

    private Fault(String description, Behaviour behaviour) {
        this.description = description;
        this.behaviour = behaviour;
    }

    /** The status with a platform-shaped error body, as the platform itself would fail. */
    public static Fault status(int status) {
        PlatformError error = PlatformError.forStatus(checkedStatus(status));
        return new Fault(
                "status " + status,
                (exchange, shutdown, normal) -> error.toAnswer().send(exchange));
    }

    /**
     * Acts on the request as usual (a password change is saved), then answers with this status and
     * a platform-shaped error body instead, as a gateway that gave up waiting does after the
     * platform saved.
     */
    public static Fault appliedThenStatus(int status) {
        PlatformError error = PlatformError.forStatus(checkedStatus(status));
        return new Fault("applied, then status " + status, (exchange, shutdown, normal) -> {
            normal.get();
            error.toAnswer().send(exchange);
        });
    }

    /** Any status and body, e.g. a proxy's HTML error page or broken JSON; {@code contentType} may be null (no header). */
    public static Fault body(int status, String contentType, String body) {
        Answer answer = Answer.of(checkedStatus(status), contentType, Objects.requireNonNull(body, "body"));
        return new Fault("body " + status + " " + contentType, (exchange, shutdown, normal) -> answer.send(exchange));
    }

    /** {@link #body}, with one more header, e.g. a {@code Content-Encoding} the body does not have. */
    public static Fault bodyWithHeader(int status, String contentType, String body, String name, String value) {
        Answer answer = Answer.of(checkedStatus(status), contentType, Objects.requireNonNull(body, "body"))
                .withHeader(Objects.requireNonNull(name, "name"), value);
        return new Fault(
                "body " + status + " with " + name + ": " + value,
                (exchange, shutdown, normal) -> answer.send(exchange));
    }

    /** 429 with a platform-shaped error body and {@code Retry-After} when not null (seconds or an HTTP date). */
    public static Fault tooManyRequests(String retryAfterOrNull) {
        Answer plain = new PlatformError(429, 429, "Too many requests.", "fault injected by the platform simulator")
                .toAnswer();
        Answer answer = retryAfterOrNull == null ? plain : plain.withHeader("Retry-After", retryAfterOrNull);
        return new Fault("429 Retry-After " + retryAfterOrNull, (exchange, shutdown, normal) -> answer.send(exchange));
    }

    /** 204 with one more header, e.g. a {@code Content-Encoding} for the body a 204 never has. */
    public static Fault noContentWithHeader(String name, String value) {
        Answer answer = Answer.noContent().withHeader(Objects.requireNonNull(name, "name"), value);
        return new Fault("204 with " + name + ": " + value, (exchange, shutdown, normal) -> answer.send(exchange));
    }

    /**
     * Closes the connection without a byte of response. Closing the exchange before its headers
     * are sent is the one way {@code com.sun.net.httpserver} offers, and it closes the socket.
     */
    public static Fault dropConnection() {
        return new Fault("drop connection", (exchange, shutdown, normal) -> drop(exchange));
    }

    /**
     * HTTP/2 only: answers the request as usual, then sends a GOAWAY that names this request's
     * stream as the last one handled and closes the connection, as a server that is being
     * restarted does. The client's next request has to go over a new connection.
     */
    public static Fault goAwayAfterAnswer() {
        return new Fault("GOAWAY after the answer", (exchange, shutdown, normal) -> {
            JettyExchanges.lastStreamBeforeGoAway(exchange);
            normal.get().send(exchange);
            JettyExchanges.goAway(exchange, true);
        });
    }

    /**
     * HTTP/2 only: answers the request as usual, having made its stream the connection's last, and
     * sends the GOAWAY only when the client's next request arrives on the connection, which the
     * server then refuses unprocessed and drops the connection: the next request crossed the
     * GOAWAY on the wire, as it may when it follows the answer at once.
     */
    public static Fault goAwayCrossingTheNextRequest() {
        return new Fault("GOAWAY crossing the next request", (exchange, shutdown, normal) -> {
            JettyExchanges.lastStreamBeforeGoAway(exchange);
            normal.get().send(exchange);
        });
    }

    /**
     * HTTP/2 only: sends a GOAWAY that names the stream before this request's as the last one
     * handled (this request was never processed) and drops the connection without an answer.
     */
    public static Fault goAwayUnprocessed() {
        return new Fault("GOAWAY, request unprocessed", (exchange, shutdown, normal) -> {
            JettyExchanges.goAway(exchange, false);
            drop(exchange);
        });
    }

    /**
     * Reads the request, waits, and closes the connection without a byte of response. On a
     * connection the client took from its pool, the JDK takes that for a connection the server had
     * timed out, and sends an idempotent request once more, over a new connection.
     */
    public static Fault dropConnectionAfter(Duration wait) {
        if (wait.isNegative()) {
            throw new IllegalArgumentException("wait cannot be negative: " + wait);
        }
        return new Fault("drop connection after " + wait, (exchange, shutdown, normal) -> {
            shutdown.pause(wait);
            drop(exchange);
        });
    }

    /** Ends the connection without another byte: on Jetty the TCP connection, on the JDK's server the exchange. */
    private static void drop(HttpExchange exchange) {
        if (!JettyExchanges.dropConnection(exchange)) {
            exchange.close();
        }
    }

    /** Reads the request and never answers; {@link PlatformSimulator#close()} releases it by dropping the connection. */
    public static Fault hang() {
        return new Fault("hang", (exchange, shutdown, normal) -> {
            shutdown.awaitClose();
            drop(exchange);
        });
    }

    /** Status and headers at once, then the body byte by byte, {@code perByte} apart, with a correct Content-Length. */
    public static Fault trickle(int status, String body, Duration perByte) {
        checkedStatus(status);
        byte[] bytes = Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8);
        if (perByte.isNegative()) {
            throw new IllegalArgumentException("perByte cannot be negative: " + perByte);
        }
        String contentType = looksLikeJson(body) ? Answer.JSON : "text/plain; charset=utf-8";
        return new Fault("trickle " + status + " at " + perByte + " per byte", (exchange, shutdown, normal) -> {
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length);
            OutputStream out = exchange.getResponseBody();
            for (int i = 0; i < bytes.length; i++) {
                if (i > 0 && !shutdown.pause(perByte)) {
                    break;
                }
                out.write(bytes[i]);
                out.flush();
            }
            exchange.close();
        });
    }

    /**
     * Announces the Content-Length of the whole body, sends its first half, and breaks off: the
     * JDK server closes the socket when an exchange ends with bytes missing; on Jetty, HTTP/1.1
     * drops the connection and HTTP/2 resets the stream. The break comes {@link #CUT_AFTER} after
     * the first half, as when a server fails while it writes: a reset in the same instant as the
     * headers makes Java 25's HTTP/2 client fail the response before it hands over its status,
     * which is then lost to the caller (see docs/failure-behaviour.md).
     */
    public static Fault cutMidBody(int status, String contentType, String body) {
        checkedStatus(status);
        byte[] bytes = Objects.requireNonNull(body, "body").getBytes(StandardCharsets.UTF_8);
        return new Fault("cut mid-body " + status, (exchange, shutdown, normal) -> {
            if (contentType != null) {
                exchange.getResponseHeaders().set("Content-Type", contentType);
            }
            exchange.sendResponseHeaders(status, bytes.length);
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            shutdown.pause(CUT_AFTER);
            if (!JettyExchanges.breakAnswer(exchange)) {
                exchange.close();
            }
        });
    }

    /** A {@code text/plain} body of {@code bytes} letters 'x' with its Content-Length, e.g. to test a client's size cap. */
    public static Fault oversizedBody(int status, int bytes) {
        checkedStatus(status);
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes cannot be negative: " + bytes);
        }
        return new Fault("oversized body of " + bytes + " bytes", (exchange, shutdown, normal) -> {
            exchange.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
            exchange.sendResponseHeaders(status, bytes == 0 ? -1 : bytes);
            byte[] chunk = new byte[Math.min(CHUNK, Math.max(bytes, 1))];
            Arrays.fill(chunk, (byte) 'x');
            OutputStream out = exchange.getResponseBody();
            // An IOException here means the client stopped reading and closed: the expected end.
            for (int left = bytes; left > 0 && !shutdown.isFired(); left -= chunk.length) {
                out.write(chunk, 0, Math.min(chunk.length, left));
            }
            exchange.close();
        });
    }

    void perform(HttpExchange exchange, ShutdownSignal shutdown, Supplier<Answer> normal) throws IOException {
        behaviour.perform(exchange, shutdown, normal);
    }

    @Override
    public String toString() {
        return "Fault[" + description + "]";
    }

    private static int checkedStatus(int status) {
        if (status < 200 || status > 599) {
            throw new IllegalArgumentException("not a final HTTP status: " + status);
        }
        return status;
    }

    private static boolean looksLikeJson(String body) {
        String start = body.stripLeading();
        return start.startsWith("{") || start.startsWith("[");
    }
}
