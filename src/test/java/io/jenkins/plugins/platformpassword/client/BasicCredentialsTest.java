package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import io.jenkins.plugins.platformpassword.simulator.TokenAuthMethod;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The token request's Basic credentials, against the simulator, which decodes them as the
 * platform documents: Base64 of the raw {@code client_id:client_secret}, not form-urlencoded.
 */
class BasicCredentialsTest {

    private static final NewPassword PASSWORD = NewPassword.of(SecretValue.of("New-Passw0rd-for-test"));

    private final SimulatedPlatform platform = new SimulatedPlatform();

    @AfterEach
    void stop() {
        platform.close();
    }

    @Test
    void aPlainHexSecretGetsAToken() throws Exception {
        assertThat(platform.apiClient.secret()).matches("[0-9a-f]{32}");

        changeWith(platform.apiClient);

        assertThat(decodedBasic()).isEqualTo(platform.apiClient.clientId() + ":" + platform.apiClient.secret());
    }

    @Test
    void aSecretWithColonPercentPlusAndNonAsciiCharactersGetsAToken() throws Exception {
        String secret = "se:cr%2Bet+with %41 \u00fc\u20ac \ud83d\udd11:end";
        ApiClient special = platform.simulator.addApiClient(
                platform.partnerTenant, UUID.randomUUID().toString(), secret, TokenAuthMethod.CLIENT_SECRET_BASIC);

        changeWith(special);

        assertThat(decodedBasic()).isEqualTo(special.clientId() + ":" + secret);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue("New-Passw0rd-for-test");
    }

    private void changeWith(ApiClient apiClient) throws PlatformException {
        ApiClientCredentials credentials =
                new ApiClientCredentials(apiClient.clientId(), SecretValue.of(apiClient.secret()));
        try (PlatformClient client = platform.client(credentials)) {
            client.changePassword(UserId.parse(platform.customerUser), PASSWORD);
        }
    }

    /** The id and secret as the one token request carried them, Base64 and UTF-8 undone. */
    private String decodedBasic() {
        RecordedRequest token = platform.simulator.requests().stream()
                .filter(r -> r.path().equals("/api/2/idp/token"))
                .reduce((first, second) -> {
                    throw new AssertionError("more than one token request");
                })
                .orElseThrow();
        String header = token.header("Authorization").orElseThrow();
        assertThat(header).startsWith("Basic ");
        return new String(Base64.getDecoder().decode(header.substring("Basic ".length())), StandardCharsets.UTF_8);
    }
}
