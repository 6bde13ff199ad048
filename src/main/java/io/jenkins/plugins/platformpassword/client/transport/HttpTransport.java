package io.jenkins.plugins.platformpassword.client.transport;

import com.google.gson.GsonBuilder;
import io.jenkins.plugins.platformpassword.client.Failures;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLException;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.HttpResponse;
import kong.unirest.core.Unirest;
import kong.unirest.core.UnirestException;
import kong.unirest.core.UnirestInstance;
import kong.unirest.core.java.JavaClient;
import kong.unirest.modules.gson.GsonObjectMapper;

/**
 * Sends requests to one data center and reads their answers, within a time limit, into
 * {@link HttpAnswer}s; one per {@link TransportKey}, long-lived, shared by every client whose
 * connection settings are the same.
 *
 * <p>The JDK HTTP client underneath is built here rather than by Unirest: Unirest hands the JDK
 * an empty {@code SSLParameters}, and the JDK 17 client then offers no ALPN, so HTTP/2 was never
 * negotiated. Unirest stays in the request path (requests, headers, JSON), through
 * {@link AbortableHttpClient}, which sends on the calling thread, keeps its wait interruptible and
 * bounds the whole exchange, body included, by the attempt's time limit.
 */
public final class HttpTransport implements AutoCloseable {

    private static final String USER_AGENT = "platform-password-plugin";

    /** What to check when no TLS session comes about; retrying would not help. */
    static final String TLS_HINT = "check that the URL's scheme and port are right, and that the platform's certificate"
            + " is valid for this host name, has not expired, and comes from a CA in the trust store of Jenkins' Java"
            + " runtime (its cacerts, or the file -Djavax.net.ssl.trustStore names)";

    private final TransportKey key;
    private final HttpClient jdk;
    private final UnirestInstance unirest;
    private final InFlightCalls inFlight = new InFlightCalls();

    /**
     * @param jdkExecutor the JDK client's own work
     * @param timers      where the alarm of each exchange's deadline is set
     */
    HttpTransport(TransportKey key, Executor jdkExecutor, AlarmClock timers) {
        this.key = key;
        HttpClient.Builder builder = HttpClient.newBuilder()
                // HTTP/2 needs TLS (ALPN) to be negotiated cleanly; on plain http the upgrade dance only adds headers.
                .version(key.isHttps() ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1)
                .connectTimeout(key.connectTimeout())
                // A redirect would re-send the Authorization header elsewhere.
                .followRedirects(HttpClient.Redirect.NEVER)
                .executor(jdkExecutor);
        if (key.proxy() != null) {
            builder.proxy(ProxySelector.of(
                    new InetSocketAddress(key.proxy().host(), key.proxy().port())));
        } else {
            builder.proxy(HttpClient.Builder.NO_PROXY);
        }
        if (key.trust() != null) {
            builder.sslContext(key.trust());
        }
        this.jdk = builder.build();
        HttpClient abortable = new AbortableHttpClient(jdk, timers);
        this.unirest = Unirest.spawnInstance();
        unirest.config()
                .httpClient(unirestConfig -> new JavaClient(unirestConfig, abortable))
                .followRedirects(false)
                .enableCookieManagement(false)
                .requestCompression(false)
                .setDefaultHeader("User-Agent", USER_AGENT)
                // Unirest's JSON module; request bodies are written by the client's own mapper before they get here.
                .setObjectMapper(new GsonObjectMapper(
                        new GsonBuilder().disableHtmlEscaping().create()))
                .version(jdk.version());
    }

    public UnirestInstance unirest() {
        return unirest;
    }

