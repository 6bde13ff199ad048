package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one line a build log gets from the platform's error members, whichever of them are there. */
class PlatformErrorTest {

    @Test
    void allMembersMakeOneSentence() {
        assertThat(new PlatformError("1002", "PlatformAccountServer", "Access denied.", "no role").describe())
                .isEqualTo("code 1002 (PlatformAccountServer): Access denied. Details: no role");
    }

    @Test
    void emptyMembersSayNothingAndLeaveNoEmptyPunctuation() {
        assertThat(new PlatformError("", "", "", "").describe()).isEmpty();
        assertThat(new PlatformError(" ", "", "Access denied.", "").describe()).isEqualTo("Access denied.");
    }

    @Test
    void aDomainWithoutACodeIsStillNamed() {
        assertThat(new PlatformError(null, "PlatformAccountServer", "Access denied.", null).describe())
                .isEqualTo("domain PlatformAccountServer: Access denied.");
        assertThat(new PlatformError("", "PlatformAccountServer", null, null).describe())
                .isEqualTo("domain PlatformAccountServer");
    }
}
