package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The client against the platform simulator, over real sockets: the happy path and every refusal. */
class PlatformClientTest {

    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    private UserId customerUser() {
        return UserId.parse(platform.customerUser);
    }

    @Test
    void changesThePasswordWithOneTokenAndOnePasswordRequest() throws Exception {
        try (PlatformClient client = platform.client()) {
            ChangeOutcome outcome = client.changePassword(customerUser(), PASSWORD);

            assertThat(outcome.attempts()).isEqualTo(1);
            assertThat(outcome.tokenFromCache()).isFalse();
            assertThat(platform.simulator.passwordOf(platform.customerUser)).contains("New-Passw0rd-for-test");
        }
        assertThat(platform.tokenRequests()).isEqualTo(1);
        assertThat(platform.passwordRequests()).isEqualTo(1);
    }

    @Test
    void sendsTheDocumentedRequests() throws Exception {
        try (PlatformClient client = platform.client()) {
            client.changePassword(customerUser(), PASSWORD);
        }
        List<RecordedRequest> requests = platform.simulator.requests();
        RecordedRequest token = requests.get(0);
        assertThat(token.method()).isEqualTo("POST");
        assertThat(token.path()).isEqualTo("/api/2/idp/token");
        // Exactly the contract's media type, which defines no parameters.
        assertThat(token.header("content-type")).hasValue("application/x-www-form-urlencoded");
        assertThat(token.bodyAsString()).isEqualTo("grant_type=client_credentials");
        assertThat(token.header("authorization"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Basic "));

        RecordedRequest change = requests.get(1);
        assertThat(change.method()).isEqualTo("POST");
        assertThat(change.path()).isEqualTo("/api/2/users/" + platform.customerUser + "/password");
        assertThat(change.header("content-type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/json"));
        assertThat(change.header("authorization"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("Bearer "));
        assertThat(JsonParser.parseString(change.bodyAsString())
                        .getAsJsonObject()
                        .keySet())
                .containsExactly("password");
    }

    @Test
    void reusesTheTokenForTheNextChange() throws Exception {
        try (PlatformClient client = platform.client()) {
            client.changePassword(customerUser(), PASSWORD);
        }
        try (PlatformClient nextBuild = platform.client()) {
            ChangeOutcome second = nextBuild.changePassword(customerUser(), PASSWORD);
            assertThat(second.tokenFromCache()).isTrue();
        }
        assertThat(platform.tokenRequests()).isEqualTo(1);
        assertThat(platform.passwordRequests()).isEqualTo(2);
    }

    /** A fixed 15-minute margin never reused such a token; see {@link TokenLifetimeTest} for the margins. */
    @Test
    void sharesATokenThatLivesLessThanFifteenMinutes() throws Exception {
        platform.simulator.tokenLifetime(Duration.ofMinutes(14));
        try (PlatformClient client = platform.client()) {
            client.changePassword(customerUser(), PASSWORD);
            client.changePassword(customerUser(), PASSWORD);
        }
        assertThat(platform.tokenRequests()).isEqualTo(1);
    }

    @Test
    void keepsATokenThatIsOutsideTheRenewalMargin() throws Exception {
        platform.simulator.tokenLifetime(Duration.ofMinutes(16));
        try (PlatformClient client = platform.client()) {
            client.changePassword(customerUser(), PASSWORD);
            client.changePassword(customerUser(), PASSWORD);
        }
        assertThat(platform.tokenRequests()).isEqualTo(1);
    }

    @Test
    void aRefusedTokenIsRenewedOnceAndTheCallRepeated() throws Exception {
        try (PlatformClient client = platform.client()) {
            client.changePassword(customerUser(), PASSWORD);
            platform.simulator.expireAllTokens();

            ChangeOutcome outcome = client.changePassword(customerUser(), PASSWORD);

            assertThat(outcome.attempts()).isEqualTo(2);
        }
        assertThat(platform.tokenRequests()).isEqualTo(2);
        assertThat(platform.passwordRequests()).isEqualTo(3);
    }

    @Test
    void aSecond401IsAnAuthenticationFailure() {
        platform.simulator.enqueueFault("/api/2/users/", Fault.status(401));
        platform.simulator.enqueueFault("/api/2/users/", Fault.status(401));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                        assertThat(e.httpStatus()).hasValue(401);
                        assertThat(e.attempts()).isEqualTo(2);
                        assertThat(e.getMessage()).contains("refused a freshly issued access token");
                    });
        }
        assertThat(platform.tokenRequests()).isEqualTo(2);
        assertThat(platform.passwordRequests()).isEqualTo(2);
    }

