package io.jenkins.plugins.platformpassword.benchmark;

import com.google.gson.JsonParser;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * What a script pays, in Java: the token request and then the password request, each with a new
 * {@link HttpClient} and a new TLS context, as each curl invocation of a script starts with
 * nothing (no connection, no TLS session). So each request pays a TCP and a TLS handshake. Making
 * the clients is timed, as starting curl is part of what a script pays; curl's own process start
 * is not in here (see {@link CurlScriptVariant}).
 */
final class FreshClientScriptVariant implements Variant {

    private final NetworkPlatform platform;
    private final String basic;

    FreshClientScriptVariant(NetworkPlatform platform) {
        this.platform = platform;
        String pair = platform.apiClient.clientId() + ":" + platform.apiClient.secret();
        this.basic = "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public String name() {
        return "jdk-script";
    }

    @Override
    public String description() {
        return "token, then change, each with a new java.net.http.HttpClient and TLS context (two new connections)";
    }

    @Override
    public void changeOnce() throws Exception {
        HttpClient forToken = newClient();
        String token;
        try {
            HttpResponse<String> answer = forToken.send(
                    HttpRequest.newBuilder(platform.tokenUri())
                            .header("Authorization", basic)
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials"))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200) {
                throw new IllegalStateException("token request answered " + answer.statusCode());
            }
            token = JsonParser.parseString(answer.body())
                    .getAsJsonObject()
                    .get("access_token")
                    .getAsString();
        } finally {
            JdkClients.close(forToken);
        }
        HttpClient forChange = newClient();
        try {
            HttpResponse<Void> answer = forChange.send(
                    HttpRequest.newBuilder(platform.passwordUri())
                            .header("Authorization", "Bearer " + token)
                            .header("Accept", "application/json")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(BenchmarkPlatform.PASSWORD_JSON))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (answer.statusCode() != 204) {
                throw new IllegalStateException("password request answered " + answer.statusCode());
            }
        } finally {
            JdkClients.close(forChange);
        }
    }

    private HttpClient newClient() {
        return HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_2)
                .sslContext(platform.newTrust())
                .build();
    }

    @Override
    public void close() {
        // Each change closes its clients (on JDK 17 they end when collected).
    }
}
