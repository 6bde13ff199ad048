package io.jenkins.plugins.platformpassword.benchmark;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * The usual alternative, as vendor scripts do it with curl: for every change, ask the token
 * endpoint for a token (client credentials, HTTP Basic), take {@code access_token} out of the
 * JSON (jq's job in a script), then send the password request with it. Nothing is cached.
 *
 * <p>One {@link HttpClient} (HTTP/1.1, as curl uses for http://) serves all changes, so its
 * connections are kept alive and reused. A real script starts a new curl process and a new TCP
 * connection per request, so this is the cheapest form of the alternative: the measured gap to
 * "ours" is a lower bound of the real one.
 */
final class TwoRequestVariant implements Variant {

    private final BenchmarkPlatform platform;
    private final HttpClient http =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private final String basic;

    TwoRequestVariant(BenchmarkPlatform platform) {
        this.platform = platform;
        String pair = platform.apiClient.clientId() + ":" + platform.apiClient.secret();
        this.basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "alternative";
    }

    @Override
    public String description() {
        return "token request, then password request, per change (java.net.http.HttpClient, one client, keep-alive)";
    }

    @Override
    public void changeOnce() throws Exception {
        HttpRequest tokenRequest = HttpRequest.newBuilder(platform.tokenUri())
                .header("Authorization", basic)
                .header("Accept", "application/json")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                .build();
        HttpResponse<String> tokenAnswer = http.send(tokenRequest, HttpResponse.BodyHandlers.ofString());
        if (tokenAnswer.statusCode() != 200) {
            throw new IllegalStateException("token request answered " + tokenAnswer.statusCode());
        }
        JsonElement token =
                JsonParser.parseString(tokenAnswer.body()).getAsJsonObject().get("access_token");
        HttpRequest passwordRequest = HttpRequest.newBuilder(platform.passwordUri())
                .header("Authorization", "Bearer " + token.getAsString())
                .header("Accept", "application/json")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(BenchmarkPlatform.PASSWORD_JSON))
                .build();
        HttpResponse<Void> answer = http.send(passwordRequest, HttpResponse.BodyHandlers.discarding());
        if (answer.statusCode() != 204) {
            throw new IllegalStateException("password request answered " + answer.statusCode());
        }
    }

    @Override
    public void close() {
        // JDK 17's HttpClient cannot be closed; its selector thread ends once the client is garbage collected.
        if (http instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
