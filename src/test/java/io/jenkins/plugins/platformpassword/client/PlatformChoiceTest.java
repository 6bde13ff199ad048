package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.platforms.NamedPlatform;
import io.jenkins.plugins.platformpassword.client.platforms.PlatformChoice;
import io.jenkins.plugins.platformpassword.client.platforms.PlatformScope;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which named platform a step gets: nearest scope first, and never one outside the job's own scopes. */
class PlatformChoiceTest {

    private static final NamedPlatform GLOBAL_EU2 = platform("eu2", "https://eu2-cloud.example.com", "global-eu2");
    private static final NamedPlatform GLOBAL_US1 = platform("us1", "https://us1-cloud.example.com", "global-us1");
    private static final NamedPlatform ACME_EU2 = platform("eu2", "https://eu2-cloud.example.com", "acme-eu2");
    private static final NamedPlatform ACME_EU8 = platform("eu8", "https://eu8-cloud.example.com", "acme-eu8");

    private static final PlatformScope GLOBAL =
            new PlatformScope("the global configuration", List.of(GLOBAL_EU2, GLOBAL_US1), "us1");
    private static final PlatformScope ACME =
            new PlatformScope("folder customers/acme", List.of(ACME_EU2, ACME_EU8), null);
    private static final PlatformScope CUSTOMERS = new PlatformScope("folder customers", List.of(), "eu2");

    @Test
    void aNameIsLookedUpNearestFirst() {
        assertThat(PlatformChoice.choose(List.of(ACME, CUSTOMERS, GLOBAL), "eu2"))
                .contains(ACME_EU2);
        assertThat(PlatformChoice.choose(List.of(ACME, CUSTOMERS, GLOBAL), "us1"))
                .contains(GLOBAL_US1);
        assertThat(PlatformChoice.choose(List.of(GLOBAL), "eu2")).contains(GLOBAL_EU2);
    }

    @Test
    void withoutANameTheNearestDefaultWinsAndMayNameAPlatformFurtherOut() {
        assertThat(PlatformChoice.choose(List.of(ACME, CUSTOMERS, GLOBAL), null))
                .contains(GLOBAL_EU2);
        assertThat(PlatformChoice.choose(List.of(ACME, GLOBAL), " ")).contains(GLOBAL_US1);
        assertThat(PlatformChoice.choose(List.of(new PlatformScope("g", List.of(GLOBAL_EU2), null)), null))
                .isEmpty();
    }

    @Test
    void anUnknownNameListsTheKnownOnesWithWhereTheyAreDefined() {
        assertThatThrownBy(() -> PlatformChoice.choose(List.of(ACME, GLOBAL), "eu9"))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage(
                        "platform: no platform named 'eu9' is defined for this job; known: eu2 (folder customers/acme), "
                                + "eu8 (folder customers/acme), eu2 (the global configuration), us1 (the global configuration)");
    }

    @Test
    void anotherFoldersPlatformIsNotAmongAJobsScopes() {
        // A job in folder globex has only globex's scopes and the global one: acme's eu8 is unknown to it.
        PlatformScope globex = new PlatformScope("folder customers/globex", List.of(), null);

        assertThatThrownBy(() -> PlatformChoice.choose(List.of(globex, GLOBAL), "eu8"))
                .hasMessageContaining("no platform named 'eu8'")
                .hasMessageNotContaining("acme");
    }

    @Test
    void aDefaultThatNamesNoPlatformIsAClearError() {
        PlatformScope broken = new PlatformScope("folder customers/initech", List.of(), "eu5");

        assertThatThrownBy(() -> PlatformChoice.choose(List.of(broken, GLOBAL), null))
                .hasMessageStartingWith(
                        "platform: the default platform 'eu5' of folder customers/initech is not defined");
    }

    @Test
    void aNameCannotForgeALogLine() {
        assertThatThrownBy(() -> PlatformChoice.choose(List.of(GLOBAL), "eu2\n[Pipeline] fake"))
                .hasMessageNotContaining("\n")
                .hasMessageContaining("eu2?[Pipeline] fake");
    }

    private static NamedPlatform platform(String name, String url, String credentialsId) {
        return new NamedPlatform(name, url, credentialsId, null, null);
    }
}
