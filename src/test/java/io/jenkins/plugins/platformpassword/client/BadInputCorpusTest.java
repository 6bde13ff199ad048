package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.users.UserDirectory;
import io.jenkins.plugins.platformpassword.simulator.RecordedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input is refused by the client's parsing API with a message that names the field and the
 * rule, and nothing reaches the platform: each case builds the inputs as a build does
 * ({@link PlatformEndpoint#parse}, {@link UserId#parse}, {@link NewPassword#of},
 * {@link ApiClientCredentials}), sends the change only if all of them parse, and then checks the
 * simulator's request log.
 */
class BadInputCorpusTest {

    private static final String BASE_URL = "baseUrl";
    private static final String USER_ID = "userId";
    private static final String PASSWORD = "passwordCredentialsId";
    private static final String CREDENTIALS = "credentialsId";

    /** Stands for the simulated user's real id in user id cases, so that an accepted case would really hit it. */
    private static final String USER = "<user>";

    private static final String SAMPLE_UUID = "1c234e69-5469-424a-a6d1-ff5658b387a6";
    private static final String VALID_PASSWORD = "Correct-Horse-Battery-Staple-42";
    private static final String URL_PASSWORD = "s3cr3t-Pa55";

    /** Which input a case replaces; the others keep their valid values. */
    enum Input {
        BASE_URL,
        USER_ID,
        PASSWORD,
        CLIENT_ID,
        CLIENT_SECRET
    }

    private static SimulatedPlatform platform;

    @BeforeAll
    static void start() {
        platform = new SimulatedPlatform();
    }

    @AfterAll
    static void stop() {
        platform.close();
    }

    @BeforeEach
    void emptyTheRequestLog() {
        platform.simulator.clearRequests();
    }

    static List<Arguments> badInputs() {
        List<Arguments> cases = new ArrayList<>();
        // ---- data center URL ----
        bad(cases, "URL: empty", Input.BASE_URL, "", BASE_URL, "is empty");
        bad(cases, "URL: spaces only", Input.BASE_URL, "   ", BASE_URL, "is empty");
        bad(
                cases,
                "URL: space inside the host",
                Input.BASE_URL,
                "https://eu2 cloud.example.com",
                BASE_URL,
                "contains spaces or control characters");
        bad(
                cases,
                "URL: space inside the path",
                Input.BASE_URL,
                "https://eu2-cloud.example.com/api 2",
                BASE_URL,
                "contains spaces or control characters");
        bad(
                cases,
                "URL: tab inside",
                Input.BASE_URL,
                "https://eu2-cloud.example.com\t/api/2",
                BASE_URL,
                "contains spaces or control characters");
        bad(
                cases,
                "URL: line break inside",
                Input.BASE_URL,
                "https://eu2-cloud.example.com\n.attacker.example",
                BASE_URL,
                "contains spaces or control characters");
        bad(
                cases,
                "URL: NUL inside",
                Input.BASE_URL,
                "https://eu2-cloud.example.com\u0000/api/2",
                BASE_URL,
                "contains spaces or control characters");
        bad(cases, "URL: no scheme", Input.BASE_URL, "eu2-cloud.example.com", BASE_URL, "is not an absolute URL");
        bad(
                cases,
                "URL: scheme-relative",
                Input.BASE_URL,
                "//eu2-cloud.example.com",
                BASE_URL,
                "is not an absolute URL");
        bad(cases, "URL: a bare path", Input.BASE_URL, "/api/2", BASE_URL, "is not an absolute URL");
        bad(cases, "URL: ftp scheme", Input.BASE_URL, "ftp://eu2-cloud.example.com", BASE_URL, "uses the scheme 'ftp'");
        bad(cases, "URL: file scheme", Input.BASE_URL, "file:///etc/passwd", BASE_URL, "uses the scheme 'file'");
        bad(
                cases,
                "URL: javascript: scheme",
                Input.BASE_URL,
                "javascript:alert(document.cookie)",
                BASE_URL,
                "is not an absolute URL");
        bad(
                cases,
                "URL: javascript:// scheme",
                Input.BASE_URL,
                "javascript://eu2-cloud.example.com/%0aalert(1)",
                BASE_URL,
                "uses the scheme 'javascript'");
        bad(
                cases,
                "URL: user info with a password (not echoed)",
                Input.BASE_URL,
                "https://api-client:" + URL_PASSWORD + "@eu2-cloud.example.com",
                BASE_URL,
                "must not contain user info");
        bad(
                cases,
                "URL: user info with a name only",
                Input.BASE_URL,
                "https://api-client@eu2-cloud.example.com",
                BASE_URL,
                "must not contain user info");
        bad(
                cases,
                "URL: query",
                Input.BASE_URL,
                "https://eu2-cloud.example.com/?tenant=partner",
                BASE_URL,
                "must not contain a query");
        bad(
                cases,
                "URL: query without a path",
                Input.BASE_URL,
                "https://eu2-cloud.example.com?tenant=partner",
                BASE_URL,
                "must not contain a query");
        bad(
                cases,
                "URL: fragment",
                Input.BASE_URL,
                "https://eu2-cloud.example.com/#/login",
                BASE_URL,
                "must not contain a fragment");
        bad(
                cases,
                "URL: invalid IDN (underscore)",
                Input.BASE_URL,
                "https://b\u00fc_cher.example",
                BASE_URL,
                "not a valid internationalised domain name");
        bad(
                cases,
                "URL: invalid IDN (label over 63 characters)",
                Input.BASE_URL,
                "https://" + "\u00fc".repeat(64) + ".example",
                BASE_URL,
                "not a valid internationalised domain name");
        bad(
                cases,
                "URL: invalid IDN (empty label)",
                Input.BASE_URL,
                "https://b\u00fccher..example",
                BASE_URL,
                "not a valid internationalised domain name");
        bad(cases, "URL: https:// with no host", Input.BASE_URL, "https://", BASE_URL, "has no host name");
        bad(cases, "URL: a port but no host", Input.BASE_URL, "https://:443", BASE_URL, "is not a valid URL");
        bad(
                cases,
                "URL: plain http to a public IPv4 host",
                Input.BASE_URL,
                "http://203.0.113.10",
                BASE_URL,
                "uses plain http");
        bad(
                cases,
                "URL: plain http to a public IPv6 literal",
                Input.BASE_URL,
                "http://[2001:db8::10]",
                BASE_URL,
                "uses plain http");
        bad(
                cases,
                "URL: plain http to a public host name",
                Input.BASE_URL,
                "http://eu2-cloud.example.com/api/2",
                BASE_URL,
                "uses plain http");
        bad(
                cases,
                "URL: /api/2 twice",
                Input.BASE_URL,
                "https://eu2-cloud.example.com/api/2/api/2",
                BASE_URL,
                "contains /api/2 more than once");
        bad(
                cases,
                "URL: port out of range (65535 is the largest)",
                Input.BASE_URL,
                "https://127.0.0.1:99999",
                BASE_URL,
                "port");
        // ---- user id ----
        bad(cases, "user id: null", Input.USER_ID, null, USER_ID, "is empty");
        bad(cases, "user id: empty", Input.USER_ID, "", USER_ID, "is empty");
        bad(cases, "user id: a login name, not a UUID", Input.USER_ID, "jdoe", USER_ID, "is not a UUID");
        bad(cases, "user id: 31 hex digits", Input.USER_ID, SAMPLE_UUID.substring(0, 35), USER_ID, "is not a UUID");
        bad(
                cases,
                "user id: 32 hex digits without hyphens",
                Input.USER_ID,
                SAMPLE_UUID.replace("-", ""),
                USER_ID,
                "is not a UUID");
        bad(cases, "user id: braces", Input.USER_ID, "{" + USER + "}", USER_ID, "without braces");
        bad(
                cases,
                "user id: trailing newline",
                Input.USER_ID,
                USER + "\n",
                USER_ID,
                "contains whitespace or a line break");
        bad(cases, "user id: leading space", Input.USER_ID, " " + USER, USER_ID, "contains whitespace");
        bad(
                cases,
                "user id: non-hex letter",
                Input.USER_ID,
                SAMPLE_UUID.substring(0, 35) + "g",
                USER_ID,
                "is not a UUID");
        bad(
                cases,
                "user id: path traversal to another endpoint",
                Input.USER_ID,
                "../../idp/token",
                USER_ID,
                "is not a UUID");
        bad(cases, "user id: ../ before a UUID", Input.USER_ID, "../" + USER, USER_ID, "is not a UUID");
        bad(
                cases,
                "user id: URL-encoded UUID",
                Input.USER_ID,
                SAMPLE_UUID.replace("-", "%2D"),
                USER_ID,
                "is not a UUID");
        bad(
                cases,
                "user id: UUID with a trailing /password",
                Input.USER_ID,
                USER + "/password",
                USER_ID,
                "is not a UUID");
        bad(cases, "user id: urn:uuid: prefix", Input.USER_ID, "urn:uuid:" + USER, USER_ID, "is not a UUID");
        // ---- new password ----
        bad(cases, "password: empty", Input.PASSWORD, "", PASSWORD, "is empty");
        bad(cases, "password: only spaces", Input.PASSWORD, "          ", PASSWORD, "whitespace only");
        bad(cases, "password: only tabs and newlines", Input.PASSWORD, "\t\n\t\r\n", PASSWORD, "whitespace only");
        bad(
                cases,
                "password: only ideographic spaces (U+3000)",
                Input.PASSWORD,
                "\u3000\u3000\u3000",
                PASSWORD,
                "whitespace only");
        bad(
                cases,
                "password: only line and paragraph separators",
                Input.PASSWORD,
                "\u2028\u2029\u2028",
                PASSWORD,
                "whitespace only");
        // A lone surrogate is not a character: UTF-8 cannot carry it, and the JDK would send '?' instead.
        bad(cases, "password: lone high surrogate", Input.PASSWORD, "Correct-\ud83d-Horse-42", PASSWORD, "unpaired");
        bad(cases, "password: lone low surrogate", Input.PASSWORD, "Correct-\udd11-Horse-42", PASSWORD, "unpaired");
        bad(cases, "password: pair in reverse order", Input.PASSWORD, "Correct-\udd11\ud83d-42", PASSWORD, "unpaired");
        bad(
                cases,
                "password: high surrogate at the end",
                Input.PASSWORD,
                "Correct-Horse-42\ud83d",
                PASSWORD,
                "unpaired");
        // ---- API client credentials ----
        bad(cases, "API client: empty client id", Input.CLIENT_ID, "", CREDENTIALS, "(the API client id) is empty");
        bad(cases, "API client: blank client id", Input.CLIENT_ID, "   ", CREDENTIALS, "(the API client id) is empty");
        bad(
                cases,
                "API client: client id of tabs and newlines",
                Input.CLIENT_ID,
                "\t\n",
                CREDENTIALS,
                "(the API client id) is empty");
        bad(
                cases,
                "API client: a name, not a UUID",
                Input.CLIENT_ID,
                "jenkins-api-client",
                CREDENTIALS,
                "(the API client id) is not a UUID");
        bad(
                cases,
                "API client: client id of 35 characters",
                Input.CLIENT_ID,
                SAMPLE_UUID.substring(1),
                CREDENTIALS,
                "(the API client id) is not a UUID");
        bad(
                cases,
                "API client: client id with a path before it",
                Input.CLIENT_ID,
                "../" + SAMPLE_UUID,
                CREDENTIALS,
                "(the API client id) is not a UUID");
        bad(
                cases,
                "API client: client id with a trailing newline",
                Input.CLIENT_ID,
                SAMPLE_UUID + "\n",
                CREDENTIALS,
                "(the API client id) contains whitespace");
        bad(
                cases,
                "API client: client id with surrounding spaces",
                Input.CLIENT_ID,
                " " + SAMPLE_UUID + " ",
                CREDENTIALS,
                "(the API client id) contains whitespace");
        bad(
                cases,
                "API client: client id in braces",
                Input.CLIENT_ID,
                "{" + SAMPLE_UUID + "}",
                CREDENTIALS,
                "without braces");
        bad(
                cases,
                "API client: empty secret",
                Input.CLIENT_SECRET,
                "",
                CREDENTIALS,
                "(the API client secret) is empty");
        // A client id is a UUID, so a lone surrogate in it fails that rule first; it is never sent as '?'.
        bad(
                cases,
                "API client: lone surrogate in the id",
                Input.CLIENT_ID,
                "client-\udc00",
                CREDENTIALS,
                "is not a UUID");
        bad(
                cases,
                "API client: lone surrogate in the secret",
                Input.CLIENT_SECRET,
                "0123456789abcdef\ud800",
                CREDENTIALS,
                "unpaired");
        return cases;
    }

    private static void bad(List<Arguments> cases, String name, Input input, String value, String field, String rule) {
        cases.add(Arguments.of(name, input, value, field, rule));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("badInputs")
    void isRefusedWithFieldAndRuleAndNothingIsSent(String name, Input input, String value, String field, String rule) {
        Throwable thrown = catchThrowable(() -> attempt(input, value));

        assertThat(thrown).as("what building the inputs and sending threw").isInstanceOf(InvalidInputException.class);
        assertThat(((InvalidInputException) thrown).field()).isEqualTo(field);
        assertThat(thrown).hasMessageStartingWith(field + ": ").hasMessageContaining(rule);
        assertThat(thrown.getMessage())
                .as("the message never repeats a password from the URL")
                .doesNotContain(URL_PASSWORD);
        assertThat(platform.simulator.requests())
                .as("requests the platform received")
                .isEmpty();
    }

    @Test
    void theCorpusIsLargeAndItsNamesAreDistinct() {
        List<Arguments> cases = badInputs();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(40);
        assertThat(cases.stream().map(a -> a.get()[0]).distinct().count()).isEqualTo(cases.size());
    }

    /** Without this the "nothing was sent" checks could pass against a log that records nothing. */
    @Test
    void validInputsDoReachTheRequestLog() throws Exception {
        attempt(null, null);

        assertThat(platform.simulator.requests())
                .extracting(RecordedRequest::path)
                .anyMatch(path -> path.endsWith("/" + platform.customerUser + "/password"));
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(VALID_PASSWORD);
    }

    static List<Arguments> acceptedUrls() {
        return List.of(
                Arguments.of(
                        "IDN host becomes punycode", "https://b\u00fccher.example", "https://xn--bcher-kva.example"),
                Arguments.of("https to an IPv4 literal", "https://203.0.113.5", "https://203.0.113.5"),
                Arguments.of("https to an IPv6 literal", "https://[2001:db8::1]", "https://[2001:db8::1]"),
                Arguments.of("upper-case scheme", "HTTPS://eu2-cloud.example.com", "https://eu2-cloud.example.com"),
                Arguments.of("/api/2/ suffix", "https://eu2-cloud.example.com/api/2/", "https://eu2-cloud.example.com"),
                Arguments.of(
                        "/api/2 suffix and surrounding spaces",
                        "  https://eu2-cloud.example.com/api/2  ",
                        "https://eu2-cloud.example.com"));
    }

    @ParameterizedTest(name = "[{index}] accepted and normalised: {0}")
    @MethodSource("acceptedUrls")
    void acceptsAndNormalisesTheUrl(String name, String input, String expected) {
        PlatformEndpoint endpoint = PlatformEndpoint.parse(input, false);

        assertThat(endpoint.dataCenterUrl()).hasToString(expected);
        assertThat(endpoint.isHttps()).isTrue();
    }

    /** The project normalises upper-case UUIDs to lower case (see {@link UserId}); the platform gets the lower-case id. */
    @Test
    void acceptsAnUpperCaseUserIdAndSendsItInLowerCase() throws Exception {
        String upper = platform.customerUser.toUpperCase(Locale.ROOT);
        assertThat(upper).isNotEqualTo(platform.customerUser); // the id has hex letters to normalise
        assertThat(UserId.parse(upper).value()).isEqualTo(platform.customerUser);

        attempt(Input.USER_ID, upper);

        assertThat(platform.simulator.requests())
                .extracting(RecordedRequest::path)
                .anyMatch(path -> path.endsWith("/" + platform.customerUser + "/password"))
                .noneMatch(path -> path.contains(upper));
    }

    /**
     * The contract's pattern for {@code client_id} in {@code GET /clients/{client_id}} is a
     * lower-case UUID; an id pasted in upper case is normalised like a user id, and the platform
     * sees only the lower-case form, in the path and in the Basic credentials.
     */
    @Test
    void acceptsAnUpperCaseClientIdAndSendsItInLowerCase() throws Exception {
        String lower = platform.apiClient.clientId();
        String upper = lower.toUpperCase(Locale.ROOT);
        assertThat(upper).isNotEqualTo(lower); // the id has hex letters to normalise
        ApiClientCredentials credentials = new ApiClientCredentials(upper, SecretValue.of(platform.apiClient.secret()));
        assertThat(credentials.clientId()).isEqualTo(lower);

        try (PlatformClient client = platform.client(credentials)) {
            assertThat(new UserDirectory(client)
                            .diagnose(UserId.parse(platform.customerUser))
                            .allowsChange())
                    .isTrue();
        }

        List<RecordedRequest> requests = platform.simulator.requests();
        assertThat(requests).extracting(RecordedRequest::path).contains("/api/2/clients/" + lower);
        assertThat(requests)
                .filteredOn(r -> r.path().equals("/api/2/idp/token"))
                .singleElement()
                .satisfies(token -> assertThat(token.header("Authorization"))
                        .hasValueSatisfying(
                                basic -> assertThat(decodedBasic(basic)).startsWith(lower + ":")));
        assertThat(requests)
                .allSatisfy(r -> assertThat(
                                r.path() + " " + r.header("Authorization").map(BadInputCorpusTest::decodedBasic))
                        .doesNotContain(upper));
    }

    /** A username marked secret must not reach the message that refuses it. */
    @Test
    void aClientIdThatIsNoUuidIsNotRepeated() {
        for (String secretUsername : List.of("CANARY-client", " CANARY " + SAMPLE_UUID, "{CANARY}")) {
            assertThatThrownBy(() -> new ApiClientCredentials(secretUsername, SecretValue.of("secret"), true))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo(CREDENTIALS);
                        assertThat(e.getMessage()).doesNotContain("CANARY");
                    });
        }
    }

    private static String decodedBasic(String header) {
        if (!header.startsWith("Basic ")) {
            return "";
        }
        return new String(
                java.util.Base64.getDecoder().decode(header.substring("Basic ".length())),
                java.nio.charset.StandardCharsets.UTF_8);
    }

    /**
     * {@link Character#isWhitespace(int)} is false for the no-break spaces (U+00A0, U+2007,
     * U+202F), yet a password made of them looks just as empty when pasted; they are refused too.
     */
    @ParameterizedTest(name = "[{index}] refused as blank: {0}")
    @MethodSource("noBreakSpacePasswords")
    void refusesPasswordsOfNoBreakSpacesOnly(String name, String password) {
        assertThat(password.codePoints().allMatch(Character::isWhitespace)).isFalse();

        assertThatThrownBy(() -> attempt(Input.PASSWORD, password))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo(NewPassword.FIELD);
                    assertThat(e.getMessage()).contains("whitespace only");
                });
        assertThat(platform.simulator.requests()).isEmpty();
    }

    static List<Arguments> noBreakSpacePasswords() {
        return List.of(
                Arguments.of("only a no-break space (U+00A0)", "\u00a0"),
                Arguments.of("no-break space and ideographic space (U+00A0 U+3000)", "\u00a0\u3000"),
                Arguments.of("only figure spaces (U+2007)", "\u2007\u2007"),
                Arguments.of("only narrow no-break spaces (U+202F)", "\u202f\u202f"));
    }

    /**
     * Builds every input, replacing the one under test, and sends the change only if all of them
     * parse. {@code input == null} means all valid.
     */
    private static void attempt(Input input, String value) throws PlatformException {
        String url = input == Input.BASE_URL
                ? value
                : platform.simulator.dataCenterUrl().toString();
        String user = input == Input.USER_ID
                ? (value == null ? null : value.replace(USER, platform.customerUser))
                : platform.customerUser;
        String password = input == Input.PASSWORD ? value : VALID_PASSWORD;
        String clientId = input == Input.CLIENT_ID ? value : platform.apiClient.clientId();
        String clientSecret = input == Input.CLIENT_SECRET ? value : platform.apiClient.secret();

        // The simulator speaks plain http, which only the administrator's opt-in allows; a URL under test gets no
        // opt-in.
        PlatformEndpoint endpoint = PlatformEndpoint.parse(url, input != Input.BASE_URL);
        UserId userId = UserId.parse(user);
        NewPassword newPassword = NewPassword.of(SecretValue.of(password));
        ApiClientCredentials credentials = new ApiClientCredentials(clientId, SecretValue.of(clientSecret));
        try (PlatformClient client = new PlatformClient(
                endpoint, credentials, platform.settings(), new TokenCache(), ProgressListener.NONE)) {
            client.changePassword(userId, newPassword);
        }
    }
}
