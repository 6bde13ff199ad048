package io.jenkins.plugins.platformpassword.client;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import kong.unirest.core.Config;
import kong.unirest.core.HttpRequest;
import kong.unirest.core.HttpResponse;
import kong.unirest.core.Unirest;
import kong.unirest.core.UnirestException;
import kong.unirest.core.UnirestInstance;
import kong.unirest.modules.gson.GsonObjectMapper;

/**
 * Sends one request and reads its answer, within a time limit, into an {@link HttpAnswer}.
 *
 * <p>One Unirest instance per client (never Unirest's static one): two builds with different
 * timeouts or proxies must not share settings. Unirest's request timeout covers the wait for the
 * answer's headers only; a body that trickles in or stops half way would otherwise hold the
 * build forever, so a watchdog closes the body stream when the attempt's time is up.
 */
final class HttpTransport implements AutoCloseable {

    private static final String USER_AGENT = "platform-password-plugin";

    private final UnirestInstance unirest;
    private final int maxBodyBytes;
    private final ScheduledExecutorService watchdog;
    /**
     * The JDK HTTP client's worker threads, owned here so that closing the client ends them at
     * once; otherwise they live until the client is garbage collected (before Java 21).
     */
    private final ExecutorService workers = Executors.newCachedThreadPool(daemonThreads("platform-password-http"));

    HttpTransport(ClientSettings settings, boolean https) {
        this.maxBodyBytes = settings.maxBodyBytes();
        this.unirest = Unirest.spawnInstance();
        Config config = unirest.config()
                .connectTimeout(Math.toIntExact(settings.connectTimeout().toMillis()))
                .requestTimeout(Math.toIntExact(settings.requestTimeout().toMillis()))
                .followRedirects(false) // a redirect would re-send the Authorization header elsewhere
                .enableCookieManagement(false)
                .requestCompression(false)
                .setDefaultHeader("User-Agent", USER_AGENT)
                .setObjectMapper(new GsonObjectMapper(Json.GSON))
                // HTTP/2 needs TLS (ALPN) to be negotiated cleanly; on plain http the upgrade dance only adds headers.
                .version(https ? HttpClient.Version.HTTP_2 : HttpClient.Version.HTTP_1_1);
        if (settings.proxySelector() != null) {
            config.proxy(settings.proxySelector());
        }
        if (settings.proxyAuthenticator() != null) {
            config.authenticator(settings.proxyAuthenticator());
        }
        ScheduledThreadPoolExecutor alarms =
                new ScheduledThreadPoolExecutor(1, daemonThreads("platform-password-watchdog"));
        // Most alarms are cancelled: drop them at once instead of keeping each for a request timeout.
        alarms.setRemoveOnCancelPolicy(true);
        this.watchdog = alarms;
        config.executor(workers);
    }

    private static ThreadFactory daemonThreads(String name) {
        return runnable -> {
            Thread thread = new Thread(runnable, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    UnirestInstance unirest() {
        return unirest;
    }

    /**
     * Sends the request and reads the answer, giving up after {@code timeout}.
     *
     * @throws TransportFailure     when there is no complete answer
     * @throws InterruptedException when the calling thread is interrupted (a build abort)
     */
    HttpAnswer execute(HttpRequest<?> request, URI target, Duration timeout)
            throws TransportFailure, InterruptedException {
        long millis = Math.max(1, timeout.toMillis());
        request.requestTimeout(Math.toIntExact(Math.min(Integer.MAX_VALUE, millis)));
        BodyReader reader = new BodyReader(maxBodyBytes);
        ScheduledFuture<?> alarm = watchdog.schedule(reader::expire, millis, TimeUnit.MILLISECONDS);
        HttpResponse<BodyReader.Result> response;
        try {
            response = request.asObject(reader::read);
        } catch (UnirestException e) {
            throw failure(e, target, timeout);
        } finally {
            alarm.cancel(false);
        }
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("interrupted while reading the answer from " + target.getHost());
        }
        BodyReader.Result result = response.getBody();
        if (result == null) {
            throw new TransportFailure(
                    TransportFailure.Reason.BROKEN, "the answer from " + describe(target) + " could not be read", null);
        }
        if (result.timedOut()) {
            throw new TransportFailure(
                    TransportFailure.Reason.TIMEOUT,
                    "the answer from " + describe(target) + " did not arrive completely within " + seconds(timeout),
                    null);
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
            if (cause instanceof HttpConnectTimeoutException) {
                return new TransportFailure(
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
                        "the TLS connection to " + describe(target) + " failed (" + safeReason(cause)
                                + "); check that the URL's "
                                + "scheme and port are right and that Jenkins trusts the platform's certificate",
                        cause);
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
        return new TransportFailure(
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
        return target.getHost() + (target.getPort() > 0 ? ":" + target.getPort() : "");
    }

    static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0
                ? (millis / 1000) + " s"
                : String.format(java.util.Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    @Override
    public void close() {
        Object httpClient =
                unirest.config().isRunning() ? unirest.config().getClient().getClient() : null;
        unirest.close();
        watchdog.shutdownNow();
        workers.shutdownNow();
        // From Java 21 on, the JDK's HttpClient can be closed, which ends its selector thread at
        // once; on older JDKs that thread ends when the client is garbage collected.
        if (httpClient instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Nothing is in flight any more; a failure to close changes nothing for the caller.
            }
        }
    }
}
