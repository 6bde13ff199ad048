package io.jenkins.plugins.platformpassword.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The simulator's own rules, checked over real sockets with the JDK's HTTP client. */
class PlatformSimulatorTest {

    private static final String PASSWORD = "New-Passw0rd-for-test";

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(2))
            .build();

    private final PlatformSimulator simulator = PlatformSimulator.start();
    private final String partner = simulator.addTenant(simulator.rootTenantId(), "Partner");
    private final String customer = simulator.addTenant(partner, "Customer");
    private final String otherPartner = simulator.addTenant(simulator.rootTenantId(), "Other Partner");
    private final ApiClient client = simulator.addApiClient(partner);
    private final String customerUser = simulator.addUser(customer, "customer-user", "Customer.User@example.com");
    private final String partnerUser = simulator.addUser(partner, "partner-user");
    private final String strangerUser = simulator.addUser(otherPartner, "stranger");

    @AfterEach
    void stop() {
        simulator.close();
    }

    // ---- helpers ----

    private URI api(String path) {
        return URI.create(simulator.dataCenterUrl() + "/api/2" + path);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> tokenRequest(String authorization, String form) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api("/idp/token"))
                .timeout(Duration.ofSeconds(2))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return send(request.build());
    }

    private static String basic(String pair) {
        return "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8));
    }

    private static String formEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return send(HttpRequest.newBuilder(api(path))
                .timeout(Duration.ofSeconds(2))
                .header("Authorization", "Bearer " + token)
                .build());
    }

    private HttpResponse<String> changePassword(String userId, String token, String contentType, String body)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(api("/users/" + userId + "/password"))
                .timeout(Duration.ofSeconds(2))
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return send(request.build());
    }

    private HttpResponse<String> changePassword(String userId, String password) throws Exception {
        JsonObject body = new JsonObject();
        body.addProperty("password", password);
        return changePassword(userId, simulator.issueToken(client), "application/json", body.toString());
    }

    private static JsonObject json(HttpResponse<String> response) {
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/json");
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    /** Asserts the platform's error shape and returns its {@code error} member. */
    private static JsonObject platformError(HttpResponse<String> response, int status) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject error = json(response).getAsJsonObject("error");
        assertThat(error.keySet()).contains("code", "domain", "message", "details");
        assertThat(error.get("domain").getAsString()).isEqualTo("PlatformAccountServer");
        assertThat(error.getAsJsonObject("details").has("info")).isTrue();
        return error;
    }

    private static JsonObject oauthError(HttpResponse<String> response, int status, String error) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        JsonObject json = json(response);
        assertThat(json.keySet()).containsExactlyInAnyOrder("error", "error_description");
        assertThat(json.get("error").getAsString()).isEqualTo(error);
        return json;
    }

    private static String info(JsonObject error) {
        return error.getAsJsonObject("details").get("info").getAsString();
    }

    // ---- token endpoint ----

    @Nested
    class TokenEndpoint {

        @Test
        void basicAuthenticationGivesABearerToken() throws Exception {
            HttpResponse<String> response =
                    tokenRequest(basic(client.clientId() + ":" + client.secret()), "grant_type=client_credentials");

            assertThat(response.statusCode()).isEqualTo(200);
            JsonObject token = json(response);
            assertThat(token.get("token_type").getAsString()).isEqualTo("bearer");
            assertThat(token.get("access_token").getAsString()).isNotBlank();
            assertThat(token.get("id_token").getAsString()).isNotBlank();
            assertThat(token.get("expires_in").getAsLong()).isEqualTo(7200L);
            assertThat(token.get("expires_on").getAsLong())
                    .isCloseTo(Instant.now().plusSeconds(7200).getEpochSecond(), Offset.offset(5L));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(get("/users/" + customerUser, token.get("access_token").getAsString())
                            .statusCode())
                    .isEqualTo(200);
        }

        @Test
        void basicCredentialsAreTheRawPairAsThePlatformDocumentsThem() throws Exception {
            String secret = "s3cr:et%2B+ & \u00fc \ud83d\udd11";
            ApiClient special =
                    simulator.addApiClient(partner, RandomValues.uuid(), secret, TokenAuthMethod.CLIENT_SECRET_BASIC);

            assertThat(tokenRequest(basic(special.clientId() + ":" + secret), "grant_type=client_credentials")
                            .statusCode())
                    .isEqualTo(200);
            // RFC 6749's form-encoding is not what the platform decodes: '%2B', '+' and ':' would change the secret.
            oauthError(
                    tokenRequest(
                            basic(formEncode(special.clientId()) + ":" + formEncode(secret)),
                            "grant_type=client_credentials"),
                    401,
                    "access_denied");
            // For the platform's own alphabet (UUIDs, hex secrets) the two encodings are the same bytes.
            assertThat(formEncode(client.clientId()) + ":" + formEncode(client.secret()))
                    .isEqualTo(client.clientId() + ":" + client.secret());
        }

        @Test
        void clientIdsAreUuidsAsThePlatformGeneratesThem() {
            assertThatThrownBy(() -> simulator.addApiClient(
                            partner, "named-client", "secret", TokenAuthMethod.CLIENT_SECRET_BASIC))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("lower-case UUID");
            String upperCase = RandomValues.uuid().toUpperCase(Locale.ROOT);
            assertThatThrownBy(() ->
                            simulator.addApiClient(partner, upperCase, "secret", TokenAuthMethod.CLIENT_SECRET_BASIC))
                    .isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void postAuthenticationForClientsRegisteredForIt() throws Exception {
            ApiClient post = simulator.addApiClient(
                    partner, RandomValues.uuid(), "p&s=s w+rd", TokenAuthMethod.CLIENT_SECRET_POST);
            String form = "grant_type=client_credentials&client_id=" + formEncode(post.clientId()) + "&client_secret="
                    + formEncode(post.secret());

            assertThat(tokenRequest(null, form).statusCode()).isEqualTo(200);
            oauthError(
                    tokenRequest(basic(post.clientId() + ":" + post.secret()), "grant_type=client_credentials"),
                    401,
                    "access_denied");
            oauthError(
                    tokenRequest(
                            null,
                            "grant_type=client_credentials&client_id=" + formEncode(client.clientId())
                                    + "&client_secret=" + client.secret()),
                    401,
                    "access_denied");
        }

        @Test
        void wrongSecretOrUnknownClientIsAccessDeniedInOAuthShape() throws Exception {
            JsonObject wrongSecret = oauthError(
                    tokenRequest(basic(client.clientId() + ":wrong"), "grant_type=client_credentials"),
                    401,
                    "access_denied");
            assertThat(wrongSecret.get("error_description").getAsString()).doesNotContain("wrong");
            oauthError(
                    tokenRequest(basic("nobody:" + client.secret()), "grant_type=client_credentials"),
                    401,
                    "access_denied");
            oauthError(tokenRequest(null, "grant_type=client_credentials"), 401, "access_denied");
        }

        @Test
        void grantTypeMustBeClientCredentials() throws Exception {
            String auth = basic(client.clientId() + ":" + client.secret());
            oauthError(tokenRequest(auth, "grant_type=password"), 400, "invalid_request");
            oauthError(tokenRequest(auth, ""), 400, "invalid_request");
            oauthError(
                    tokenRequest(auth, "grant_type=client_credentials&grant_type=client_credentials"),
                    400,
                    "invalid_request");
        }

        @Test
        void aDisabledTenantsClientGetsNoToken() throws Exception {
            simulator.setTenantEnabled(partner, false);
            oauthError(
                    tokenRequest(basic(client.clientId() + ":" + client.secret()), "grant_type=client_credentials"),
                    401,
                    "access_denied");
        }

        @Test
        void aTokenAnswerHasEveryMemberTheContractRequiresAndItsTypes() throws Exception {
            JsonObject token = json(
                    tokenRequest(basic(client.clientId() + ":" + client.secret()), "grant_type=client_credentials"));
            for (String required : List.of("access_token", "token_type", "id_token")) {
                assertThat(token.get(required)).as(required).isNotNull();
                assertThat(token.get(required).getAsJsonPrimitive().isString())
                        .as(required)
                        .isTrue();
            }
            for (String integer : List.of("expires_in", "expires_on")) {
                assertThat(token.get(integer).getAsJsonPrimitive().isNumber())
                        .as(integer)
                        .isTrue();
                assertThat(token.get(integer).getAsString()).as(integer).matches("[0-9]+");
            }
        }

        @Test
        void aSkewedPlatformClockMovesExpiresOnButNotTheLifetime() throws Exception {
            simulator.clockOffset(Duration.ofHours(-3));
            JsonObject behind = json(
                    tokenRequest(basic(client.clientId() + ":" + client.secret()), "grant_type=client_credentials"));
            assertThat(behind.get("expires_in").getAsLong()).isEqualTo(7200L);
            assertThat(behind.get("expires_on").getAsLong())
                    .isCloseTo(Instant.now().minusSeconds(3600).getEpochSecond(), Offset.offset(5L));
            // on the platform's own clock the token is fresh, whatever the client's clock says
            assertThat(get("/users/" + customerUser, behind.get("access_token").getAsString())
                            .statusCode())
                    .isEqualTo(200);

            simulator.clockOffset(Duration.ofHours(3));
            JsonObject ahead = json(
                    tokenRequest(basic(client.clientId() + ":" + client.secret()), "grant_type=client_credentials"));
            assertThat(ahead.get("expires_on").getAsLong())
                    .isCloseTo(Instant.now().plusSeconds(5 * 3600).getEpochSecond(), Offset.offset(5L));
            // the platform's clock moved past the first token's expiry
            platformError(
                    get("/users/" + customerUser, behind.get("access_token").getAsString()), 401);
        }

        @Test
        void tokenLifetimeAndExpiry() throws Exception {
            simulator.tokenLifetime(Duration.ofMinutes(14));
            JsonObject token = json(
                    tokenRequest(basic(client.clientId() + ":" + client.secret()), "grant_type=client_credentials"));
            assertThat(token.get("expires_in").getAsLong()).isEqualTo(840L);

            String before = simulator.issueToken(client);
            simulator.expireAllTokens();
            String after = simulator.issueToken(client);

            JsonObject error = platformError(get("/users/" + customerUser, before), 401);
            assertThat(info(error)).contains("expired");
            assertThat(platformError(
                            get(
                                    "/users/" + customerUser,
                                    token.get("access_token").getAsString()),
                            401))
                    .isNotNull();
            assertThat(get("/users/" + customerUser, after).statusCode()).isEqualTo(200);
        }
    }

    // ---- password endpoint ----

    @Nested
    class PasswordEndpoint {

        @Test
        void success204RemembersThePasswordExactly() throws Exception {
            String unusual = " Pässwörd \"🔑\" \\ \u0000 end ";
            HttpResponse<String> response = changePassword(customerUser, unusual);

            assertThat(response.statusCode()).isEqualTo(204);
            assertThat(response.body()).isEmpty();
            assertThat(simulator.passwordOf(customerUser)).contains(unusual);
            assertThat(simulator.passwordChangeCount(customerUser)).isEqualTo(1);

            assertThat(changePassword(customerUser, PASSWORD).statusCode()).isEqualTo(204);
            assertThat(simulator.passwordOf(customerUser)).contains(PASSWORD);
            assertThat(simulator.passwordChangeCount(customerUser)).isEqualTo(2);
        }

        @Test
        void contentTypeMayCarryACharset() throws Exception {
            HttpResponse<String> response = changePassword(
                    customerUser,
                    simulator.issueToken(client),
                    "application/json; charset=UTF-8",
                    "{\"password\":\"" + PASSWORD + "\"}");
            assertThat(response.statusCode()).isEqualTo(204);
        }

        @Test
        void aUserTokenIsForbidden() throws Exception {
            String userToken = simulator.issueUserToken(partnerUser);
            JsonObject error = platformError(
                    changePassword(customerUser, userToken, "application/json", "{\"password\":\"" + PASSWORD + "\"}"),
                    403);
            assertThat(error.get("message").getAsString()).contains("only by OAuth 2.0");
            assertThat(simulator.passwordOf(customerUser)).isEmpty();
        }

        @Test
        void usersInTheClientsOwnTenantOrOutsideItAreForbidden() throws Exception {
            JsonObject own = platformError(changePassword(partnerUser, PASSWORD), 403);
            assertThat(own.get("message").getAsString())
                    .isEqualTo("Password can be changed only for user accounts located in sub-tenants.");
            platformError(changePassword(strangerUser, PASSWORD), 403);
            assertThat(simulator.passwordOf(partnerUser)).isEmpty();
            assertThat(simulator.passwordOf(strangerUser)).isEmpty();
        }

        @Test
        void unknownOrMalformedUserIdIsNotFound() throws Exception {
            platformError(changePassword("00000000-0000-4000-8000-000000000000", PASSWORD), 404);
            platformError(changePassword("not-a-uuid", PASSWORD), 404);
        }

        @Test
        void aBodyThatIsNotJsonIs415() throws Exception {
            String token = simulator.issueToken(client);
            platformError(
                    changePassword(customerUser, token, "text/plain", "{\"password\":\"" + PASSWORD + "\"}"), 415);
            platformError(changePassword(customerUser, token, null, "{\"password\":\"" + PASSWORD + "\"}"), 415);
        }

        @Test
        void eachBodyProblemIs400NamingIt() throws Exception {
            String token = simulator.issueToken(client);
            assertThat(info(platformError(
                            changePassword(
                                    customerUser,
                                    token,
                                    "application/json",
                                    "{\"password\":\"" + PASSWORD + "\",\"x\":1}"),
                            400)))
                    .contains("unexpected property 'x'");
            assertThat(info(platformError(
                            changePassword(customerUser, token, "application/json", "{\"password\":123456789}"), 400)))
                    .contains("must be a string");
            assertThat(info(platformError(changePassword(customerUser, token, "application/json", "{}"), 400)))
                    .contains("missing");
            assertThat(info(platformError(
                            changePassword(customerUser, token, "application/json", "{\"password\":"), 400)))
                    .contains("not valid JSON");
            assertThat(info(platformError(changePassword(customerUser, token, "application/json", "[\"x\"]"), 400)))
                    .contains("JSON object");
            assertThat(info(platformError(
                            changePassword(customerUser, token, "application/json", "{'password':'abcdefghijk'}"),
                            400)))
                    .contains("not valid JSON");
            assertThat(info(platformError(
                            changePassword(
                                    customerUser,
                                    token,
                                    "application/json",
                                    "{\"password\":\"" + PASSWORD + "\",\"password\":\"other-password\"}"),
                            400)))
                    .contains("more than once");
            assertThat(simulator.passwordChangeCount(customerUser)).isZero();
        }

        @Test
        void thePolicyWantsNineCodePointsUnlessSwitchedOff() throws Exception {
            JsonObject error = platformError(changePassword(customerUser, "short-pw"), 400);
            assertThat(error.get("code").getAsInt()).isEqualTo(1027);
            assertThat(error.get("message").getAsString()).contains("password policy");
            assertThat(changePassword(customerUser, "🔑🔑🔑🔑🔑🔑🔑🔑🔑").statusCode())
                    .isEqualTo(204);

            simulator.enforcePasswordPolicy(false);
            assertThat(changePassword(customerUser, "x").statusCode()).isEqualTo(204);
            assertThat(simulator.passwordOf(customerUser)).contains("x");
        }

        @Test
        void weakPasswordsAreRefusedAsThePlatformsDocumentationSays() throws Exception {
            // customer-user, Customer.User@example.com, in the tenant "Customer"
            for (String weak : List.of(
                    "password123",
                    "QWERTYUIOP",
                    "my-customer-user-pw",
                    "x-customer.user@example.com",
                    "Customer.User-2024",
                    "Big-CUSTOMER-tenant")) {
                JsonObject error = platformError(changePassword(customerUser, weak), 400);
                assertThat(error.get("code").getAsInt()).as(weak).isEqualTo(1027);
                assertThat(info(error)).as(weak).contains("weak");
            }
            assertThat(simulator.passwordChangeCount(customerUser)).isZero();
            // names of fewer than 4 characters are not looked for
            String shortLogin = simulator.addUser(customer, "ann");
            assertThat(changePassword(shortLogin, "Ann-is-not-weak-9").statusCode())
                    .isEqualTo(204);

            simulator.enforcePasswordPolicy(false);
            assertThat(changePassword(customerUser, "password123").statusCode()).isEqualTo(204);
        }

        @Test
        void noTokenIs401() throws Exception {
            platformError(
                    changePassword(customerUser, null, "application/json", "{\"password\":\"" + PASSWORD + "\"}"), 401);
            platformError(
                    changePassword(customerUser, "made-up", "application/json", "{\"password\":\"" + PASSWORD + "\"}"),
                    401);
        }
    }

    // ---- reading endpoints ----

    @Nested
    class ReadingEndpoints {

        @Test
        void userIsVisibleInTheSubtreeOnly() throws Exception {
            String token = simulator.issueToken(client);
            JsonObject user = json(get("/users/" + customerUser, token));
            assertThat(user.get("id").getAsString()).isEqualTo(customerUser);
            assertThat(user.get("tenant_id").getAsString()).isEqualTo(customer);
            assertThat(user.get("login").getAsString()).isEqualTo("customer-user");
            assertThat(user.get("enabled").getAsBoolean()).isTrue();
            assertThat(user.get("activated").getAsBoolean()).isTrue();
            assertThat(user.getAsJsonObject("contact").get("email").getAsString())
                    .isEqualTo("Customer.User@example.com");
            assertThat(user.keySet())
                    .contains(
                            "version",
                            "created_at",
                            "updated_at",
                            "deleted_at",
                            "language",
                            "business_types",
                            "notifications");

            simulator.setUserEnabled(customerUser, false);
            assertThat(json(get("/users/" + customerUser, token)).get("enabled").getAsBoolean())
                    .isFalse();
            assertThat(get("/users/" + partnerUser, token).statusCode()).isEqualTo(200);
            platformError(get("/users/" + strangerUser, token), 403);
            platformError(get("/users/00000000-0000-4000-8000-000000000000", token), 404);
        }

        @Test
        void idsThatBreakTheContractsPatternNameNothing() throws Exception {
            String token = simulator.issueToken(client);
            for (String path : List.of(
                    "/users/" + customerUser.toUpperCase(Locale.ROOT),
                    "/clients/" + client.clientId().toUpperCase(Locale.ROOT),
                    "/tenants/" + customer.toUpperCase(Locale.ROOT),
                    "/users/%7B" + customerUser + "%7D",
                    "/clients/%20" + client.clientId(),
                    "/tenants/" + customer.substring(1))) {
                assertThat(platformError(get(path, token), 404).get("message").getAsString())
                        .as(path)
                        .contains("not found");
            }
            platformError(changePassword(customerUser.toUpperCase(Locale.ROOT), PASSWORD), 404);
            assertThat(simulator.passwordChangeCount(customerUser)).isZero();
            // the same ids in the contract's lower case are found
            assertThat(get("/users/" + customerUser, token).statusCode()).isEqualTo(200);
            assertThat(get("/clients/" + client.clientId(), token).statusCode()).isEqualTo(200);
            assertThat(get("/tenants/" + customer, token).statusCode()).isEqualTo(200);
        }

        @Test
        void theRootsParentIsItselfAsTheContractSays() throws Exception {
            String rootToken = simulator.issueToken(simulator.addApiClient(simulator.rootTenantId()));
            JsonObject root = json(get("/tenants/" + simulator.rootTenantId(), rootToken));
            assertThat(root.get("kind").getAsString()).isEqualTo("root");
            assertThat(root.get("parent_id").getAsString()).isEqualTo(simulator.rootTenantId());
            assertThat(json(get("/tenants/" + simulator.rootTenantId() + "?embed_path=true", rootToken))
                            .getAsJsonArray("path"))
                    .isEmpty();
            JsonArray hits = json(get("/search?tenant=" + simulator.rootTenantId() + "&text=root", rootToken))
                    .getAsJsonArray("items");
            assertThat(hits).hasSize(1);
            assertThat(hits.get(0).getAsJsonObject().get("parent_id").getAsString())
                    .isEqualTo(simulator.rootTenantId());
        }

        @Test
        void tenantWithAndWithoutPath() throws Exception {
            String token = simulator.issueToken(client);
            JsonObject tenant = json(get("/tenants/" + customer, token));
            assertThat(tenant.get("kind").getAsString()).isEqualTo("customer");
            assertThat(tenant.get("parent_id").getAsString()).isEqualTo(partner);
            assertThat(tenant.get("name").getAsString()).isEqualTo("Customer");
            assertThat(tenant.get("enabled").getAsBoolean()).isTrue();
            assertThat(tenant.has("path")).isFalse();

            JsonArray path = json(get("/tenants/" + customer + "?embed_path=true", token))
                    .getAsJsonArray("path");
            assertThat(path).hasSize(2);
            assertThat(path.get(0).getAsJsonObject().get("id").getAsString()).isEqualTo(simulator.rootTenantId());
            assertThat(path.get(1).getAsJsonObject().get("id").getAsString()).isEqualTo(partner);

            simulator.setTenantEnabled(customer, false);
            assertThat(json(get("/tenants/" + customer, token)).get("enabled").getAsBoolean())
                    .isFalse();
            assertThat(json(get("/tenants/" + partner, token)).get("kind").getAsString())
                    .isEqualTo("partner");
            platformError(get("/tenants/" + otherPartner, token), 403);
            platformError(get("/tenants/" + simulator.rootTenantId(), token), 403);
            platformError(get("/tenants/00000000-0000-4000-8000-000000000000", token), 404);
        }

        @Test
        void clientFollowsTheSpecsSchema() throws Exception {
            String token = simulator.issueToken(client);
            JsonObject json = json(get("/clients/" + client.clientId(), token));
            assertThat(json.get("client_id").getAsString()).isEqualTo(client.clientId());
            assertThat(json.get("tenant_id").getAsString()).isEqualTo(partner);
            assertThat(json.get("type").getAsString()).isEqualTo("api_client");
            assertThat(json.get("status").getAsString()).isEqualTo("enabled");
            assertThat(json.toString()).doesNotContain(client.secret());

            ApiClient stranger = simulator.addApiClient(otherPartner);
            platformError(get("/clients/" + stranger.clientId(), token), 403);
            platformError(get("/clients/" + RandomValues.uuid(), token), 404);
            assertThat(get("/clients/" + client.clientId(), simulator.issueToken(stranger))
                            .statusCode())
                    .isEqualTo(403);
        }

        @Test
        void searchFindsUsersAndTenantsInTheSubtree() throws Exception {
            String token = simulator.issueToken(client);
            simulator.addUser(customer, "customer-admin");

            JsonArray items = json(get("/search?tenant=" + partner + "&text=CUSTOMER", token))
                    .getAsJsonArray("items");
            List<String> found = new ArrayList<>();
            for (JsonElement item : items) {
                JsonObject hit = item.getAsJsonObject();
                found.add(hit.get("obj_type").getAsString() + ":"
                        + (hit.has("login")
                                ? hit.get("login").getAsString()
                                : hit.get("name").getAsString()));
                assertThat(hit.keySet()).contains("id", "parent_id", "path");
            }
            assertThat(found).containsExactly("tenant:Customer", "user:customer-user", "user:customer-admin");
            JsonObject user = items.get(1).getAsJsonObject();
            assertThat(user.get("parent_id").getAsString()).isEqualTo(customer);
            assertThat(user.getAsJsonArray("path").toString()).isEqualTo("[\"Root\",\"Partner\",\"Customer\"]");

            assertThat(json(get("/search?tenant=" + partner + "&text=customer&limit=1", token))
                            .getAsJsonArray("items"))
                    .hasSize(1);
            assertThat(json(get("/search?tenant=" + partner + "&text=example.com", token))
                            .getAsJsonArray("items"))
                    .hasSize(1);
            assertThat(json(get("/search?tenant=" + partner + "&text=cu", token))
                            .getAsJsonArray("items"))
                    .isEmpty();
            assertThat(json(get("/search?tenant=" + partner + "&text=stranger", token))
                            .getAsJsonArray("items"))
                    .isEmpty();
            platformError(get("/search?tenant=" + otherPartner + "&text=stranger", token), 403);
            platformError(get("/search?text=stranger", token), 400);
        }

        @Test
        void searchHonoursItsLimitAndCanBeFilledWithNearMatches() throws Exception {
            String token = simulator.issueToken(client);
            List<String> near = simulator.addNearMatches(customer, "jdoe", 30);
            String jdoe = simulator.addUser(customer, "jdoe");

            assertThat(json(get("/search?tenant=" + partner + "&text=jdoe", token))
                            .getAsJsonArray("items"))
                    .as("the contract's default limit")
                    .hasSize(10);
            JsonArray first25 = json(get("/search?tenant=" + partner + "&text=JDOE&limit=25", token))
                    .getAsJsonArray("items");
            assertThat(first25).hasSize(25);
            List<String> logins = new ArrayList<>();
            for (JsonElement item : first25) {
                logins.add(item.getAsJsonObject().get("login").getAsString());
            }
            assertThat(logins)
                    .allSatisfy(login -> assertThat(login.toLowerCase(Locale.ROOT))
                            .contains("jdoe")
                            .isNotEqualTo("jdoe"));
            JsonArray all = json(get("/search?tenant=" + partner + "&text=jdoe&limit=100", token))
                    .getAsJsonArray("items");
            assertThat(all).hasSize(near.size() + 1);
            assertThat(all.get(near.size()).getAsJsonObject().get("id").getAsString())
                    .isEqualTo(jdoe);
            platformError(get("/search?tenant=" + partner + "&text=jdoe&limit=many", token), 400);
        }

        @Test
        void checkPasswordKnowsCompromisedHashesWithoutAToken() throws Exception {
            simulator.markCompromised("Acme-Summer-2024");
            assertThat(compromised("password1234")).isTrue();
            assertThat(compromised("Acme-Summer-2024")).isTrue();
            assertThat(compromised("a-fine-unguessable-passphrase")).isFalse();
        }

        @Test
        void aWithheldRoleIsA403ForWhatItGuardsOnly() throws Exception {
            simulator.withholdRole(client, "tenant_viewer");
            String token = simulator.issueToken(client);
            assertThat(platformError(get("/users/" + customerUser, token), 403)
                            .getAsJsonObject("details")
                            .get("info")
                            .getAsString())
                    .contains("tenant_viewer");
            platformError(get("/tenants/" + simulator.rootTenantId(), token), 403);
            platformError(get("/clients/" + client.clientId(), token), 403);
            assertThat(changePassword(customerUser, PASSWORD).statusCode()).isEqualTo(204);

            simulator.withholdRole(client, "user_admin");
            platformError(changePassword(customerUser, PASSWORD), 403);
        }

        @Test
        void checkPasswordTakesOnlyJson() throws Exception {
            String body = "{\"password\":\"" + CompromisedPasswords.sha1Hex("x").toUpperCase() + "\"}";
            platformError(
                    send(HttpRequest.newBuilder(api("/users/check_password"))
                            .header("Content-Type", "text/plain")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build()),
                    415);
            platformError(
                    send(HttpRequest.newBuilder(api("/users/check_password"))
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build()),
                    415);
        }

        private boolean compromised(String password) throws Exception {
            HttpResponse<String> response = send(HttpRequest.newBuilder(api("/users/check_password"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"password\":\""
                            + CompromisedPasswords.sha1Hex(password).toUpperCase() + "\"}"))
                    .build());
            assertThat(response.statusCode()).isEqualTo(200);
            return json(response).get("compromised").getAsBoolean();
        }

        @Test
        void unknownPathsAre404AndWrongMethods405() throws Exception {
            String token = simulator.issueToken(client);
            platformError(get("/nothing/here", token), 404);
            platformError(
                    send(HttpRequest.newBuilder(URI.create(simulator.dataCenterUrl() + "/elsewhere"))
                            .build()),
                    404);
            HttpResponse<String> wrongMethod = get("/users/" + customerUser + "/password", token);
            platformError(wrongMethod, 405);
            assertThat(wrongMethod.headers().firstValue("Allow")).hasValue("POST");
            platformError(send(HttpRequest.newBuilder(api("/idp/token")).build()), 405);
        }
    }

    // ---- faults, latency, log ----

    @Nested
    class Faults {

        @Test
        void statusFaultHasThePlatformShapeAndAppliesOnce() throws Exception {
            simulator.enqueueFault("/api/2/users/", Fault.status(503));
            simulator.enqueueFault("/api/2/users/", Fault.status(502));

            assertThat(platformError(changePassword(customerUser, PASSWORD), 503)
                            .get("code")
                            .getAsInt())
                    .isEqualTo(1000);
            platformError(changePassword(customerUser, PASSWORD), 502);
            assertThat(changePassword(customerUser, PASSWORD).statusCode()).isEqualTo(204);
            assertThat(simulator.passwordChangeCount(customerUser)).isEqualTo(1);
        }

        @Test
        void faultsWaitForAMatchingPath() throws Exception {
            simulator.enqueueFault("/api/2/idp/token", Fault.status(500));
            assertThat(changePassword(customerUser, PASSWORD).statusCode()).isEqualTo(204);
            assertThat(simulator.pendingFaults()).isEqualTo(1);
            assertThat(tokenRequest(basic(client.clientId() + ":" + client.secret()), "grant_type=client_credentials")
                            .statusCode())
                    .isEqualTo(500);
            assertThat(simulator.pendingFaults()).isZero();
        }

        @Test
        void anyBody() throws Exception {
            simulator.enqueueFault("/api/2/users/", Fault.body(502, "text/html", "<html>Bad Gateway</html>"));
            HttpResponse<String> response = changePassword(customerUser, PASSWORD);
            assertThat(response.statusCode()).isEqualTo(502);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/html");
            assertThat(response.body()).isEqualTo("<html>Bad Gateway</html>");
        }

        @Test
        void tooManyRequestsWithAndWithoutRetryAfter() throws Exception {
            simulator.enqueueFault("/api/2/users/", Fault.tooManyRequests("3"));
            simulator.enqueueFault("/api/2/users/", Fault.tooManyRequests(null));
            HttpResponse<String> first = changePassword(customerUser, PASSWORD);
            platformError(first, 429);
            assertThat(first.headers().firstValue("Retry-After")).hasValue("3");
            assertThat(changePassword(customerUser, PASSWORD).headers().firstValue("Retry-After"))
                    .isEmpty();
        }

        @Test
        void aDroppedConnectionIsAnIOExceptionWithoutResponse() {
            simulator.enqueueFault("/api/2/users/", Fault.dropConnection());
            assertThatThrownBy(() -> changePassword(customerUser, PASSWORD))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("header parser received no bytes");
            assertThat(simulator.passwordOf(customerUser)).isEmpty();
        }

        @Test
        void aBodyCutInHalfIsAnIOException() {
            simulator.enqueueFault(
                    "/api/2/users/", Fault.cutMidBody(500, "application/json", "{\"error\":{\"code\":1000}}"));
            assertThatThrownBy(() -> changePassword(customerUser, PASSWORD))
                    .isInstanceOf(IOException.class)
                    .hasMessageContaining("fixed content-length: 23, bytes received: 11");
        }

        @Test
        void aHangTimesOutAtTheClient() {
            simulator.enqueueFault("/api/2/users/", Fault.hang());
            long started = System.nanoTime();
            assertThatThrownBy(() -> send(HttpRequest.newBuilder(api("/users/" + customerUser))
                            .timeout(Duration.ofMillis(300))
                            .build()))
                    .isInstanceOf(HttpTimeoutException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
            assertThat(simulator.requestCount("GET", "/api/2/users/")).isEqualTo(1);
        }

        @Test
        void closeReleasesAHungRequestPromptly() throws Exception {
            simulator.enqueueFault("/api/2/users/", Fault.hang());
            CompletableFuture<HttpResponse<String>> pending = http.sendAsync(
                    HttpRequest.newBuilder(api("/users/" + customerUser))
                            .timeout(Duration.ofSeconds(30))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            waitUntil(() -> simulator.requests().size() == 1);

            long started = System.nanoTime();
            simulator.close();
            assertThatThrownBy(() -> pending.get(5, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(IOException.class);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void aTrickledBodyArrivesSlowlyButWhole() throws Exception {
            simulator.enqueueFault("/api/2/users/", Fault.trickle(500, "{\"slow\":true}", Duration.ofMillis(30)));
            long started = System.nanoTime();
            HttpResponse<String> response = changePassword(customerUser, PASSWORD);
            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(response.body()).isEqualTo("{\"slow\":true}");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(12 * 30));
        }

        @Test
        void theJdkRequestTimeoutDoesNotCutATrickleShort() throws Exception {
            // HttpRequest.timeout() ends when the response headers arrive, and a trickle sends
            // them at once: a client needs its own deadline for the body.
            simulator.enqueueFault("/api/2/users/", Fault.trickle(500, "{\"slow\":true}", Duration.ofMillis(50)));
            long started = System.nanoTime();
            HttpResponse<String> response = send(HttpRequest.newBuilder(api("/users/" + customerUser))
                    .timeout(Duration.ofMillis(200))
                    .build());
            assertThat(response.body()).isEqualTo("{\"slow\":true}");
            assertThat(Duration.ofNanos(System.nanoTime() - started))
                    .isGreaterThanOrEqualTo(Duration.ofMillis(12 * 50));
        }

        @Test
        void anOversizedBodyHasItsFullLength() throws Exception {
            simulator.enqueueFault("/api/2/users/", Fault.oversizedBody(400, 3 * 1024 * 1024));
            HttpResponse<byte[]> response = http.send(
                    HttpRequest.newBuilder(api("/users/" + customerUser)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValue("text/plain; charset=utf-8");
            assertThat(response.body()).hasSize(3 * 1024 * 1024);
            assertThat(response.body()[0]).isEqualTo((byte) 'x');
        }

        @Test
        void latencyDelaysEveryAnswer() throws Exception {
            simulator.latency(Duration.ofMillis(200));
            simulator.enqueueFault("/api/2/users/", Fault.status(500));
            long started = System.nanoTime();
            assertThat(changePassword(customerUser, PASSWORD).statusCode()).isEqualTo(500);
            assertThat(changePassword(customerUser, PASSWORD).statusCode()).isEqualTo(204);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofMillis(400));
        }

        @Test
        void theLogHoldsEveryRequestFaultedOrNot() throws Exception {
            simulator.enqueueFault("/api/2/users/", Fault.dropConnection());
            try {
                changePassword(customerUser, PASSWORD);
            } catch (IOException expected) {
                // the drop
            }
            changePassword(customerUser, PASSWORD);
            tokenRequest(basic(client.clientId() + ":" + client.secret()), "grant_type=client_credentials");
            get("/search?tenant=" + partner + "&text=abc", "token");

            List<RecordedRequest> requests = simulator.requests();
            assertThat(requests).extracting(RecordedRequest::method).containsExactly("POST", "POST", "POST", "GET");
            RecordedRequest first = requests.get(0);
            assertThat(first.path()).isEqualTo("/api/2/users/" + customerUser + "/password");
            assertThat(first.rawQuery()).isNull();
            assertThat(first.bodyAsString()).isEqualTo("{\"password\":\"" + PASSWORD + "\"}");
            assertThat(first.header("CONTENT-TYPE")).hasValue("application/json");
            assertThat(first.headers()).containsKey("authorization");
            assertThat(first.toString()).doesNotContain(PASSWORD);
            assertThat(requests.get(3).rawQuery()).isEqualTo("tenant=" + partner + "&text=abc");
            assertThat(simulator.requestCount("post", "/api/2/users/")).isEqualTo(2);
            assertThat(simulator.requestCount("POST", "/api/2/idp/token")).isEqualTo(1);

            simulator.clearRequests();
            assertThat(simulator.requests()).isEmpty();
        }
    }

    @Test
    void secretsStayOutOfToString() {
        assertThat(client.toString()).contains(client.clientId()).doesNotContain(client.secret());
        assertThat(Fault.status(500).toString()).isEqualTo("Fault[status 500]");
    }

    private static void waitUntil(BooleanSupplier condition) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) {
                throw new AssertionError("condition not met within 5 s");
            }
            Thread.sleep(10);
        }
    }
}
