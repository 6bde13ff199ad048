package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.ScreenedCause;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A hostile server echoes a secret back, in every form of {@link CanaryForms}, whole, split and
 * cut, through every channel by which text the client did not write reaches a message: an
 * unrecognised body, the platform's error message, the Content-Type header, and an invalid
 * status line the JDK quotes in its exception. The secrets include a token that the same call
 * had sent earlier and that the server refused. Nothing of any echo may reach the failure's
 * message, its cause chain, its stack trace, its excerpt, or the retry lines of the build log.
 *
 * <p>The server refuses every odd-numbered token it issues with 401; for the refused-token case
 * each call starts without a cached token, so the client is refused, fetches a second token, and
 * the answer to the second attempt echoes the first.
 */
public class EchoedSecretTest {

    /** The shortest run of an echo that counts as a leak: shorter runs occur in ordinary text. */
    private static final int LEAK = 8;

    enum Secret {
        CLIENT_SECRET,
        PASSWORD,
        TOKEN,
        REFUSED_TOKEN,
        BASIC_HEADER
    }

    enum Channel {
        HTML_BODY(true),
        PLATFORM_MESSAGE(true),
        CONTENT_TYPE(false),
        STATUS_LINE(false);

        final boolean lineBreaksPossible;

        Channel(boolean lineBreaksPossible) {
            this.lineBreaksPossible = lineBreaksPossible;
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** A UUID, as the platform's client ids are; random, so that each run echoes another one. */
    private static final String CLIENT_ID = java.util.UUID.randomUUID().toString();

    private static final String CLIENT_SECRET = "cs=CANARY/~\"<&'+ \u00e9\u20ac\ud83d\udd11-" + hex(8);
    private static final String PASSWORD = "pw=CANARY/~\"<&'+ \u0436\u20ac\ud83d\udd12-" + hex(8);

    private static HostileServer server;
    private static final TokenCache TOKENS = new TokenCache();
    private static final AtomicInteger ISSUED = new AtomicInteger();
    private static final Map<String, Integer> TOKEN_NUMBERS = new ConcurrentHashMap<>();
    private static volatile String refusedToken;
    private static volatile String basicHeader;
    /** What the next hostile answer carries: made from the secret's value at the moment of answering. */
    private static volatile Function<String, String> echoOf;

    private static volatile Secret secret;
    private static volatile Channel channel;
    private static final List<String> echoesSent = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() {
        server = HostileServer.start(EchoedSecretTest::answer);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static byte[] answer(HostileServer.Request request) {
        if (request.target().endsWith("/idp/token")) {
            basicHeader = request.header("Authorization");
            int number = ISSUED.incrementAndGet();
            String token = "tk." + hex(12) + "~+/-_" + number + "==";
            TOKEN_NUMBERS.put(token, number);
            return HostileServer.json(
                    200, "{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\",\"expires_in\":7200}");
        }
        String token = request.header("Authorization").substring("Bearer ".length());
        if (TOKEN_NUMBERS.getOrDefault(token, 0) % 2 == 1) {
            refusedToken = token;
            return HostileServer.json(
                    401,
                    "{\"error\":{\"code\":401,\"domain\":\"PlatformAccountServer\",\"message\":\"Token expired.\",\"details\":{\"info\":\"\"}}}");
        }
        String value =
                switch (secret) {
                    case CLIENT_SECRET -> CLIENT_SECRET;
                    case PASSWORD -> PASSWORD;
                    case TOKEN -> token;
                    case REFUSED_TOKEN -> refusedToken;
                    case BASIC_HEADER -> basicHeader;
                };
        String echo = echoOf.apply(value);
        echoesSent.add(echo);
        return switch (channel) {
            case HTML_BODY ->
                HostileServer.answer(
                        400, "text/html", "<html><body><h1>400 Bad Request</h1><pre>" + echo + "</pre></body></html>");
            case PLATFORM_MESSAGE ->
                HostileServer.json(
                        400,
                        "{\"error\":{\"code\":1027,\"domain\":\"PlatformAccountServer\",\"message\":"
                                + new com.google.gson.GsonBuilder()
                                        .disableHtmlEscaping()
                                        .create()
                                        .toJson("Refused: " + echo)
                                + ",\"details\":{\"info\":\"x\"}}}");
            case CONTENT_TYPE ->
                HostileServer.raw("HTTP/1.1 400 Bad Request\r\nContent-Type: text/html; echo=" + echo
                        + "\r\nContent-Length: 17\r\nConnection: close\r\n\r\n<html>oops</html>");
            case STATUS_LINE -> HostileServer.raw("HTTP/1.1 4O1 refused " + echo + "\r\n\r\n");
        };
    }

    /** The forms of a secret's value, with the forms only some secrets have. */
    private static Map<String, String> formsOf(Secret kind, String value) {
        Map<String, String> extra =
                switch (kind) {
                    case TOKEN, REFUSED_TOKEN -> CanaryForms.base64Of("bearer-header", "Bearer " + value);
                    case PASSWORD -> CanaryForms.base64Of("json-body", Json.oneMember("password", value));
                    default -> Map.of();
                };
        return CanaryForms.forms(value, extra);
    }

    static List<Arguments> cases() {
        List<Arguments> cases = new ArrayList<>();
        for (Channel c : Channel.values()) {
            for (Secret s : Secret.values()) {
                cases.add(Arguments.of(c, s));
            }
        }
        return cases;
    }

    @ParameterizedTest(name = "{1} echoed in the {0}")
    @MethodSource("cases")
    void noFormOfAnEchoedSecretReachesAMessage(Channel via, Secret what) {
        // Which forms exist does not depend on the value, so a sample value lists them.
        Map<String, String> sample = formsOf(what, what == Secret.PASSWORD ? PASSWORD : CLIENT_SECRET);
        List<String> leaks = new ArrayList<>();
        List<String> console = new CopyOnWriteArrayList<>();
        int calls = 0;
        try (PlatformClient client = new PlatformClient(
                server.endpoint(),
                new ApiClientCredentials(CLIENT_ID, SecretValue.of(CLIENT_SECRET)),
                settings(),
                TOKENS,
                consoleOf(console))) {
            for (CanaryForms.Echo shape : oneVariantPerForm(sample, via, what)) {
                calls++;
                console.clear();
                String found = leakOf(client, console, via, what, shape);
                if (found != null) {
                    leaks.add(shape + ": " + found);
                }
            }
        }
        assertThat(calls).isGreaterThan(15);
        assertThat(leaks)
                .as("echoes of %s through %s that reached a message", what, via)
                .isEmpty();
    }

    /**
     * Each form in one variant, a different one for each secret, so that over the five secrets
     * every form travels whole, split and cut through each channel. {@code SecretScreenTest}
     * tries every form in every variant for every secret, without the network.
     */
    private static List<CanaryForms.Echo> oneVariantPerForm(Map<String, String> forms, Channel via, Secret what) {
        List<CanaryForms.Echo> all = CanaryForms.echoes(forms, via.lineBreaksPossible);
        int variants = via.lineBreaksPossible ? 3 : 2;
        List<CanaryForms.Echo> chosen = new ArrayList<>();
        for (int i = 0; i < all.size(); i += variants) {
            CanaryForms.Echo echo = all.get(i + (i / variants + what.ordinal()) % variants);
            if (via.lineBreaksPossible || !echo.text().contains("\n")) { // a header cannot hold a line break
                chosen.add(echo);
            }
        }
        return chosen;
    }

    /** Runs one call whose answer echoes the secret in this shape; returns what leaked, or null. */
    private String leakOf(
            PlatformClient client, List<String> console, Channel via, Secret what, CanaryForms.Echo shape) {
        channel = via;
        secret = what;
        echoOf = value -> {
            String form = formsOf(what, value).get(shape.form());
            return switch (shape.variant()) {
                case "whole" -> form;
                case "split" -> form.substring(0, form.length() / 2) + "\r\n" + form.substring(form.length() / 2);
                default -> form.substring(0, form.length() * 3 / 5);
            };
        };
        echoesSent.clear();
        if (what == Secret.REFUSED_TOKEN) {
            TOKENS.clear(); // the next token is refused first, and the answer after the refresh echoes it
        }
        PlatformException failure;
        try {
            client.changePassword(
                    UserId.parse("1c234e69-5469-424a-a6d1-ff5658b387a6"), NewPassword.of(SecretValue.of(PASSWORD)));
            return "the call succeeded";
        } catch (PlatformException e) {
            failure = e;
        }
        String everything = everythingShown(failure, console);
        assertThat(echoesSent).as("the server answered with an echo").isNotEmpty();
        assertUseful(via, failure);
        for (String echo : echoesSent) {
            for (String piece : new CanaryForms.Echo(shape.form(), shape.variant(), echo).pieces()) {
                String leak = firstRunIn(piece, everything);
                if (leak != null) {
                    return "'" + leak + "' in: " + excerptAround(everything, leak);
                }
            }
        }
        for (String raw : List.of(CLIENT_SECRET, PASSWORD, refusedToken, basicHeader)) {
            String leak = firstRunIn(raw, everything);
            if (leak != null) {
                return "raw '" + leak + "' in: " + excerptAround(everything, leak);
            }
        }
        return null;
    }

    private static String excerptAround(String text, String run) {
        int at = text.indexOf(run);
        return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + run.length() + 20));
    }

