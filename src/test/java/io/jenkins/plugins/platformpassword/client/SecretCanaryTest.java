package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.jenkins.plugins.platformpassword.client.secrets.JsonEscapes;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every outcome, success and each failure, with distinct canary secrets (non-ASCII, with JSON
 * metacharacters): none of them, in any encoding in which it left the process, appears in an
 * exception's message, cause chain, stack trace or {@code toString()}, in the {@code toString()}
 * of anything returned, or in any {@code java.util.logging} record at level ALL, including the
 * loggers of Unirest and the JDK's HTTP client. Some faults make the server echo every secret
 * back, as a careless proxy or gateway might.
 */
class SecretCanaryTest {

    /** Writes JSON string literals as the platform would, HTML escaping off. */
    private static final Gson JSON_STRING =
            new GsonBuilder().disableHtmlEscaping().create();

    private static final String[] LOGGERS = {
        "", "kong.unirest", "jdk.httpclient.HttpClient", "jdk.internal.httpclient.debug"
    };

    enum Outcome {
        SUCCESS,
        FORBIDDEN,
        NOT_FOUND,
        REJECTED,
        WRONG_SECRET,
        SERVER_ERRORS,
        HTML_PAGE_ECHOING_SECRETS,
        PLATFORM_ERROR_ECHOING_SECRETS,
        OAUTH_ERROR_ECHOING_SECRETS,
        HANG,
        CONNECTION_REFUSED,
        OK_INSTEAD_OF_NO_CONTENT,
        UNAUTHORIZED_TWICE,
        MALFORMED_JSON,
        OVERSIZED_ECHO,
        CUT_MID_BODY,
        TOKEN_WITHOUT_ACCESS_TOKEN,
        DROPPED_CONNECTION
    }

    private final String clientSecret = "cs-CANARY-\u00fc\u20ac-\ud83d\udd11-\"q\\-" + UUID.randomUUID();
    private final String password = "pw-CANARY-\u0436\u05d0-\ud83d\udd12-\"q\\-" + UUID.randomUUID();
    private final String wrongSecret = "ws-CANARY-\u00e5-\ud83d\udca5-" + UUID.randomUUID();

