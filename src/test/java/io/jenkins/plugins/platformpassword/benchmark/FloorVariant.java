package io.jenkins.plugins.platformpassword.benchmark;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * The floor: one round trip and nothing else. A bare {@link HttpClient} POST of the same JSON
 * body to the password endpoint, with a token the simulator issued without a request. The
 * request is built once and sent again and again (a request is immutable), the answer's body
 * is discarded, no timeout is set: no per-change work but the exchange itself.
 */
final class FloorVariant implements Variant {

    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final HttpRequest request;

    FloorVariant(BenchmarkPlatform platform) {
        String token = platform.simulator.issueToken(platform.apiClient);
        this.request = HttpRequest.newBuilder(platform.passwordUri())
                .header("Authorization", "Bearer " + token)
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
        return "one bare java.net.http.HttpClient POST per change, pre-issued token, request built once";
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
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