    /** The failure must still say what happened, so that withholding text does not empty the message. */
    private static void assertUseful(Channel via, PlatformException failure) {
        switch (via) {
            case HTML_BODY, PLATFORM_MESSAGE -> assertThat(failure.getMessage()).contains("HTTP 400");
            case CONTENT_TYPE ->
                assertThat(failure.bodyExcerpt())
                        .hasValueSatisfying(e -> assertThat(e).contains("oops"));
            case STATUS_LINE -> assertThat(failure.getMessage()).contains("127.0.0.1");
        }
    }

    @Test
    void aHarmlessInvalidStatusLineIsStillQuoted() {
        channel = Channel.STATUS_LINE;
        secret = Secret.CLIENT_SECRET;
        echoOf = value -> "by the gateway";
        TOKENS.clear();
        try (PlatformClient client = new PlatformClient(
                server.endpoint(),
                new ApiClientCredentials(CLIENT_ID, SecretValue.of(CLIENT_SECRET)),
                settings(),
                TOKENS,
                null)) {
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> client.changePassword(
                            UserId.parse("1c234e69-5469-424a-a6d1-ff5658b387a6"),
                            NewPassword.of(SecretValue.of(PASSWORD))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.getMessage())
                                .contains("Invalid status line")
                                .contains("4O1 refused by the gateway");
                        // The JDK's exception itself is never attached: a screened copy names it and keeps its frames.
                        assertThat(e.getCause())
                                .isInstanceOf(ScreenedCause.class)
                                .hasMessageStartingWith("java.net.ProtocolException: ")
                                .hasMessageContaining("4O1 refused by the gateway");
                        assertThat(e.getCause().getStackTrace()).isNotEmpty();
                    });
        }
    }

    private static ClientSettings settings() {
        return ClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                .withDeadline(Duration.ofSeconds(10))
                .withRetryPolicy(new RetryPolicy(3, Duration.ZERO, Duration.ofMillis(5), Duration.ofMillis(50)));
    }

    private static ProgressListener consoleOf(List<String> lines) {
        return new ProgressListener() {
            @Override
            public void requestingToken(PlatformEndpoint endpoint, String clientId) {
                lines.add(endpoint + " " + clientId);
            }

            @Override
            public void retrying(String failure, int nextAttempt, int maxAttempts, Duration wait) {
                lines.add(failure);
            }
        };
    }

    static String everythingShown(Throwable failure, List<String> console) {
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        StringBuilder text = new StringBuilder(trace.toString());
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append('\n').append(t).append('\n').append(t.getMessage());
        }
        if (failure instanceof PlatformException platform) {
            text.append('\n').append(platform.bodyExcerpt().orElse(""));
            text.append('\n')
                    .append(platform.platformError()
                            .map(PlatformError::describe)
                            .orElse(""));
        }
        console.forEach(line -> text.append('\n').append(line));
        return text.toString();
    }

    /** The first run of {@value #LEAK} characters of {@code secret} that {@code text} contains, or null. */
    public static String firstRunIn(String secret, String text) {
        if (secret == null) {
            return null;
        }
        for (int i = 0; i + LEAK <= secret.length(); i++) {
            String run = secret.substring(i, i + LEAK);
            if (text.contains(run)) {
                return run;
            }
        }
        return null;
    }

    private static String hex(int bytes) {
        byte[] random = new byte[bytes];
        RANDOM.nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
