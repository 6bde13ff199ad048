package io.jenkins.plugins.platformpassword.benchmark;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The floor: one round trip and nothing else. A bare {@link HttpClient} POST of the same JSON
 * body to the password endpoint, with a token the simulator issued without a request. The
 * request is built once and sent again and again (a request is immutable), the answer's body
 * is discarded, no timeout is set: no per-change work but the exchange itself. Over plain http
 * (HTTP/1.1), or over an open TLS connection (HTTP/2 by ALPN, as the client).
 */
final class FloorVariant implements Variant {

    private final HttpClient http;
    private final HttpRequest request;
    private final String description;

    private FloorVariant(HttpClient http, URI passwordUri, String token, String description) {
        this.http = http;
        this.request = HttpRequest.newBuilder(passwordUri)
                .header("Authorization", "Bearer " + token)
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BenchmarkPlatform.PASSWORD_JSON))
                .build();
        this.description = description;
    }

    static FloorVariant plain(BenchmarkPlatform platform) {
        return new FloorVariant(
                HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build(),
                platform.passwordUri(),
                platform.simulator.issueToken(platform.apiClient),
                "one bare java.net.http.HttpClient POST per change, pre-issued token, request built once");
    }

    static FloorVariant overTls(NetworkPlatform platform) {
        return new FloorVariant(
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_2)
                        .sslContext(platform.newTrust())
                        .build(),
                platform.passwordUri(),
                platform.simulator.issueToken(platform.apiClient),
                "one bare java.net.http.HttpClient POST over an open TLS connection (HTTP/2), pre-issued token");
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public String description() {
        return description;
    }

    @Override
    public void changeOnce() throws Exception {
        HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("password request answered " + answer.statusCode());
        }
    }

    @Override
    public void close() {
        JdkClients.close(http);
    }
}
