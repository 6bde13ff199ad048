package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * "Password may contain any unicode and special characters": each of these reaches the platform
 * exactly as it was in the credential, byte for byte after JSON decoding. Lone surrogates are
 * left out on purpose: they are not text, UTF-8 cannot carry them, and {@link NewPassword}
 * refuses them ({@code PasswordFidelityFuzzTest}, {@code BadInputCorpusTest}).
 */
class PasswordCorpusTest {

    private static SimulatedPlatform platform;
    private static PlatformClient client;

    @BeforeAll
    static void start() {
        platform = new SimulatedPlatform();
        platform.simulator.enforcePasswordPolicy(false); // this test is about encoding, not the policy
        client = platform.client();
    }

    @AfterAll
    static void stop() {
        client.close();
        platform.close();
    }

    static List<Arguments> corpus() {
        List<Arguments> cases = new ArrayList<>();
        add(cases, "plain ASCII", "Correct-Horse-Battery-Staple-42");
        add(cases, "every printable ASCII character", printableAscii());
        add(cases, "double quotes", "pass\"word\"\"");
        add(cases, "backslashes", "back\\slash\\\\end\\");
        add(cases, "escaped quote sequence", "\\\"\\\\\"");
        add(cases, "JSON look-alike", "{\"password\":\"x\",\"admin\":true}");
        add(cases, "JSON unicode escape text", "\\u0041\\u0000not-escapes");
        add(cases, "HTML and script", "</script><b>&amp;&lt;'\"");
        add(cases, "URL and form metacharacters", "a+b&c=d?e#f%20g%00h/i");
        add(cases, "leading and trailing spaces", "   padded password   ");
        add(cases, "tab, newline, carriage return", "tab\tnew\nline\rret\r\n");
        add(cases, "NUL character", "before\u0000after-nul");
        add(cases, "only NUL", "\u0000");
        add(cases, "C0 control characters", controlCharacters());
        add(cases, "DEL and C1 controls", "del\u007f c1\u0080\u0085\u009f");
        add(cases, "Latin-1 letters", "Gr\u00fc\u00dfe-\u00e9t\u00e9-\u00f1and\u00fa");
        add(
                cases,
                "Greek",
                "\u039a\u03c9\u03b4\u03b9\u03ba\u03cc\u03c2-\u03b1\u03c3\u03c6\u03b1\u03bb\u03b5\u03af\u03b1\u03c2");
        add(cases, "Cyrillic", "\u041f\u0430\u0440\u043e\u043b\u044c-\u0441\u0435\u043a\u0440\u0435\u0442");
        add(cases, "Hebrew (right to left)", "\u05e1\u05d9\u05e1\u05de\u05d4-\u05e1\u05d5\u05d3\u05d9\u05ea");
        add(cases, "Arabic (right to left)", "\u0643\u0644\u0645\u0629-\u0627\u0644\u0633\u0631");
        add(cases, "mixed direction with marks", "abc\u202eRTL-override\u202c\u200fmark\u200eend");
        add(cases, "Devanagari with combining signs", "\u092a\u093e\u0938\u0935\u0930\u094d\u0921");
        add(cases, "Thai", "\u0e23\u0e2b\u0e31\u0e2a\u0e1c\u0e48\u0e32\u0e19");
        add(cases, "Chinese", "\u5bc6\u7801\u5f88\u5b89\u5168\u7684");
        add(cases, "Japanese kana and kanji", "\u30d1\u30b9\u30ef\u30fc\u30c9\u79d8\u5bc6");
        add(cases, "Korean Hangul", "\ube44\ubc00\ubc88\ud638\uc785\ub2c8\ub2e4");
        add(cases, "precomposed e-acute", "caf\u00e9-caf\u00e9");
        add(cases, "decomposed e + combining acute", "cafe\u0301-cafe\u0301");
        add(
                cases,
                "stacked combining marks",
                "Z\u0351\u036b\u0343\u036a\u0302\u036b\u033d\u034f\u0334\u0319a\u0317\u035c");
        add(cases, "emoji (supplementary plane 1)", "key-\ud83d\udd11-lock-\ud83d\udd12");
        add(cases, "emoji ZWJ family", "\ud83d\udc68\u200d\ud83d\udc69\u200d\ud83d\udc67\u200d\ud83d\udc66-family");
        add(cases, "emoji with skin tone", "ok-\ud83d\udc4d\ud83c\udffd-\ud83d\udc4b\ud83c\udfff");
        add(
                cases,
                "regional indicator flags",
                "\ud83c\uddfa\ud83c\udde6\ud83c\uddea\ud83c\uddfa\ud83c\uddef\ud83c\uddf5");
        add(cases, "keycap sequence", "1\ufe0f\u20e32\ufe0f\u20e3#\ufe0f\u20e3");
        add(cases, "musical symbol G clef (plane 1)", "clef-\ud834\udd1e-notes");
        add(cases, "CJK extension B (plane 2)", "ext-b-\ud840\udc00\ud869\udede");
        add(cases, "CJK extension G (plane 3)", "ext-g-\ud880\udc00-\ud884\udf4a");
        add(cases, "tag characters (plane 14)", "tags-\udb40\udc41\udb40\udc42\udb40\udc7f");
        add(cases, "private use planes 15 and 16", "pua-\udb80\udc00-\udbff\udffd");
        add(cases, "BMP private use", "pua-\ue000\uf8ff");
        add(cases, "byte order mark", "\ufeffbom-start-and-end\ufeff");
        add(cases, "zero width characters", "zero\u200bwidth\u200cjoin\u200dnon\u2060word");
        add(cases, "no-break and odd spaces", "nbsp\u00a0em\u2003ideographic\u3000");
        add(cases, "line and paragraph separators", "ls\u2028ps\u2029end");
        add(cases, "noncharacters", "nonchar-\ufdd0-\ufffe-\uffff");
        add(cases, "replacement character", "\ufffd-not-an-error-\ufffd");
        add(cases, "full-width forms", "\uff30\uff41\uff53\uff53\uff57\uff4f\uff52\uff44");
        add(cases, "mathematical alphanumerics", "\ud835\udc0f\ud835\udc1a\ud835\udc2c\ud835\udc2c");
        add(cases, "1,000 characters", "x".repeat(999) + "\u00e9");
        add(
                cases,
                "10,000 mixed characters",
                "a\u00e9\ud83d\udd11\u05d0\"\\".repeat(1700).substring(0, 10_000));
        add(
                cases,
                "every plane in one",
                "A\u00e9\u4e2d\ud83d\ude00\ud840\udc00\ud880\udc00\udb40\udc41\udb80\udc00\udbff\udffd");
        add(cases, "percent-encoded look-alike", "%E2%82%AC%25%2B");
        add(cases, "base64 look-alike", "cGFzc3dvcmQ=");
        add(cases, "single quote and backtick", "it's `quoted`");
        return cases;
    }

