package io.jenkins.plugins.platformpassword.client.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.*;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * How long a cached token is used: its lifetime is {@code expires_in} on the controller's clock
 * from the moment the answer arrived, and it is renewed a quarter of that lifetime before it
 * expires (at least 5 s, at most 15 minutes). The token cache's clock is moved instead of
 * sleeping; the simulator's tokens live in real time, so they stay valid throughout.
 */
class TokenLifetimeTest {

    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));
    /** The real time, so that the simulator's expires_on means what it would on an unskewed controller. */
    private final Instant start = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private final SettableClock clock = new SettableClock(start);
    private final TokenCache tokens = new TokenCache(clock);

    @AfterEach
    void stop() {
        platform.close();
    }

    private PlatformClient client() {
        return new PlatformClient(
                platform.endpoint(), platform.credentials(), platform.settings(), tokens, ProgressListener.NONE);
    }

    private void change() throws PlatformException {
        try (PlatformClient client = client()) {
            client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
        }
    }

    @ParameterizedTest(name = "a {0} s token is shared until {1} s before it expires")
    @CsvSource({"60, 15", "600, 150", "7200, 900"})
    void aTokenIsSharedUntilAQuarterOfItsLifetimeIsLeft(long lifetimeSeconds, long marginSeconds) throws Exception {
        platform.simulator.tokenLifetime(Duration.ofSeconds(lifetimeSeconds));
        change();

        clock.advance(Duration.ofSeconds(lifetimeSeconds - marginSeconds - 1));
        change();
        assertThat(platform.tokenRequests())
                .as("token requests while the token is fresh")
                .isEqualTo(1);

        clock.advance(Duration.ofSeconds(2));
        change();
        assertThat(platform.tokenRequests())
                .as("token requests once in the margin")
                .isEqualTo(2);
        assertThat(platform.passwordRequests())
                .as("no call met an expired token")
                .isEqualTo(3);
    }

    @ParameterizedTest(name = "a {0} s token is renewed {1} s early")
    @CsvSource({"4, 2", "8, 4", "20, 5", "60, 15", "600, 150", "3600, 900", "7200, 900", "86400, 900"})
    void theMarginIsAQuarterOfTheLifetimeWithinItsBounds(long lifetimeSeconds, long marginSeconds) {
        TokenLifetime lifetime = new TokenLifetime(start, start.plusSeconds(lifetimeSeconds));

        assertThat(lifetime.renewalMargin(ClientSettings.DEFAULT_TOKEN_RENEWAL_MARGIN))
                .isEqualTo(Duration.ofSeconds(marginSeconds));
        assertThat(lifetime.renewalMargin(Duration.ofSeconds(1)))
                .as("the configured cap")
                .isLessThanOrEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void aPlatformClockFarBehindDoesNotCostATokenPerCall() throws Exception {
        // expires_on then lies an hour in the controller's past, although the token has two hours to live.
        platform.simulator.clockOffset(Duration.ofHours(-3));

        change();
        clock.advance(Duration.ofMinutes(30));
        change();
        change();

        assertThat(platform.tokenRequests()).isEqualTo(1);
        assertThat(platform.passwordRequests()).isEqualTo(3);
    }

    @Test
    void aPlatformClockFarAheadDoesNotKeepATokenPastItsLifetime() throws Exception {
        // expires_on then lies five hours ahead of the controller, although the token lives two.
        platform.simulator.clockOffset(Duration.ofHours(3));
        change();

        clock.advance(Duration.ofMinutes(106));
        change();

        assertThat(platform.tokenRequests())
                .as("renewed 15 minutes before the two hours end")
                .isEqualTo(2);
    }

    @Test
    void expiresInWinsOverAnExpiresOnThatDisagrees() throws Exception {
        // The two disagree by exactly the platform's clock running 6,600 s ahead: expires_in is the lifetime.
        tokenAnswer(
                "\"expires_in\":600,\"expires_on\":" + start.plusSeconds(7200).getEpochSecond());

        assertThat(verifiedExpiry()).isEqualTo(start.plusSeconds(600));
    }

    @Test
    void withoutExpiresInAnExpiresOnWithinADayIsUsed() throws Exception {
        tokenAnswer("\"expires_on\":" + start.plusSeconds(1800).getEpochSecond());

        assertThat(verifiedExpiry()).isEqualTo(start.plusSeconds(1800));
    }

    @Test
    void anExpiresOnInThePastWithoutExpiresInMeansTheDocumentedTwoHours() throws Exception {
        tokenAnswer("\"expires_on\":" + start.minusSeconds(60).getEpochSecond());

        assertThat(verifiedExpiry()).isEqualTo(start.plus(Duration.ofHours(2)));
    }

    @Test
    void withNeitherTheDocumentedTwoHoursAreAssumed() throws Exception {
        tokenAnswer("\"expires_in\":\"soon\"");

        assertThat(verifiedExpiry()).isEqualTo(start.plus(Duration.ofHours(2)));
    }

    @ParameterizedTest(name = "expires_in {0} makes a token for the one call")
    @CsvSource({"0", "-1", "-7200"})
    void anExpiresInOfZeroOrLessServesOnlyTheCallThatFetchedIt(long expiresIn) throws Exception {
        tokenAnswer("\"expires_in\":" + expiresIn);

        assertThat(verifiedExpiry())
                .as("spent on arrival, not kept for two hours")
                .isEqualTo(start);
    }

    @Test
    void anExpiresInOfZeroDefersToAnExpiresOnAhead() throws Exception {
        tokenAnswer("\"expires_in\":0,\"expires_on\":" + start.plusSeconds(1800).getEpochSecond());

        assertThat(verifiedExpiry()).isEqualTo(start.plusSeconds(1800));
    }

    @ParameterizedTest(name = "expires_in {0} says nothing: two hours")
    @CsvSource({"\"NaN\"", "\"Infinity\"", "\"-Infinity\""})
    void anExpiresInThatIsNoFiniteNumberMeansTheDocumentedTwoHours(String expiresIn) throws Exception {
        tokenAnswer("\"expires_in\":" + expiresIn);

        assertThat(verifiedExpiry()).isEqualTo(start.plus(Duration.ofHours(2)));
    }

    @Test
    void aLifetimeBeyondADayIsCutToADay() throws Exception {
        tokenAnswer("\"expires_in\":31536000");

        assertThat(verifiedExpiry()).isEqualTo(start.plus(Duration.ofDays(1)));
    }

    private void tokenAnswer(String expiryMembers) {
        platform.simulator.enqueueFault(
                "/api/2/idp/token",
                Fault.body(
                        200,
                        "application/json",
                        "{\"access_token\":\"abc.DEF-123\",\"token_type\":\"bearer\",\"id_token\":\"x.y.z\","
                                + expiryMembers + "}"));
    }

    private Instant verifiedExpiry() throws PlatformException {
        try (PlatformClient client = client()) {
            return client.verifyCredentials();
        }
    }
}