    /**
     * Sends the request and reads the answer, giving up after {@code timeout}. The caller's thread
     * waits interruptibly the whole time; closing {@code callerCalls} or this transport ends the
     * wait at once.
     *
     * @throws TransportFailure     when there is no complete answer; reason CLOSED when the client or this
     *                              transport was closed meanwhile
     * @throws InterruptedException when the calling thread is interrupted (a build abort)
     */
    public HttpAnswer execute(HttpRequest<?> request, Duration timeout, BodyCap caps, InFlightCalls callerCalls)
            throws TransportFailure, InterruptedException {
        // Messages name the host and port, which every request on this transport shares.
        URI target = key.origin();
        long millis = Math.max(1, timeout.toMillis());
        // The JDK's own limit covers the wait for the headers; the exchange's alarm, set to the same
        // time, covers the body.
        request.requestTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, millis)));
        Exchange exchange = new Exchange(caps, Duration.ofMillis(millis));
        if (!callerCalls.add(exchange)) {
            throw closed(target).withRequestSent(false);
        }
        HttpResponse<BodyReader.Result> response;
        try {
            if (!inFlight.add(exchange)) {
                throw closed(target).withRequestSent(false);
            }
            try (Exchange.Scope scope = exchange.enter()) {
                response = request.asObject(raw -> BodyReader.read(raw, caps));
            } catch (UnirestException e) {
                if (noContentWithABody(e)) {
                    // The status line said 204, and a gateway added a length or a chunked body, which RFC 9110
                    // forbids there. The JDK refuses the whole answer, yet the server has acted on the request:
                    // reported as the 204 it is, so a password change that happened is neither failed nor sent
                    // again. Nothing of such a body would be read anyway.
                    return new HttpAnswer(204, null, null, new byte[0], false);
                }
                TransportFailure failure = failure(e, target, timeout, exchange.requestSent());
                HttpAnswer refusal = refusalWithUnreadBody(exchange, e, failure);
                if (refusal != null) {
                    return refusal;
                }
                throw failure;
            } finally {
                inFlight.remove(exchange);
            }
        } finally {
            callerCalls.remove(exchange);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted while reading the answer from " + target.getHost());
        }
        BodyReader.Result result = response.getBody();
        if (result == null) {
            throw new TransportFailure(
                    TransportFailure.Reason.BROKEN, "the answer from " + describe(target) + " could not be read", null);
        }
        if (result.ioError() != null && isRefusal(result.status())) {
            return HttpAnswer.unreadBody(
                    result.status(),
                    result.contentType(),
                    result.retryAfter(),
                    "the body of the answer from " + describe(target) + " could not be read ("
                            + safeReason(result.ioError()) + ")");
        }
        if (result.ioError() != null) {
            throw new TransportFailure(
                    TransportFailure.Reason.BROKEN,
                    "the connection to " + describe(target) + " broke while the answer was read ("
                            + safeReason(result.ioError()) + ")",
                    result.ioError());
        }
        return new HttpAnswer(
                result.status(), result.contentType(), result.retryAfter(), result.body(), result.truncated());
    }

    /**
     * A status that says what became of the request whether or not its body can be read: 3xx, 4xx
     * and 5xx. Once such a status line has arrived, a body that breaks off, stalls or comes
     * compressed does not make it a broken connection: a 403 or 404 is a refusal, and a password
     * change it refused was not applied, so it is neither reported in doubt nor sent again. A 2xx
     * is left a failure, since what it says is in the body the caller could not read (a read is
     * then retried, as on any broken connection).
     */
    private static boolean isRefusal(int status) {
        return status >= 300 && status <= 599;
    }

    /** The refusal whose headers arrived before its body failed, as an answer; null otherwise. */
    private static HttpAnswer refusalWithUnreadBody(Exchange exchange, UnirestException e, TransportFailure failure) {
        java.net.http.HttpResponse.ResponseInfo seen = exchange.headersSeen();
        if (seen == null || !isRefusal(seen.statusCode()) || !bodyFailed(e)) {
            return null;
        }
        return HttpAnswer.unreadBody(
                seen.statusCode(), header(seen, "Content-Type"), header(seen, "Retry-After"), failure.getMessage());
    }

    /** A header's first value, or null when it is absent or empty, as {@link BodyReader} reads them. */
    private static String header(java.net.http.HttpResponse.ResponseInfo seen, String name) {
        return seen.headers().firstValue(name).filter(v -> !v.isEmpty()).orElse(null);
    }

    /** Whether it was the body that failed, after the status and headers had arrived. */
    private static boolean bodyFailed(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof AbortableHttpClient.BodyTimeoutException
                    || cause instanceof AbortableHttpClient.BodyBrokenException) {
                return true;
            }
        }
        return false;
    }

    /** The JDK's refusal of a 204 that declares a body (the same text in Java 17 and 25). */
    private static boolean noContentWithABody(UnirestException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass() == IOException.class && NO_CONTENT_WITH_BODY.equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static final String NO_CONTENT_WITH_BODY = "unexpected content length header with 204 response";

    /**
     * The status of a CONNECT that the proxy refused, or 0. The JDK's tunnel reports a status other
     * than 200 and 407 only as a plain {@code IOException} with this text (the same in Java 17 and
     * 25, {@code PlainTunnelingConnection}); the status is the proxy's, so it is quoted.
     */
    private static int tunnelRefusal(Throwable cause) {
        if (cause.getClass() != IOException.class
                || cause.getMessage() == null
                || !cause.getMessage().startsWith(TUNNEL_FAILED)) {
            return 0;
        }
        String status = cause.getMessage().substring(TUNNEL_FAILED.length()).trim();
        return status.matches("[1-9][0-9]{2}") ? Integer.parseInt(status) : 0;
    }

    private static final String TUNNEL_FAILED = "Tunnel failed, got: ";

    private static TransportFailure closed(URI target) {
        return new TransportFailure(
                TransportFailure.Reason.CLOSED,
                "the connection to " + describe(target) + " was closed while the request was under way",
                null);
    }

    /**
     * The failure, and whether the platform may have received the request: known from the body
     * ({@link WatchedBody}) when there is one, and from the JDK when it says the peer did not
     * process the request (Java 25 does after a GOAWAY or a refused stream; Java 17 does not say).
     *
     * @param sent whether the request's headers went out
     */
    private static TransportFailure failure(UnirestException e, URI target, Duration timeout, Exchange.Sent sent)
            throws InterruptedException {
        TransportFailure failure = failure(e, target, timeout);
        if (unprocessedByPeer(e)) {
            return failure.withRequestSent(false);
        }
        if (sent == Exchange.Sent.YES && failure.reason() == TransportFailure.Reason.TLS) {
            // TLS broke on a connection that had carried the request (a renegotiation, say): not a certificate
            // problem to fix before anything is sent, but a change that may have arrived.
            return new TransportFailure(
                    TransportFailure.Reason.BROKEN,
                    "the TLS connection to " + describe(target) + " failed after the request was sent ("
                            + safeReason(failure.getCause()) + ")",
                    failure.getCause());
        }
        return sent == Exchange.Sent.UNKNOWN ? failure : failure.withRequestSent(sent == Exchange.Sent.YES);
    }

    /** The JDK's own word that the server did not act on the request. */
    private static boolean unprocessedByPeer(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause.getClass() == IOException.class && UNPROCESSED_BY_PEER.equals(cause.getMessage())) {
                return true;
            }
        }
        return false;
    }

    private static final String UNPROCESSED_BY_PEER = "request not processed by peer";

    private static TransportFailure failure(UnirestException e, URI target, Duration timeout)
            throws InterruptedException {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof InterruptedException) {
                Thread.currentThread().interrupt();
                throw new InterruptedException("interrupted while waiting for " + target.getHost());
            }
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted while waiting for " + target.getHost());
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof AbortableHttpClient.ExchangeClosedException) {
                return closed(target);
            }
            if (cause instanceof AbortableHttpClient.BodyTimeoutException) {
                return new TransportFailure(
                        TransportFailure.Reason.TIMEOUT,
                        "the answer from " + describe(target) + " did not arrive completely within " + seconds(timeout),
                        null);
            }
            if (cause instanceof AbortableHttpClient.BodyBrokenException broken) {
                return new TransportFailure(
                        TransportFailure.Reason.BROKEN,
                        "the connection to " + describe(target) + " broke while the answer was read ("
                                + safeReason(broken.getCause()) + ")",
                        broken.getCause());
            }
            if (cause instanceof HttpConnectTimeoutException) {
                return TransportFailure.beforeSending(
                        TransportFailure.Reason.TIMEOUT,
                        "could not connect to " + describe(target) + " within the connect timeout",
                        cause);
            }
            if (cause instanceof HttpTimeoutException) {
                return new TransportFailure(
                        TransportFailure.Reason.TIMEOUT,
                        "no answer from " + describe(target) + " within " + seconds(timeout),
                        cause);
            }
            if (cause instanceof ConnectException) {
                return new TransportFailure(
                        TransportFailure.Reason.CONNECT,
                        "could not connect to " + describe(target) + " (" + safeReason(cause) + ")",
                        cause);
            }
            if (cause instanceof SSLException) {
                return new TransportFailure(
                        TransportFailure.Reason.TLS,
                        "the TLS connection to " + describe(target) + " failed (" + safeReason(cause) + "); "
                                + TLS_HINT,
                        cause);
            }
            int tunnelStatus = tunnelRefusal(cause);
            if (tunnelStatus > 0) {
                return TransportFailure.tunnelRefused(
                        "Jenkins' HTTP proxy refused to open a tunnel to " + describe(target)
                                + ": it answered the CONNECT request with HTTP " + tunnelStatus,
                        tunnelStatus);
            }
            if (cause instanceof IOException) {
                return new TransportFailure(
                        TransportFailure.Reason.BROKEN,
                        "the connection to " + describe(target) + " failed (" + safeReason(cause) + ")",
                        cause);
            }
        }
        // Not a network failure: the request could not even be built (the JDK quotes a header it refuses,
        // which may hold the token). Only the type is kept, and no cause is attached.
        return TransportFailure.beforeSending(
                TransportFailure.Reason.BROKEN,
                "the request to " + describe(target) + " failed ("
                        + (e.getCause() == null ? e : e.getCause()).getClass().getSimpleName() + ")",
                null);
    }

    /**
     * The exception's type and, for the JDK's network exceptions (IOException and subtypes), their
     * message. That message may quote what the server sent (an invalid status line echoing a
     * header), so it is untrusted: {@link Failures#fromTransport} screens it before it is shown.
     */
    private static String safeReason(Throwable cause) {
        String message = cause.getMessage();
        String type = cause.getClass().getSimpleName();
        return message == null || message.isBlank() || !(cause instanceof IOException) ? type : type + ": " + message;
    }

    private static String describe(URI target) {
        // Lower case: clients whose URLs differ only in the host's case share this transport and its origin.
        return target.getHost().toLowerCase(java.util.Locale.ROOT)
                + (target.getPort() > 0 ? ":" + target.getPort() : "");
    }

    public static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0
                ? (millis / 1000) + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    /** Ends every request under way on this transport and releases its connections and threads. */
    @Override
    public void close() {
        inFlight.close();
        unirest.close();
        JdkClientShutdown.shutdownNow(jdk);
    }

    @Override
    public String toString() {
        return "HttpTransport[" + key + "]";
    }
}
