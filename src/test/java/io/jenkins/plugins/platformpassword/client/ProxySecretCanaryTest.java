package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.JsonEscapes;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.transport.Route;
import io.jenkins.plugins.platformpassword.simulator.ConnectProxy;
import io.jenkins.plugins.platformpassword.simulator.HttpVersions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.Authenticator;
import java.net.InetSocketAddress;
import java.net.PasswordAuthentication;
import java.net.ProxySelector;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
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
 * The proxy's password is a secret like the others: on success, with a proxy that refuses it and
 * echoes what it got, without credentials, and when the client refuses to send them, neither the
 * password nor its Basic header (whole, Base64 or URL-encoded) appears in a message, cause, stack
 * trace, progress line or {@code java.util.logging} record at level ALL, and the platform never
 * receives it.
 */
class ProxySecretCanaryTest {

    enum Outcome {
        SUCCESS,
        REFUSED_BY_THE_PROXY,
        REFUSED_BY_THE_CLIENT
    }

    private static final String USER = "proxy-user";

    private final String proxyPassword = "px-CANARY-\u00e9\u20ac-" + UUID.randomUUID();
    private final String wrongPassword = "px-WRONG-CANARY-\u00f8-" + UUID.randomUUID();
    private final SimulatedPlatform platform = SimulatedPlatform.overTls(HttpVersions.HTTP_2_AND_HTTP_1_1);
    private final ConnectProxy proxy = ConnectProxy.start(USER, proxyPassword);
    private final String tunnelingSetting = System.getProperty(Route.TUNNELING_DISABLED_SCHEMES);
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
    private Level rootLevel;

    @BeforeEach
    void captureAllLogging() {
        capture.setLevel(Level.ALL);
        rootLevel = Logger.getLogger("").getLevel();
        Logger.getLogger("").setLevel(Level.ALL);
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void restore() {
        Logger.getLogger("").removeHandler(capture);
        Logger.getLogger("").setLevel(rootLevel);
        if (tunnelingSetting == null) {
            System.clearProperty(Route.TUNNELING_DISABLED_SCHEMES);
        } else {
            System.setProperty(Route.TUNNELING_DISABLED_SCHEMES, tunnelingSetting);
        }
        proxy.close();
        platform.close();
    }

    @ParameterizedTest
    @EnumSource(Outcome.class)
    void theProxyPasswordNeverEscapes(Outcome outcome) {
        String given = outcome == Outcome.REFUSED_BY_THE_PROXY ? wrongPassword : proxyPassword;
        if (outcome == Outcome.REFUSED_BY_THE_CLIENT) {
            System.setProperty(Route.TUNNELING_DISABLED_SCHEMES, "Basic");
        }
        List<Object> seen = new ArrayList<>();
        ProgressListener listener = new ProgressListener() {
            @Override
            public void retrying(String failure, int nextAttempt, int maxAttempts, Duration wait) {
                seen.add(failure);
            }
        };
        ClientSettings settings = platform.settings()
                .withProxy(ProxySelector.of(new InetSocketAddress("127.0.0.1", proxy.port())), new Authenticator() {
                    @Override
                    protected PasswordAuthentication getPasswordAuthentication() {
                        return new PasswordAuthentication(USER, given.toCharArray());
                    }
                });
        try (PlatformClient client =
                new PlatformClient(platform.endpoint(), platform.credentials(), settings, platform.tokens, listener)) {
            seen.add(client);
            seen.add(settings);
            seen.add(client.changePassword(
                    UserId.parse(platform.customerUser), NewPassword.of(SecretValue.of("New-Passw0rd-for-test"))));
        } catch (PlatformException e) {
            seen.add(e);
        }

        StringBuilder everything = new StringBuilder();
        seen.forEach(item -> everything.append(describe(item)).append('\n'));
        records.forEach(record -> everything
                .append(new SimpleFormatter().format(record))
                .append(record.getMessage())
                .append('\n'));
        platform.simulator
                .requests()
                .forEach(request -> everything
                        .append(request.headers())
                        .append(request.bodyAsString())
                        .append('\n'));
        String text = everything.toString();
        for (String form : forms(given)) {
            assertThat(text)
                    .as("%s must not contain a form of the proxy password", outcome)
                    .doesNotContain(form);
        }
        if (outcome == Outcome.SUCCESS) {
            assertThat(platform.simulator.passwordOf(platform.customerUser)).isPresent();
        } else {
            assertThat(seen.get(seen.size() - 1))
                    .isInstanceOfSatisfying(
                            PlatformException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.PROXY));
        }
    }

    private static List<String> forms(String password) {
        String pair = USER + ":" + password;
        String basic = Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
        List<String> forms = new ArrayList<>();
        for (String secret : List.of(password, pair, basic)) {
            forms.add(secret);
            forms.add(URLEncoder.encode(secret, StandardCharsets.UTF_8));
            forms.add(JsonEscapes.escapeAsciiString(secret));
        }
        forms.add(Base64.getEncoder().encodeToString(password.getBytes(StandardCharsets.UTF_8)));
        return forms;
    }

    private static String describe(Object item) {
        if (!(item instanceof Throwable failure)) {
            return String.valueOf(item);
        }
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        StringBuilder text = new StringBuilder(trace.toString());
        if (failure instanceof PlatformException platformFailure) {
            text.append(platformFailure.bodyExcerpt().orElse(""));
        }
        return text.toString();
    }
}
