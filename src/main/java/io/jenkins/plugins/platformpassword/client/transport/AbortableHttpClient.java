package io.jenkins.plugins.platformpassword.client.transport;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSession;

/**
 * The JDK HTTP client as Unirest sees it, with one change: {@link #send} never leaves the calling
 * thread blocked where an interrupt cannot reach it.
 *
 * <p>Unirest asks the JDK for the body as an {@code InputStream}, and the JDK 17 stream swallows
 * the thread's interrupt while it waits for body bytes: a build abort during a slow body was lost.
 * Here the body is collected by a {@link CappedBody} as the JDK delivers it, while the calling
 * thread waits in the JDK's {@code send}, whose wait an interrupt ends; the attempt's deadline and
 * a close end it by refusing the body (see {@link Exchange#stop}). Unirest then reads the
 * collected bytes from memory. Requests that are not an {@link Exchange} of this client's
 * transport go to the JDK unchanged.
 */
final class AbortableHttpClient extends HttpClient {

    /** The body arrived too slowly: status and headers came in time, the rest did not. */
    static final class BodyTimeoutException extends HttpTimeoutException {
        private static final long serialVersionUID = 1L;

        BodyTimeoutException() {
            super("the body did not arrive in time");
        }
    }

    /** The connection broke after the headers had arrived, while the body was read. */
    static final class BodyBrokenException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyBrokenException(IOException cause) {
            super("the connection broke while the body was read", cause);
        }
    }

    /** The exchange was stopped because its client or transport was closed. */
    static final class ExchangeClosedException extends IOException {
        private static final long serialVersionUID = 1L;

        ExchangeClosedException() {
            super("closed while the request was under way");
        }
    }

    /**
     * How long after the deadline a wait for headers is ended by an interrupt, when the JDK's own
     * request timeout did not end it.
     */
    private static final long OVERRUN_NANOS = TimeUnit.MILLISECONDS.toNanos(200);

    private final HttpClient jdk;
    private final AlarmClock deadlines;

    /** @param deadlines where the alarm that ends a body arriving too slowly is set; shared, never blocked */
    AbortableHttpClient(HttpClient jdk, AlarmClock deadlines) {
        this.jdk = jdk;
        this.deadlines = deadlines;
    }

    /**
     * Sends on the calling thread, with the JDK's blocking {@code send}: its public
     * {@code sendAsync} would finish every exchange on a new thread on Java 24 and earlier when the
     * machine has two CPUs or fewer (the common pool's fallback), a thread per request.
     */
    @Override
    @SuppressWarnings("unchecked") // Unirest asks for an InputStream body, the only kind this answers with
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> ignored)
            throws IOException, InterruptedException {
        Exchange exchange = Exchange.current();
        if (exchange == null) {
            return jdk.send(request, ignored);
        }
        if (Thread.interrupted()) {
            throw new InterruptedException("interrupted before the request was sent");
        }
        if (!exchange.startWaiting()) {
            throw stoppedBeforeSending(exchange.stopped());
        }
        HttpRequest sent = watched(request, exchange);
        HttpResponse<byte[]> response = null;
        IOException failure = null;
        InterruptedException interrupt = null;
        Exchange.Stop stopped;
        try {
            ScheduledFuture<?> alarm = deadlines.set(
                    () -> deadlinePassed(exchange), exchange.timeout().toNanos());
            try {
                response = jdk.send(sent, exchange::bodyFor);
            } catch (IOException e) {
                failure = e;
            } catch (InterruptedException e) {
                interrupt = e;
            } finally {
                alarm.cancel(false);
            }
        } catch (RejectedExecutionException e) {
            // The alarms end only when the controller's connections close, and this exchange with them.
            exchange.stop(Exchange.Stop.CLOSED);
        } finally {
            stopped = exchange.endWaiting();
        }
        if (stopped == Exchange.Stop.CLOSED) {
            throw new ExchangeClosedException();
        }
        if (interrupt != null) {
            if (stopped == Exchange.Stop.TIMED_OUT && exchange.interruptedByStop()) {
                throw new HttpTimeoutException("request timed out");
            }
            exchange.stop(Exchange.Stop.INTERRUPTED);
            throw interrupt;
        }
        if (failure != null) {
            if (stopped == Exchange.Stop.TIMED_OUT) {
                throw exchange.headersArrived()
                        ? new BodyTimeoutException()
                        : new HttpTimeoutException("request timed out");
            }
            // Refusing the rest of a body at the cap may make the JDK fail the exchange (an HTTP/2
            // stream reset) after the body was complete for us.
            if (exchange.reachedCap()) {
                return (HttpResponse<T>) new BufferedResponse(request, exchange.cutAtCap());
            }
            throw exchange.headersArrived() ? new BodyBrokenException(failure) : failure;
        }
        // From the response, not from the headers the body reader saw: a proxy's 407 to the tunnel
        // comes as a response the JDK makes up, without a body and so without a reader.
        byte[] bytes = response.body();
        return (HttpResponse<T>) new BufferedResponse(
                request,
                new Exchange.Answer(
                        response.statusCode(),
                        response.headers(),
                        response.version(),
                        bytes == null ? new byte[0] : bytes));
    }

    /**
     * At the deadline a body still under way is refused. A wait for headers is left to the JDK's own
     * request timeout, which ends now too, and only a while later, if it did not, interrupted: every
     * interrupt of ours could absorb a build abort of the same instant. One alarm per request, and a
     * second only for the rare wait that needs it, because the alarms cost every request CPU.
     */
    private void deadlinePassed(Exchange exchange) {
        exchange.stop(Exchange.Stop.TIMED_OUT);
        if (exchange.waitingForHeaders()) {
            try {
                deadlines.set(exchange::overran, OVERRUN_NANOS);
            } catch (RejectedExecutionException e) {
                // The connections are closing, which ends this exchange as well.
            }
        }
    }

    /** The same request, its body (if any) watched, so that a failure can tell whether the request went out. */
    private static HttpRequest watched(HttpRequest request, Exchange exchange) {
        Optional<HttpRequest.BodyPublisher> body = request.bodyPublisher();
        if (body.isEmpty() || body.get().contentLength() == 0) {
            // The JDK never asks for an empty body over HTTP/1.1, sent or not: then nothing is known.
            return body.isPresent() && request.method().equals("GET") ? WatchedRequest.bodiless(request) : request;
        }
        exchange.expectBody();
        return new WatchedRequest(request, body.get(), exchange);
    }

    private static IOException stoppedBeforeSending(Exchange.Stop why) throws InterruptedException {
        if (why == Exchange.Stop.CLOSED) {
            return new ExchangeClosedException();
        }
        if (why == Exchange.Stop.INTERRUPTED) {
            throw new InterruptedException("interrupted before the request was sent");
        }
        return new HttpTimeoutException("request timed out");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        return jdk.sendAsync(request, handler);
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request,
            HttpResponse.BodyHandler<T> handler,
            HttpResponse.PushPromiseHandler<T> pushPromiseHandler) {
        return jdk.sendAsync(request, handler, pushPromiseHandler);
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return jdk.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return jdk.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return jdk.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return jdk.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return jdk.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return jdk.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return jdk.authenticator();
    }

    @Override
    public Version version() {
        return jdk.version();
    }

    @Override
    public Optional<Executor> executor() {
        return jdk.executor();
    }

    /** An answer whose body has been read into memory, handed to Unirest as the stream it expects. */
    private static final class BufferedResponse implements HttpResponse<InputStream> {
        private final HttpRequest request;
        private final Exchange.Answer answer;
        private final InputStream body;

        BufferedResponse(HttpRequest request, Exchange.Answer answer) {
            this.request = request;
            this.answer = answer;
            this.body = new ByteArrayInputStream(answer.body());
        }

        @Override
        public int statusCode() {
            return answer.status();
        }

        @Override
        public HttpRequest request() {
            return request;
        }

        @Override
        public Optional<HttpResponse<InputStream>> previousResponse() {
            return Optional.empty();
        }

        @Override
        public HttpHeaders headers() {
            return answer.headers();
        }

        @Override
        public InputStream body() {
            return body;
        }

        @Override
        public Optional<SSLSession> sslSession() {
            return Optional.empty();
        }

        @Override
        public URI uri() {
            return request.uri();
        }

        @Override
        public HttpClient.Version version() {
            return answer.version();
        }
    }
}
