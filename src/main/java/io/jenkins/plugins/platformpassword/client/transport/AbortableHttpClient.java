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
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
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
 * thread waits on a future, which an interrupt, the attempt's time limit and a close all end at
 * once; Unirest then reads the collected bytes from memory. Requests that are not an
 * {@link Exchange} of this client's transport go to the JDK unchanged.
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

    private final HttpClient jdk;

    AbortableHttpClient(HttpClient jdk) {
        this.jdk = jdk;
    }

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
        if (exchange.stopped() == Exchange.Stop.CLOSED) {
            throw new ExchangeClosedException();
        }
        exchange.sent(jdk.sendAsync(request, exchange::bodyFor));
        try {
            return (HttpResponse<T>) new BufferedResponse(
                    request, exchange.answer().get(exchange.timeout().toNanos(), TimeUnit.NANOSECONDS));
        } catch (InterruptedException e) {
            exchange.stop(Exchange.Stop.INTERRUPTED);
            throw e;
        } catch (TimeoutException e) {
            exchange.stop(Exchange.Stop.TIMED_OUT);
            throw exchange.headersArrived()
                    ? new BodyTimeoutException()
                    : new HttpTimeoutException("request timed out");
        } catch (CancellationException e) {
            throw new ExchangeClosedException();
        } catch (ExecutionException e) {
            if (exchange.stopped() == Exchange.Stop.CLOSED) {
                throw new ExchangeClosedException();
            }
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw exchange.headersArrived() ? new BodyBrokenException(io) : io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException(cause);
        }
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
