package io.jenkins.plugins.platformpassword.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The floor over the network: one bare {@link HttpClient} POST of the same JSON body over an open
 * TLS connection (HTTP/2 by ALPN, as the client), with a token the simulator issued without a
 * request. One client for the phase, the request built once, the answer's body discarded: one
 * round trip and nothing else.
 */
final class TlsFloorVariant implements Variant {

    private final HttpClient http;
    private final HttpRequest request;

    TlsFloorVariant(NetworkPlatform platform) {
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(platform.newTrust())
                .build();
        this.request = HttpRequest.newBuilder(platform.passwordUri())
                .header("Authorization", "Bearer " + platform.simulator.issueToken(platform.apiClient))
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BenchmarkPlatform.PASSWORD_JSON))
                .build();
    }

    @Override
    public String name() {
        return "floor";
    }

    @Override
    public String description() {
        return "one bare java.net.http.HttpClient POST over an open TLS connection (HTTP/2), pre-issued token";
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