    @Test
    void userInTheClientsOwnTenantIsForbiddenWithAnExplanation() {
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(UserId.parse(platform.partnerUser), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.FORBIDDEN);
                        assertThat(e.httpStatus()).hasValue(403);
                        assertThat(e.platformError())
                                .hasValueSatisfying(
                                        error -> assertThat(error.code()).isNotNull());
                        assertThat(e.getMessage())
                                .contains("HTTP 403")
                                .contains("Only API clients may change passwords")
                                .contains("sub-tenants of the API client's own tenant");
                        assertThat(e.attempts()).isEqualTo(1);
                    });
        }
        assertThat(platform.simulator.passwordOf(platform.partnerUser)).isEmpty();
    }

    @Test
    void unknownUserIsNotFoundForThisClient() {
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(
                            () -> client.changePassword(UserId.parse("00000000-0000-4000-8000-000000000000"), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
                        assertThat(e.httpStatus()).hasValue(404);
                        assertThat(e.getMessage()).contains("was not found for this API client");
                    });
        }
    }

    @Test
    void aPasswordThePolicyRefusesIsRejectedWithThePlatformsWords() {
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), NewPassword.of(SecretValue.of("short"))))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                        assertThat(e.httpStatus()).hasValue(400);
                        assertThat(e.platformError())
                                .hasValueSatisfying(
                                        error -> assertThat(error.message()).isNotBlank());
                        assertThat(e.getMessage())
                                .contains("The platform said:")
                                .contains("at least 9 characters");
                    });
        }
    }

    @Test
    void wrongSecretIsAnAuthenticationFailureAndNoPasswordRequestIsSent() {
        ApiClientCredentials wrong =
                new ApiClientCredentials(platform.apiClient.clientId(), SecretValue.of("wrong-secret"));
        try (PlatformClient client = platform.client(wrong)) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.AUTHENTICATION);
                        assertThat(e.httpStatus()).hasValue(401);
                        assertThat(e.platformError())
                                .hasValueSatisfying(
                                        error -> assertThat(error.code()).isEqualTo("access_denied"));
                        assertThat(e.getMessage())
                                .contains("access token for API client " + platform.apiClient.clientId())
                                .contains("check the client id");
                    });
        }
        assertThat(platform.passwordRequests()).isZero();
    }

    @Test
    void serverErrorsAreRetriedUntilSuccess() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.status(500));
        platform.simulator.enqueueFault("/api/2/users/", Fault.status(502));
        try (PlatformClient client = platform.client()) {
            ChangeOutcome outcome = client.changePassword(customerUser(), PASSWORD);
            assertThat(outcome.attempts()).isEqualTo(3);
        }
        assertThat(platform.passwordRequests()).isEqualTo(3);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isPresent();
    }

    @Test
    void serverErrorsGiveUpAfterThreeAttempts() {
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault("/api/2/users/", Fault.status(503));
        }
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
                        assertThat(e.httpStatus()).hasValue(503);
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.getMessage()).contains("Gave up after 3 attempts");
                    });
        }
        assertThat(platform.passwordRequests()).isEqualTo(3);
    }

    @Test
    void tooManyRequestsWaitsAsLongAsRetryAfterSaysWithinTheCap() throws Exception {
        platform.simulator.enqueueFault("/api/2/users/", Fault.tooManyRequests("1"));
        try (PlatformClient client = platform.client()) {
            long started = System.nanoTime();
            ChangeOutcome outcome = client.changePassword(customerUser(), PASSWORD);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(outcome.attempts()).isEqualTo(2);
            // Retry-After asked for 1 s; the test policy caps waits at 200 ms.
            assertThat(took).isBetween(Duration.ofMillis(190), Duration.ofMillis(900));
        }
    }

    @Test
    void anHtmlErrorPageIsQuotedBriefly() {
        String page = "<html><body><h1>502 Bad Gateway</h1>" + "x".repeat(1000) + "</body></html>";
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault("/api/2/users/", Fault.body(502, "text/html", page));
        }
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.UNAVAILABLE);
                        assertThat(e.platformError()).isEmpty();
                        assertThat(e.bodyExcerpt())
                                .hasValueSatisfying(excerpt -> assertThat(excerpt)
                                        .contains("502 Bad Gateway")
                                        .contains("text/html")
                                        .hasSizeLessThan(Failures.EXCERPT_CHARS + 40));
                    });
        }
    }

    @Test
    void successOtherThan204IsNotTakenForSuccess() {
        platform.simulator.enqueueFault("/api/2/users/", Fault.body(200, "application/json", "{}"));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                        assertThat(e.getMessage()).contains("HTTP 200").contains("Only HTTP 204 means success");
                    });
        }
    }

    @Test
    void aTokenAnswerWithoutAccessTokenIsAProtocolError() {
        platform.simulator.enqueueFault(
                "/api/2/idp/token",
                Fault.body(200, "application/json", "{\"token_type\":\"bearer\",\"expires_in\":7200}"));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                        assertThat(e.getMessage()).contains("has no access_token");
                    });
        }
        assertThat(platform.passwordRequests()).isZero();
    }

    @Test
    void readsAUserItCanSee() throws Exception {
        try (PlatformClient client = platform.client()) {
            PlatformUser user = client.user(customerUser());
            assertThat(user.id()).isEqualTo(platform.customerUser);
            assertThat(user.login()).isEqualTo("customer-user");
            assertThat(user.tenantId()).isEqualTo(platform.customerTenant);
            assertThat(user.enabled()).isTrue();
        }
    }

    @Test
    void verifyingCredentialsAlwaysAsksThePlatform() throws Exception {
        try (PlatformClient client = platform.client()) {
            Instant first = client.verifyCredentials();
            client.verifyCredentials();
            assertThat(first).isAfter(Instant.now().plus(Duration.ofHours(1)));
        }
        assertThat(platform.tokenRequests()).isEqualTo(2);
    }

    @Test
    void aTokenThatCannotBeAHeaderIsRefusedWithoutQuotingIt() {
        String token = "tok\u00e9n-with-\nnewline-CANARY";
        platform.simulator.enqueueFault(
                "/api/2/idp/token",
                Fault.body(
                        200,
                        "application/json",
                        "{\"access_token\":"
                                + com.google.gson.JsonParser.parseString("\"" + token.replace("\n", "\\n") + "\"")
                                + ",\"token_type\":\"bearer\",\"expires_in\":7200}"));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.PROTOCOL);
                        assertThat(e.getMessage()).contains("RFC 6750").doesNotContain("CANARY");
                        assertThat(e.getCause()).isNull();
                    });
        }
        assertThat(platform.passwordRequests()).isZero();
    }

    @Test
    void anAbsurdTokenExpiryNeitherBreaksTheCallNorKeepsTheTokenForEver() throws Exception {
        platform.simulator.enqueueFault(
                "/api/2/idp/token",
                Fault.body(
                        200,
                        "application/json",
                        "{\"access_token\":\"abc.DEF-123\",\"token_type\":\"bearer\",\"expires_on\":1e300}"));
        try (PlatformClient client = platform.client()) {
            // The simulator does not know this token, so the call is refused once and renewed.
            ChangeOutcome outcome = client.changePassword(customerUser(), PASSWORD);
            assertThat(outcome.attempts()).isEqualTo(2);
        }
        assertThat(platform.tokenRequests()).isEqualTo(2);
    }

    @Test
    void anEchoOfTheBareBasicCredentialsIsRedacted() {
        String pair = java.util.Base64.getEncoder()
                .encodeToString((platform.apiClient.clientId() + ":" + platform.apiClient.secret())
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        platform.simulator.enqueueFault("/api/2/users/", Fault.body(400, "text/plain", "bad credentials " + pair));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(
                            PlatformException.class,
                            e -> assertThat(e.getMessage())
                                    .contains("bad credentials [redacted]")
                                    .doesNotContain(pair));
        }
    }

    @Test
    void anErrorWhoseContextNestsDeepIsStillQuoted() {
        // The contract leaves context and data free; the depth the client keeps is no bound on them.
        int levels = Json.MAX_DEPTH + 20;
        String context = "{\"k\":".repeat(levels) + "[1,{\"x\":null}]" + "}".repeat(levels);
        platform.simulator.enqueueFault(
                "/api/2/users/",
                Fault.body(
                        400,
                        "application/json",
                        "{\"error\":{\"code\":1000,\"domain\":\"PlatformAccountServer\",\"message\":"
                                + "\"Password is too weak\",\"details\":{\"info\":\"common\"},\"context\":"
                                + context + ",\"data\":[" + context + "]}}"));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
                        assertThat(e.getMessage())
                                .contains("Password is too weak")
                                .contains("common");
                        assertThat(e.platformError())
                                .hasValueSatisfying(
                                        said -> assertThat(said.code()).isEqualTo("1000"));
                    });
        }
    }

    @Test
    void aHugeErrorMessageIsQuotedOnlyInPart() {
        String start = "Password rejected because ";
        String huge = start + "x".repeat(30_000);
        platform.simulator.enqueueFault(
                "/api/2/users/",
                Fault.body(
                        400,
                        "application/json",
                        "{\"error\":{\"code\":\"" + "C".repeat(5_000) + "\",\"message\":\"" + huge
                                + "\",\"details\":{\"info\":\"" + "i".repeat(30_000) + "\"}}}"));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.httpStatus()).hasValue(400);
                        assertThat(e.getMessage()).contains(start).contains("x...");
                        // Four members of at most MEMBER_CHARS each, and the client's own words.
                        assertThat(e.getMessage().length()).isLessThan(4 * Failures.MEMBER_CHARS + 1_000);
                        assertThat(e.platformError()).hasValueSatisfying(said -> {
                            assertThat(said.message()).hasSize(Failures.MEMBER_CHARS + 3);
                            assertThat(said.code()).hasSize(Failures.MEMBER_CHARS + 3);
                            assertThat(said.detailsInfo()).hasSize(Failures.MEMBER_CHARS + 3);
                        });
                    });
        }
    }

    @Test
    void aHugeTokenErrorDescriptionIsQuotedOnlyInPart() {
        platform.simulator.enqueueFault(
                "/api/2/idp/token",
                Fault.body(
                        400,
                        "application/json",
                        "{\"error\":\"invalid_request\",\"error_description\":\"Bad " + "d".repeat(40_000) + "\"}"));
        try (PlatformClient client = platform.client()) {
            assertThatThrownBy(() -> client.changePassword(customerUser(), PASSWORD))
                    .isInstanceOfSatisfying(PlatformException.class, e -> {
                        assertThat(e.getMessage()).contains("invalid_request").contains("Bad ddd");
                        assertThat(e.getMessage().length()).isLessThan(2 * Failures.MEMBER_CHARS + 1_000);
                    });
        }
        assertThat(platform.passwordRequests()).isZero();
    }
}
