package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PlatformEndpointTest {

    @ParameterizedTest(name = "[{index}] ''{0}'' -> {1}")
    @CsvSource(
            delimiter = '|',
            ignoreLeadingAndTrailingWhitespace = false,
            value = {
                "https://eu2-cloud.example.com|https://eu2-cloud.example.com",
                "https://eu2-cloud.example.com/|https://eu2-cloud.example.com",
                "https://eu2-cloud.example.com/api/2|https://eu2-cloud.example.com",
                "https://eu2-cloud.example.com/api/2/|https://eu2-cloud.example.com",
                "  https://eu2-cloud.example.com/api/2/  |https://eu2-cloud.example.com",
                "HTTPS://EU2-Cloud.example.com:8443/|https://EU2-Cloud.example.com:8443",
                "https://gw.example.com/acronis/|https://gw.example.com/acronis",
                "https://gw.example.com/acronis/api/2|https://gw.example.com/acronis",
                "https://eu2-cloud.example.com/API/2/|https://eu2-cloud.example.com",
                "https://[2001:db8::1]/|https://[2001:db8::1]",
                "https://192.0.2.10|https://192.0.2.10",
                "https://bücher.example|https://xn--bcher-kva.example",
            })
    void acceptsWhatUsersPaste(String input, String expected) {
        assertThat(PlatformEndpoint.parse(input, false).dataCenterUrl()).hasToString(expected);
    }

    @ParameterizedTest(name = "[{index}] ''{0}'' refused: {1}")
    @CsvSource(
            delimiter = '|',
            ignoreLeadingAndTrailingWhitespace = false,
            value = {
                "''|is empty",
                "'   '|is empty",
                "eu2-cloud.example.com|is not an absolute URL",
                "//eu2-cloud.example.com|is not an absolute URL",
                "ftp://eu2-cloud.example.com|uses the scheme 'ftp'",
                "file:///etc/passwd|uses the scheme 'file'",
                "https://user:pw@eu2-cloud.example.com|must not contain user info",
                "https://eu2-cloud.example.com/?x=1|must not contain a query",
                "https://eu2-cloud.example.com/#top|must not contain a fragment",
                "https://eu2-cloud.example.com/api/2/api/2|contains /api/2 more than once",
                "https://eu2-cloud.example.com/api/2/users|an API path after it",
                "http://eu2-cloud.example.com|uses plain http to eu2-cloud.example.com",
                "http://192.0.2.10|uses plain http",
                "http://127.0.0.1:8080|uses plain http to 127.0.0.1",
                "http://localhost:8080/api/2/|uses plain http to localhost",
                "http://[::1]:8080|uses plain http to [::1]",
                "https://|has no host name",
                "https://exa mple.com|contains spaces",
                "https://bad_host!.example|is not a valid URL (Illegal character in hostname)",
            })
    void refusesWithTheRule(String input, String rule) {
        assertThatThrownBy(() -> PlatformEndpoint.parse(input, false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("baseUrl: ")
                .hasMessageContaining(rule)
                .extracting(e -> ((InvalidInputException) e).field())
                .isEqualTo("baseUrl");
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "http://eu2-cloud.example.com|http://eu2-cloud.example.com",
                "http://192.0.2.10:8080/api/2|http://192.0.2.10:8080",
                "http://127.0.0.1:8080|http://127.0.0.1:8080",
                "http://localhost:8080/api/2/|http://localhost:8080",
                "http://[::1]:8080|http://[::1]:8080"
            })
    void plainHttpOnlyWhenAllowedLoopbackIncluded(String input, String expected) {
        PlatformEndpoint endpoint = PlatformEndpoint.parse(input, true);
        assertThat(endpoint.isHttps()).isFalse();
        assertThat(endpoint.dataCenterUrl()).hasToString(expected);
    }

    @ParameterizedTest
    @CsvSource({"https://name:s3cr3t-canary@example.com", "https://s3cr3t-canary@example.com"})
    void userInfoIsNotRepeatedInTheMessage(String input) {
        assertThatThrownBy(() -> PlatformEndpoint.parse(input, false)).hasMessageNotContaining("s3cr3t-canary");
    }

    @ParameterizedTest
    @CsvSource({
        "/idp/token, https://dc.example.com/api/2/idp/token",
        "/users/x/password, https://dc.example.com/api/2/users/x/password"
    })
    void buildsApiUrls(String path, String expected) {
        assertThat(PlatformEndpoint.parse("https://dc.example.com/api/2/", false)
                        .apiUrl(path))
                .isEqualTo(expected);
    }

    // Each build parses its URL; a URL parsed before comes from a small memo.

    @Test
    void aUrlParsedBeforeGivesTheSameEndpoint() {
        PlatformEndpoint first = PlatformEndpoint.parse("https://memo.example.com/api/2", false);
        assertThat(PlatformEndpoint.parse("https://memo.example.com/api/2", false))
                .isSameAs(first);
        assertThat(first.apiUrl("/idp/token")).isEqualTo("https://memo.example.com/api/2/idp/token");
    }

    @Test
    void aPlainHttpUrlAllowedOnceIsStillRefusedWhereItIsNotAllowed() {
        assertThat(PlatformEndpoint.parse("http://127.0.0.1:8080", true).dataCenterUrl())
                .hasToString("http://127.0.0.1:8080");
        assertThatThrownBy(() -> PlatformEndpoint.parse("http://127.0.0.1:8080", false))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("plain http");
    }

    @Test
    void aRefusedUrlIsRefusedEveryTime() {
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> PlatformEndpoint.parse("https://memo.example.com/?tenant=1", false))
                    .isInstanceOf(InvalidInputException.class)
                    .hasMessageContaining("must not contain a query");
        }
    }

    @Test
    void theMemoIsBounded() {
        PlatformEndpoint first = PlatformEndpoint.parse("https://bounded.example.com", false);
        for (int i = 0; i < 300; i++) {
            PlatformEndpoint.parse("https://dc" + i + ".bounded.example.com", false);
        }
        PlatformEndpoint again = PlatformEndpoint.parse("https://bounded.example.com", false);
        assertThat(again).isNotSameAs(first).isEqualTo(first);
    }

    @Test
    void aVeryLongUrlIsParsedButNotKept() {
        String longUrl = "https://long.example.com/" + "a".repeat(600);
        PlatformEndpoint first = PlatformEndpoint.parse(longUrl, false);
        assertThat(PlatformEndpoint.parse(longUrl, false)).isNotSameAs(first).isEqualTo(first);
    }
}