    private SimulatedPlatform platform;
    private final List<LogRecord> records = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
    };
    private final Map<String, Level> previousLevels = new java.util.HashMap<>();

    @BeforeEach
    void captureAllLogging() {
        platform = new SimulatedPlatform();
        capture.setLevel(Level.ALL);
        for (String name : LOGGERS) {
            Logger logger = Logger.getLogger(name);
            previousLevels.put(name, logger.getLevel());
            logger.setLevel(Level.ALL);
        }
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void restoreLogging() {
        Logger.getLogger("").removeHandler(capture);
        previousLevels.forEach((name, level) -> Logger.getLogger(name).setLevel(level));
        platform.close();
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void noSecretEscapes(Outcome outcome) throws Exception {
        var apiClient = platform.simulator.addApiClient(
                platform.partnerTenant,
                UUID.randomUUID().toString(),
                clientSecret,
                io.jenkins.plugins.platformpassword.simulator.TokenAuthMethod.CLIENT_SECRET_BASIC);
        ApiClientCredentials credentials = new ApiClientCredentials(apiClient.clientId(), SecretValue.of(clientSecret));
        List<Object> seen = new ArrayList<>();
        String token;
        try (PlatformClient client =
                new PlatformClient(platform.endpoint(), credentials, settings(), platform.tokens, recorder(seen))) {
            // Prime the token, so that the faults below can echo it and the canary set includes it.
            seen.add(client.changePassword(
                    UserId.parse(platform.customerUser), NewPassword.of(SecretValue.of(password))));
            token = lastBearerToken();
            Object result = run(outcome, client, credentials, token);
            seen.add(result);
        }
        List<String> forms = forms(List.of(
                clientSecret,
                password,
                token,
                wrongSecret,
                new TokenRequest(platform.endpoint(), credentials, Clock.systemUTC())
                        .basicHeader()
                        .reveal(),
                "Bearer " + token));
        StringBuilder everything = new StringBuilder();
        for (Object item : seen) {
            everything.append(describe(item)).append('\n');
        }
        for (LogRecord record : records) {
            everything
                    .append(new SimpleFormatter().format(record))
                    .append(record.getMessage())
                    .append('\n');
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    everything.append(parameter).append('\n');
                }
            }
        }
        String text = everything.toString();
        for (String form : forms) {
            assertThat(text).as("%s must not contain a secret form", outcome).doesNotContain(form);
        }
    }

    private Object run(Outcome outcome, PlatformClient client, ApiClientCredentials credentials, String token)
            throws Exception {
        UserId user = UserId.parse(platform.customerUser);
        NewPassword newPassword = NewPassword.of(SecretValue.of(password));
        String echo = echoOf(credentials, List.of(clientSecret, password, token));
        // The token endpoint can only echo what its request carried; the old token was not in it.
        String tokenEndpointEcho = echoOf(credentials, List.of(clientSecret, password));
        switch (outcome) {
            case SUCCESS:
                break;
            case FORBIDDEN:
                user = UserId.parse(platform.partnerUser);
                break;
            case NOT_FOUND:
                user = UserId.parse(UUID.randomUUID().toString());
                break;
            case REJECTED:
                platform.simulator.enqueueFault("/api/2/users/", Fault.status(400));
                break;
            case WRONG_SECRET:
                platform.tokens.clear();
                try (PlatformClient wrong = new PlatformClient(
                        platform.endpoint(),
                        new ApiClientCredentials(credentials.clientId(), SecretValue.of(wrongSecret)),
                        settings(),
                        platform.tokens,
                        null)) {
                    return attempt(wrong, user, newPassword);
                }
            case SERVER_ERRORS:
                repeat(3, Fault.status(503));
                break;
            case HTML_PAGE_ECHOING_SECRETS:
                repeat(3, Fault.body(502, "text/html", "<html><body><pre>" + echo + "</pre></body></html>"));
                break;
            case PLATFORM_ERROR_ECHOING_SECRETS:
                platform.simulator.enqueueFault(
                        "/api/2/users/",
                        Fault.body(
                                400,
                                "application/json",
                                "{\"error\":{\"code\":1027,\"domain\":\"PlatformAccountServer\",\"message\":"
                                        + JSON_STRING.toJson(echo) + ",\"details\":{\"info\":"
                                        + JSON_STRING.toJson(echo)
                                        + "}}}"));
                break;
            case OAUTH_ERROR_ECHOING_SECRETS:
                platform.tokens.clear();
                platform.simulator.enqueueFault(
                        "/api/2/idp/token",
                        Fault.body(
                                401,
                                "application/json",
                                "{\"error\":\"access_denied\",\"error_description\":"
                                        + JSON_STRING.toJson(tokenEndpointEcho) + "}"));
                break;
            case HANG:
                repeat(3, Fault.hang());
                break;
            case CONNECTION_REFUSED:
                int port;
                try (ServerSocket socket = new ServerSocket(0)) {
                    port = socket.getLocalPort();
                }
                try (PlatformClient nowhere = new PlatformClient(
                        PlatformEndpoint.parse("http://127.0.0.1:" + port, true),
                        credentials,
                        settings(),
                        new TokenCache(),
                        null)) {
                    return attempt(nowhere, user, newPassword);
                }
            case OK_INSTEAD_OF_NO_CONTENT:
                platform.simulator.enqueueFault(
                        "/api/2/users/",
                        Fault.body(200, "application/json", "{\"echo\":" + JSON_STRING.toJson(echo) + "}"));
                break;
            case UNAUTHORIZED_TWICE:
                repeat(2, Fault.status(401));
                break;
            case MALFORMED_JSON:
                repeat(3, Fault.body(500, "application/json", "{\"error\": {\"message\": " + JSON_STRING.toJson(echo)));
                break;
            case OVERSIZED_ECHO:
                platform.simulator.enqueueFault(
                        "/api/2/users/", Fault.body(400, "text/plain", (echo + " ").repeat(2000)));
                break;
            case CUT_MID_BODY:
                repeat(3, Fault.cutMidBody(500, "text/plain", echo + echo));
                break;
            case TOKEN_WITHOUT_ACCESS_TOKEN:
                platform.tokens.clear();
                platform.simulator.enqueueFault(
                        "/api/2/idp/token",
                        Fault.body(
                                200,
                                "application/json",
                                "{\"token_type\":\"bearer\",\"echo\":" + JSON_STRING.toJson(tokenEndpointEcho) + "}"));
                break;
            case DROPPED_CONNECTION:
                repeat(3, Fault.dropConnection());
                break;
            default:
                throw new AssertionError(outcome);
        }
        return attempt(client, user, newPassword);
    }

    private static Object attempt(PlatformClient client, UserId user, NewPassword password) {
        try {
            return client.changePassword(user, password);
        } catch (PlatformException e) {
            return e;
        }
    }

    private void repeat(int times, Fault fault) {
        for (int i = 0; i < times; i++) {
            platform.simulator.enqueueFault("/api/2/users/", fault);
        }
    }

    private ClientSettings settings() {
        return platform.settings()
                .withTimeouts(Duration.ofMillis(500), Duration.ofMillis(500))
                .withDeadline(Duration.ofSeconds(5));
    }

    private String lastBearerToken() {
        return platform.simulator.requests().stream()
                .filter(r -> r.path().endsWith("/password"))
                .reduce((a, b) -> b)
                .flatMap(r -> r.header("authorization"))
                .map(v -> v.substring("Bearer ".length()))
                .orElseThrow();
    }

    /** The secrets (and the Basic header) in every form, as a server that reflects its input might send them back. */
    private String echoOf(ApiClientCredentials credentials, List<String> secrets) {
        List<String> all = new ArrayList<>(secrets);
        all.add(new TokenRequest(platform.endpoint(), credentials, Clock.systemUTC())
                .basicHeader()
                .reveal());
        StringBuilder echo = new StringBuilder();
        for (String form : forms(all)) {
            echo.append(form).append(" | ");
        }
        return echo.toString();
    }

    private static List<String> forms(List<String> secrets) {
        List<String> forms = new ArrayList<>();
        for (String secret : secrets) {
            forms.add(secret);
            forms.add(Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)));
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(JsonEscapes.escapeString(secret));
            forms.add(JsonEscapes.escapeAsciiString(secret));
        }
        return forms;
    }

    private static ProgressListener recorder(List<Object> seen) {
        return new ProgressListener() {
            @Override
            public void requestingToken(PlatformEndpoint endpoint, String clientId) {
                seen.add(endpoint + " " + clientId);
            }

            @Override
            public void retrying(String failure, int nextAttempt, int maxAttempts, Duration wait) {
                seen.add(failure);
            }
        };
    }

    private static String describe(Object item) {
        if (!(item instanceof Throwable failure)) {
            return String.valueOf(item);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        StringBuilder text = new StringBuilder(trace.toString());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n').append(t.getMessage()).append('\n');
        }
        if (failure instanceof PlatformException platformFailure) {
            text.append(platformFailure.platformError().map(Object::toString).orElse(""))
                    .append('\n');
            text.append(platformFailure.bodyExcerpt().orElse("")).append('\n');
        }
        return text.toString();
    }
}
