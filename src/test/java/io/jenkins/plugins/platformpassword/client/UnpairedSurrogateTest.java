package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.users.UserDirectory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A login with a lone surrogate (a broken UTF-16 character, possible in a pasted value) was
 * searched for as '?', which matches other logins. It is refused before any request, naming the
 * field and where the broken character is; a login is not secret, so saying where does no harm.
 */
class UnpairedSurrogateTest {

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private final PlatformClient client = platform.client();

    @AfterEach
    void stop() {
        client.close();
        platform.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"j\ud83ddoe", "jdoe\udc00", "\udd11\ud83djdoe"})
    void aLoginWithALoneSurrogateIsRefusedBeforeAnyRequest(String login) {
        platform.simulator.addUser(platform.customerTenant, login.replaceAll("[\\ud800-\\udfff]", "?"));
        platform.simulator.clearRequests();

        assertThatThrownBy(() -> new UserDirectory(client).resolveLogin(login))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(UserDirectory.LOGIN_FIELD);
                    assertThat(e.getMessage()).contains("unpaired").contains("position");
                });
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aLoginWithAProperPairIsSearchedAsItIs() throws Exception {
        String user = platform.simulator.addUser(platform.customerTenant, "key-\ud83d\udd11-holder");
        assertThat(new UserDirectory(client)
                        .resolveLogin("key-\ud83d\udd11-holder")
                        .id()
                        .value())
                .isEqualTo(user);
    }
}
