package io.jenkins.plugins.platformpassword.client.transport;

import java.net.http.HttpRequest;
import java.nio.ByteBuffer;
import java.util.concurrent.Flow;

/**
 * A request body that tells its exchange when the JDK starts to send it. The JDK's HTTP client
 * asks for the body only once the request's headers have gone out (HTTP/1.1 and HTTP/2 alike),
 * so a failure before that moment proves the platform never got the request, whatever the
 * exception says: a TLS handshake that stalls, a proxy that never answers the CONNECT.
 */
final class WatchedBody implements HttpRequest.BodyPublisher {

    private final HttpRequest.BodyPublisher body;
    private final Exchange exchange;

    WatchedBody(HttpRequest.BodyPublisher body, Exchange exchange) {
        this.body = body;
        this.exchange = exchange;
    }

    @Override
    public long contentLength() {
        return body.contentLength();
    }

    @Override
    public void subscribe(Flow.Subscriber<? super ByteBuffer> subscriber) {
        exchange.bodyRequested();
        body.subscribe(subscriber);
    }
}
