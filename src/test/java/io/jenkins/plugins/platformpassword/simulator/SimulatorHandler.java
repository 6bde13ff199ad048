package io.jenkins.plugins.platformpassword.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What happens to every request, in this order: one that came on an HTTP/2 connection after the
 * stream a GOAWAY names as its last is refused, unrecorded; the rest is read and recorded; the configured latency
 * passes; then a queued fault for its path plays out, or the router answers it normally; last,
 * the log's listeners hear how it ended.
 */
final class SimulatorHandler implements HttpHandler {

    private final RequestLog log;
    private final FaultQueue faults;
    private final Router router;
    private final Supplier<Duration> latency;
    private final ShutdownSignal shutdown;

    SimulatorHandler(
            RequestLog log, FaultQueue faults, Router router, Supplier<Duration> latency, ShutdownSignal shutdown) {
        this.log = log;
        this.faults = faults;
        this.router = router;
        this.latency = latency;
        this.shutdown = shutdown;
    }

    @Override
    public void handle(HttpExchange exchange) {
        long started = System.nanoTime();
        if (JettyExchanges.refusedAfterGoAway(exchange)) {
            return;
        }
        RecordedRequest request = null;
        try {
            request = record(exchange);
            log.add(request);
            if (!shutdown.pause(latency.get())) {
                exchange.close();
                return;
            }
            RecordedRequest received = request;
            Optional<Fault> fault = faults.takeFor(received.path());
            if (fault.isPresent()) {
                fault.get().perform(exchange, shutdown, () -> router.answer(received));
            } else {
                router.answer(received).send(exchange);
            }
        } catch (IOException e) {
            // The client went away (or a fault cut it off); there is nobody left to answer.
            exchange.close();
        } catch (RuntimeException e) {
            answerSimulatorBug(exchange, e);
        } finally {
            if (request != null) {
                // The JDK reports -1 (AnswerListener.NO_ANSWER) when no status line went out.
                log.answered(request, exchange.getResponseCode(), Duration.ofNanos(System.nanoTime() - started));
            }
        }
    }

    private static RecordedRequest record(HttpExchange exchange) throws IOException {
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readAllBytes();
        }
        return new RecordedRequest(
                exchange.getRequestMethod(),
                exchange.getRequestURI().getRawPath(),
                exchange.getRequestURI().getRawQuery(),
                exchange.getRequestHeaders(),
                body,
                exchange.getProtocol(),
                exchange.getRemoteAddress() == null
                        ? 0
                        : exchange.getRemoteAddress().getPort());
    }

    /** A bug in the simulator shows as a 500 naming it, rather than as a mysterious dropped connection. */
    private static void answerSimulatorBug(HttpExchange exchange, RuntimeException bug) {
        bug.printStackTrace(); // test output is where whoever hits this will look
        try {
            if (exchange.getResponseCode() == -1) {
                new PlatformError(500, PlatformError.INTERNAL, "Platform simulator failure.", bug.toString())
                        .toAnswer()
                        .send(exchange);
                return;
            }
        } catch (IOException | RuntimeException e) {
            bug.addSuppressed(e);
        }
        exchange.close();
    }
}