    private static void add(List<Arguments> cases, String name, String password) {
        cases.add(Arguments.of(name, password));
    }

    private static String printableAscii() {
        StringBuilder text = new StringBuilder();
        for (char c = 0x20; c < 0x7f; c++) {
            text.append(c);
        }
        return text.toString();
    }

    private static String controlCharacters() {
        StringBuilder text = new StringBuilder("ctl");
        for (char c = 1; c < 0x20; c++) {
            text.append(c);
        }
        return text.toString();
    }

    @Test
    void theCorpusIsLargeAndDistinct() {
        List<Arguments> cases = corpus();
        assertThat(cases).hasSizeGreaterThanOrEqualTo(50);
        assertThat(cases.stream().map(a -> a.get()[1]).distinct().count()).isEqualTo(cases.size());
        assertThat(cases.stream().map(a -> (String) a.get()[1]).anyMatch(p -> p.length() >= 1000))
                .isTrue();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void reachesThePlatformExactlyAsSent(String name, String password) throws Exception {
        String user = platform.simulator.addUser(
                platform.customerTenant, "corpus-" + Math.abs((long) password.hashCode()) + "-" + System.nanoTime());

        client.changePassword(UserId.parse(user), NewPassword.of(SecretValue.of(nonBlank(password))));

        assertThat(platform.simulator.passwordOf(user)).hasValue(nonBlank(password));
    }

    /** A password of whitespace only is refused before sending (tested elsewhere); keep such cases sendable. */
    private static String nonBlank(String password) {
        return password.codePoints().allMatch(Character::isWhitespace) ? password + "." : password;
    }
}
