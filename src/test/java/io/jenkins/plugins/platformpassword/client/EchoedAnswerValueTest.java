package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.users.Diagnosis;
import io.jenkins.plugins.platformpassword.client.users.UserDirectory;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A successful answer whose values are in fact an echo of a secret (a tenant id, a login that a
 * broken gateway filled in from the request) must not carry the secret into a message: not into
 * the messages of the lookup, not into the pre-flight explanation, not into the actions of later
 * requests, which quote the ids they read earlier.
 */
class EchoedAnswerValueTest {

    private static final Gson JSON = new GsonBuilder().disableHtmlEscaping().create();
    private static final String CLIENT_ID = UUID.randomUUID().toString();
    private static final String CLIENT_SECRET = "cs=CANARY/~\"<&'+ \u00e9\u20ac-" + UUID.randomUUID();
    private static final String TOKEN = "tk." + UUID.randomUUID().toString().replace("-", "") + "~+/-_";
    private static final String USER = UUID.randomUUID().toString();
    private static final String TENANT = UUID.randomUUID().toString();

    /** Where the echo sits in an otherwise valid answer. */
    enum Field {
        CLIENT_TENANT_ID,
        SEARCH_HIT_TENANT_ID,
        USER_LOGIN,
        USER_TENANT_ID
    }

    private volatile Field field;
    private volatile String echo;
    private HostileServer server;
    private final TokenCache tokens = new TokenCache();
    private PlatformClient client;

    @BeforeEach
    void start() {
        server = HostileServer.start(this::answer);
        client = new PlatformClient(
                server.endpoint(),
                new ApiClientCredentials(CLIENT_ID, SecretValue.of(CLIENT_SECRET)),
                ClientSettings.defaults()
                        .withTimeouts(Duration.ofSeconds(2), Duration.ofSeconds(2))
                        .withRetryPolicy(new RetryPolicy(1, Duration.ZERO, Duration.ZERO, Duration.ZERO)),
                tokens,
                null);
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    private byte[] answer(HostileServer.Request request) {
        String target = request.target();
        String value = echo;
        if (target.endsWith("/idp/token")) {
            return HostileServer.json(200, "{\"access_token\":\"" + TOKEN + "\",\"token_type\":\"bearer\"}");
        }
        if (target.contains("/clients/")) {
            return HostileServer.json(
                    200,
                    JSON.toJson(
                            Map.of("id", CLIENT_ID, "tenant_id", field == Field.CLIENT_TENANT_ID ? value : TENANT)));
        }
        if (target.contains("/search")) {
            String parent = field == Field.SEARCH_HIT_TENANT_ID
                    ? value
                    : UUID.randomUUID().toString();
            List<Map<String, String>> items = new ArrayList<>();
            // No hit when the client's tenant is the echo: the "not found" message names the tenant searched.
            for (int i = 0; i < (field == Field.CLIENT_TENANT_ID ? 0 : 2); i++) {
                items.add(Map.of(
                        "obj_type", "user", "id", UUID.randomUUID().toString(), "login", "jdoe", "parent_id", parent));
            }
            return HostileServer.json(200, JSON.toJson(Map.of("items", items)));
        }
        if (target.contains("/users/")) {
            return HostileServer.json(
                    200,
                    JSON.toJson(Map.of(
                            "id",
                            USER,
                            "login",
                            field == Field.USER_LOGIN ? value : "jdoe",
                            "tenant_id",
                            field == Field.USER_TENANT_ID
                                    ? value
                                    : UUID.randomUUID().toString(),
                            "enabled",
                            true)));
        }
        if (target.contains("/tenants/")) {
            return HostileServer.json(
                    404, "{\"error\":{\"code\":1005,\"message\":\"Tenant not found.\",\"details\":{}}}");
        }
        return HostileServer.json(500, "{}");
    }

    @ParameterizedTest
    @EnumSource(Field.class)
    void aValueThatEchoesASecretNeverReachesAMessage(Field where) {
        field = where;
        List<String> leaks = new ArrayList<>();
        int tried = 0;
        for (String secret : List.of(CLIENT_SECRET, TOKEN, basicHeader())) {
            Map<String, String> forms = CanaryForms.forms(secret, Map.of());
            List<CanaryForms.Echo> echoes = CanaryForms.echoes(forms, true);
            for (int i = 0; i < echoes.size(); i += 3) {
                CanaryForms.Echo shape = echoes.get(i + (i / 3 + tried) % 3);
                tried++;
                echo = shape.text();
                String shown = outcomeOf(where);
                for (String piece : shape.pieces()) {
                    String run = EchoedSecretTest.firstRunIn(piece, shown);
                    if (run != null) {
                        leaks.add(shape + " '" + run + "'");
                    }
                }
                String raw = EchoedSecretTest.firstRunIn(secret, shown);
                if (raw != null) {
                    leaks.add(shape + " raw '" + raw + "'");
                }
            }
        }
        assertThat(tried).isGreaterThan(40);
        assertThat(leaks).as("echoes in %s that reached a message", where).isEmpty();
    }

    /** Everything the lookup gave a person to read, from success or failure. */
    private String outcomeOf(Field where) {
        tokens.clear(); // so that the client's tenant is asked for again
        UserDirectory directory = new UserDirectory(client);
        try {
            return switch (where) {
                case CLIENT_TENANT_ID, SEARCH_HIT_TENANT_ID ->
                    directory.resolveLogin("jdoe").toString();
                case USER_LOGIN, USER_TENANT_ID -> {
                    Diagnosis diagnosis = directory.diagnose(UserId.parse(USER));
                    yield diagnosis.explain() + "\n" + diagnosis + "\n" + client.user(UserId.parse(USER));
                }
            };
        } catch (PlatformException e) {
            return EchoedSecretTest.everythingShown(e, List.of());
        }
    }

    private static String basicHeader() {
        return new TokenRequest(
                        PlatformEndpoint.parse("https://example.com", false),
                        new ApiClientCredentials(CLIENT_ID, SecretValue.of(CLIENT_SECRET)),
                        java.time.Clock.systemUTC())
                .basicHeader()
                .reveal();
    }
}
