package io.jenkins.plugins.platformpassword.client.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The request as Unirest built it, with its body watched ({@link WatchedBody}), or with no body at
 * all ({@link #bodiless}). A view, not a copy through {@code HttpRequest.newBuilder}: the JDK reads
 * any {@code HttpRequest} through these accessors, and copying the headers would cost every request
 * CPU.
 */
final class WatchedRequest extends HttpRequest {

    private final HttpRequest request;
    private final Optional<BodyPublisher> body;

    WatchedRequest(HttpRequest request, BodyPublisher body, Exchange exchange) {
        this(request, Optional.of(new WatchedBody(body, exchange)));
    }

    private WatchedRequest(HttpRequest request, Optional<BodyPublisher> body) {
        this.request = request;
        this.body = body;
    }

    /**
     * The request without a body publisher. Unirest hands the JDK every GET with an empty one, and
     * the JDK then sends {@code Content-Length: 0}, which RFC 9110 (8.6) says a request without
     * content should not carry, and which some firewalls refuse. Without a publisher, Java 19 and
     * later leave the header out; Java 17 sends it on every GET whatever the caller does
     * (JDK-8283544).
     */
    static HttpRequest bodiless(HttpRequest request) {
        return new WatchedRequest(request, Optional.empty());
    }

    @Override
    public Optional<BodyPublisher> bodyPublisher() {
        return body;
    }

    @Override
    public String method() {
        return request.method();
    }

    @Override
    public Optional<Duration> timeout() {
        return request.timeout();
    }

    @Override
    public boolean expectContinue() {
        return request.expectContinue();
    }

    @Override
    public URI uri() {
        return request.uri();
    }

    @Override
    public Optional<HttpClient.Version> version() {
        return request.version();
    }

    @Override
    public HttpHeaders headers() {
        return request.headers();
    }
}
