package io.jenkins.plugins.platformpassword.client.users;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.*;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Logins against a search that has no paging and stops at its limit, and that matches
 * case-insensitively: a login is resolved only to a user whose login is exactly it (or differs
 * from it in letter case only, when the answer is complete), never to a near match.
 */
class LoginSearchTest {

    private final SimulatedPlatform platform = new SimulatedPlatform();
    private final PlatformClient client = platform.client();
    private final UserDirectory directory = new UserDirectory(client);

    @AfterEach
    void stop() {
        client.close();
        platform.close();
    }

    @Test
    void theClientAsksForAHundredHits() throws Exception {
        platform.simulator.addUser(platform.customerTenant, "jdoe");
        directory.resolveLogin("jdoe");
        assertThat(platform.simulator.requests())
                .filteredOn(r -> r.path().equals("/api/2/search"))
                .singleElement()
                .satisfies(r -> assertThat(r.rawQuery()).contains("limit=" + UserSearch.LIMIT));
    }

    @Test
    void aFullAnswerWithoutTheLoginSaysTheSearchHitItsLimit() {
        platform.simulator.addNearMatches(platform.customerTenant, "jdoe", UserSearch.LIMIT);
        String jdoe = platform.simulator.addUser(platform.customerTenant, "jdoe");

        assertThatThrownBy(() -> directory.resolveLogin("jdoe")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.REJECTED);
            assertThat(e.getMessage())
                    .contains("limit of " + UserSearch.LIMIT)
                    .contains("'jdoe'")
                    .contains("use userId")
                    .doesNotContain("No user with login")
                    .doesNotContain(jdoe);
        });
    }

    @Test
    void aFullAnswerWithOnlyACaseVariantPicksNoOne() {
        platform.simulator.addNearMatches(platform.customerTenant, "jdoe", UserSearch.LIMIT - 1);
        String variant = platform.simulator.addUser(platform.customerTenant, "JDoe");
        platform.simulator.addUser(platform.customerTenant, "jdoe"); // beyond the limit

        assertThatThrownBy(() -> directory.resolveLogin("jdoe")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.getMessage()).contains("limit of " + UserSearch.LIMIT).contains("use userId");
            assertThat(e.getMessage()).doesNotContain(variant);
        });
    }

    @Test
    void aFullAnswerWithTheExactLoginFindsIt() throws Exception {
        platform.simulator.addNearMatches(platform.customerTenant, "jdoe", UserSearch.LIMIT - 1);
        String jdoe = platform.simulator.addUser(platform.customerTenant, "jdoe");

        assertThat(directory.resolveLogin("jdoe").id().value()).isEqualTo(jdoe);
    }

    @Test
    void aFullAnswerWithTheExactLoginAndACaseVariantTakesTheExactOne() throws Exception {
        platform.simulator.addNearMatches(platform.customerTenant, "jdoe", UserSearch.LIMIT - 2);
        platform.simulator.addUser(platform.customerTenant, "JDoe");
        String jdoe = platform.simulator.addUser(platform.customerTenant, "jdoe");

        assertThat(directory.resolveLogin("jdoe").id().value()).isEqualTo(jdoe);
    }

    @Test
    void aCompleteAnswerWithManyNearMatchesFindsTheLogin() throws Exception {
        platform.simulator.addNearMatches(platform.customerTenant, "jdoe", 40);
        String jdoe = platform.simulator.addUser(platform.customerTenant, "JDOE");

        ResolvedUser found = directory.resolveLogin("jdoe");

        assertThat(found.id().value()).isEqualTo(jdoe);
        assertThat(found.login()).isEqualTo("JDOE");
    }

    /** The contract documents 404 for the search; "the object" would say nothing of what was missing. */
    @Test
    void aSearchAnswered404SaysWhatToCheck() {
        platform.simulator.enqueueFault("/api/2/search", Fault.status(404));

        assertThatThrownBy(() -> directory.resolveLogin("jdoe")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(e.getMessage())
                    .contains("HTTP 404")
                    .contains("did not find the tenant to search below")
                    .contains("userId");
        });
    }

    @Test
    void aCompleteAnswerWithoutTheLoginIsNotFound() {
        platform.simulator.addNearMatches(platform.customerTenant, "jdoe", 40);

        assertThatThrownBy(() -> directory.resolveLogin("jdoe")).isInstanceOfSatisfying(PlatformException.class, e -> {
            assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
            assertThat(e.getMessage()).contains("No user with login 'jdoe'");
        });
    }

    @Test
    void softDeletedUsersAreNoMatch() throws Exception {
        String live = platform.customerUser;
        String deleted = java.util.UUID.randomUUID().toString();
        platform.simulator.enqueueFault(
                "/api/2/search",
                io.jenkins.plugins.platformpassword.simulator.Fault.body(
                        200,
                        "application/json",
                        "{\"items\":[" + hit(deleted, "2022-08-10T00:00:00Z") + "," + hit(live, null) + "]}"));
        assertThat(directory.resolveLogin("customer-user").id().value()).isEqualTo(live);

        platform.simulator.enqueueFault(
                "/api/2/search",
                io.jenkins.plugins.platformpassword.simulator.Fault.body(
                        200, "application/json", "{\"items\":[" + hit(deleted, "2022-08-10T00:00:00Z") + "]}"));
        assertThatThrownBy(() -> directory.resolveLogin("customer-user"))
                .isInstanceOfSatisfying(
                        PlatformException.class, e -> assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND));
    }

    private String hit(String id, String deletedAt) {
        return "{\"obj_type\":\"user\",\"id\":\"" + id + "\",\"parent_id\":\"" + platform.customerTenant
                + "\",\"path\":[],\"login\":\"customer-user\",\"deleted_at\":"
                + (deletedAt == null ? "null" : "\"" + deletedAt + "\"") + "}";
    }

    /**
     * The Kelvin sign (U+212A) lower-cases to a plain k, so the platform's case-insensitive search
     * finds "\u212Aelvin" for "kelvin"; it is another login all the same, and is not picked.
     */
    @Test
    void aLoginThatOnlyLowerCasesToTheSameIsNotAMatch() {
        String kelvinSign = platform.simulator.addUser(platform.customerTenant, "\u212Aelvin");

        assertThatThrownBy(() -> directory.resolveLogin("kelvin"))
                .isInstanceOfSatisfying(PlatformException.class, e -> {
                    assertThat(e.kind()).isEqualTo(FailureKind.NOT_FOUND);
                    assertThat(e.getMessage()).doesNotContain(kelvinSign);
                });
        assertThat(platform.simulator.requestCount("GET", "/api/2/search")).isEqualTo(1);
    }

    @Test
    void lettersOutsideAsciiDifferingInCaseOnlyStillMatch() throws Exception {
        String user = platform.simulator.addUser(platform.customerTenant, "J\u00dcRGEN.M\u00dcLLER");
        assertThat(directory.resolveLogin("j\u00fcrgen.m\u00fcller").id().value())
                .isEqualTo(user);
    }
}
