package io.jenkins.plugins.platformpassword.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RequestLogPrinterTest {

    private static RecordedRequest request(String method, String path, String rawQuery) {
        return new RecordedRequest(method, path, rawQuery, Map.of(), new byte[0]);
    }

    @Test
    void aLineIsMethodPathStatusAndDuration() {
        assertThat(RequestLogPrinter.line(request("POST", "/api/2/idp/token", null), 200, Duration.ofMillis(3)))
                .isEqualTo("POST /api/2/idp/token 200 3 ms");
        assertThat(RequestLogPrinter.line(
                        request("GET", "/api/2/users/x", null), AnswerListener.NO_ANSWER, Duration.ofMillis(1500)))
                .isEqualTo("GET /api/2/users/x no answer (connection dropped) 1500 ms");
    }

    @Test
    void ofTheQueryOnlyPlainNamesShow() {
        assertThat(RequestLogPrinter.line(
                        request("GET", "/api/2/search", "tenant=abc&text=secret%20login"), 200, Duration.ZERO))
                .isEqualTo("GET /api/2/search?tenant=...&text=... 200 0 ms");
        // An item without '=' is all value; an odd name might be a value pasted in the wrong place.
        assertThat(RequestLogPrinter.line(request("GET", "/p", "S3cr3tValue&a%20b=1&=2&"), 404, Duration.ZERO))
                .isEqualTo("GET /p?...&...&...&... 404 0 ms");
    }

    @Test
    void controlCharactersCannotForgeLinesAndLongPathsAreCut() {
        String line = RequestLogPrinter.line(request("GET", "/a\u001b[2J\u0085b", null), 404, Duration.ZERO);
        assertThat(line).isEqualTo("GET /a?[2J?b 404 0 ms");

        String longPath = "/" + "x".repeat(300);
        assertThat(RequestLogPrinter.line(request("GET", longPath, null), 404, Duration.ZERO))
                .isEqualTo("GET " + longPath.substring(0, 200) + "... 404 0 ms");
    }

    /**
     * The whole {@code --log} path with canaries in every place a secret travels: Basic
     * credentials, a form's client_secret, a bearer token, a new password, its SHA-1, query
     * values (named and bare), a header, and a request whose connection a fault drops.
     */
    private static final String BASIC_CLIENT = "ca4a4100-0000-4000-8000-00000000b451";

    private static final String POST_CLIENT = "ca4a4100-0000-4000-8000-000000009057";

    @Test
    void noSecretReachesTheLog() throws Exception {
        String basicSecret = "CanaryBasicSecret-7f3a";
        String formSecret = "CanaryFormSecret-91bd";
        String wrongSecret = "CanaryWrongSecret-2c4e";
        String newPassword = "CanaryNewPassword-5d6f";
        String queryValue = "CanaryQueryValue";
        String bareQuery = "CanaryBareQuery";
        String headerValue = "CanaryHeader-0a1b";
        String sha1 = CompromisedPasswords.sha1Hex(newPassword);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        String[] token = new String[1];

        new SimulatorCommand(new PrintStream(out, true, StandardCharsets.UTF_8), System.err)
                .run(new String[] {"--port", "0", "--log"}, simulator -> {
                    String api = simulator.dataCenterUrl() + "/api/2";
                    simulator.addApiClient(
                            DemoPlatform.PARTNER_TENANT_ID,
                            BASIC_CLIENT,
                            basicSecret,
                            TokenAuthMethod.CLIENT_SECRET_BASIC);
                    simulator.addApiClient(
                            DemoPlatform.PARTNER_TENANT_ID,
                            POST_CLIENT,
                            formSecret,
                            TokenAuthMethod.CLIENT_SECRET_POST);
                    String basicPair = "Basic "
                            + Base64.getEncoder()
                                    .encodeToString(
                                            (BASIC_CLIENT + ":" + basicSecret).getBytes(StandardCharsets.UTF_8));
                    String tokenJson = send(
                            http,
                            post(
                                            api + "/idp/token",
                                            "application/x-www-form-urlencoded",
                                            "grant_type=client_credentials")
                                    .header("Authorization", basicPair));
                    token[0] = tokenJson.replaceAll(".*\"access_token\":\"([^\"]*)\".*", "$1");
                    send(
                            http,
                            post(
                                    api + "/idp/token",
                                    "application/x-www-form-urlencoded",
                                    "grant_type=client_credentials&client_id=" + POST_CLIENT + "&client_secret="
                                            + formSecret));
                    send(
                            http,
                            post(
                                            api + "/idp/token",
                                            "application/x-www-form-urlencoded",
                                            "grant_type=client_credentials")
                                    .header(
                                            "Authorization",
                                            "Basic "
                                                    + Base64.getEncoder()
                                                            .encodeToString((BASIC_CLIENT + ":" + wrongSecret)
                                                                    .getBytes(StandardCharsets.UTF_8))));
                    send(
                            http,
                            post(
                                            api + "/users/" + DemoPlatform.DEMO_USER.id() + "/password",
                                            "application/json",
                                            "{\"password\":\"" + newPassword + "\"}")
                                    .header("Authorization", "Bearer " + token[0]));
                    send(
                            http,
                            post(api + "/users/check_password", "application/json", "{\"password\":\"" + sha1 + "\"}"));
                    send(
                            http,
                            get(api + "/search?tenant=" + DemoPlatform.PARTNER_TENANT_ID + "&text="
                                            + URLEncoder.encode(queryValue, StandardCharsets.UTF_8))
                                    .header("Authorization", "Bearer " + token[0]));
                    send(
                            http,
                            get(api + "/users/" + DemoPlatform.DEMO_USER.id() + "?" + bareQuery)
                                    .header("Authorization", "Bearer " + token[0])
                                    .header("X-Canary", headerValue));
                    simulator.enqueueFault("/api/2/users/", Fault.dropConnection());
                    sendExpectingDrop(
                            http,
                            post(
                                            api + "/users/" + DemoPlatform.DEMO_USER.id() + "/password",
                                            "application/json",
                                            "{\"password\":\"" + newPassword + "\"}")
                                    .header("Authorization", "Bearer " + token[0]));
                    awaitLogLines(out, 8);
                });

        String printed = out.toString(StandardCharsets.UTF_8);
        List<String> log = printed.lines()
                .dropWhile(line -> !line.startsWith("Platform simulator ready"))
                .skip(1)
                .toList();
        assertThat(log)
                .hasSize(8)
                .allMatch(line -> line.matches("\\d\\d:\\d\\d:\\d\\d\\.\\d{3} (GET|POST) /api/2/\\S+ .* \\d+ ms"))
                .anyMatch(line -> line.contains(" POST /api/2/idp/token 401 "))
                .anyMatch(line -> line.contains(" POST /api/2/users/" + DemoPlatform.DEMO_USER.id() + "/password 204 "))
                .anyMatch(line -> line.contains(" GET /api/2/search?tenant=...&text=... 200 "))
                .anyMatch(line -> line.contains(" GET /api/2/users/" + DemoPlatform.DEMO_USER.id() + "?... 200 "))
                .anyMatch(line -> line.contains("/password no answer (connection dropped) "))
                .noneMatch(line -> line.contains("Basic") || line.contains("Bearer") || line.contains("{"));
        assertThat(token[0]).hasSizeGreaterThan(20);
        for (String secret : List.of(
                basicSecret,
                formSecret,
                wrongSecret,
                newPassword,
                queryValue,
                bareQuery,
                headerValue,
                sha1,
                sha1.toUpperCase(Locale.ROOT),
                token[0])) {
            assertThat(printed).as("the output holds no %s", secret).doesNotContain(secret);
        }
    }

    private static HttpRequest.Builder post(String url, String contentType, String body) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(5))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private static HttpRequest.Builder get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5));
    }

    private static String send(HttpClient http, HttpRequest.Builder request) throws InterruptedException {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void sendExpectingDrop(HttpClient http, HttpRequest.Builder request) throws InterruptedException {
        try {
            http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            throw new AssertionError("the fault should have dropped the connection");
        } catch (IOException expected) {
            // the dropped connection
        }
    }

    /** Log lines are printed after their answers went out, so the last ones may trail the responses. */
    private static void awaitLogLines(ByteArrayOutputStream out, int count) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (out.toString(StandardCharsets.UTF_8)
                        .lines()
                        .dropWhile(line -> !line.startsWith("Platform simulator ready"))
                        .count()
                < count + 1) {
            if (System.nanoTime() > end) {
                throw new AssertionError("fewer than " + count + " log lines within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
