package io.jenkins.plugins.platformpassword.client.transport;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Optional;

/**
 * The request as Unirest built it, with its body watched ({@link WatchedBody}). A view, not a copy
 * through {@code HttpRequest.newBuilder}: the JDK reads any {@code HttpRequest} through these
 * accessors, and copying the headers would cost every request CPU.
 */
final class WatchedRequest extends HttpRequest {

    private final HttpRequest request;
    private final Optional<BodyPublisher> body;

    WatchedRequest(HttpRequest request, BodyPublisher body, Exchange exchange) {
        this.request = request;
        this.body = Optional.of(new WatchedBody(body, exchange));
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
