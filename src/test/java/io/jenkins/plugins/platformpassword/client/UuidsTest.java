package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The id check, against the contract's pattern (any case) as the reference. */
class UuidsTest {

    private static final Pattern CONTRACT_ANY_CASE =
            Pattern.compile("[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}", Pattern.CASE_INSENSITIVE);

    private static Optional<String> reference(String text) {
        return CONTRACT_ANY_CASE.matcher(text).matches()
                ? Optional.of(text.toLowerCase(Locale.ROOT))
                : Optional.empty();
    }

    @Test
    void everySingleCharacterChangeOfAnIdIsJudgedAsTheContractsPatternJudgesIt() {
        String id = "1c234e69-5469-424a-a6d1-ff5658b387a6";
        // Look-alikes too: full-width and Arabic-Indic digits, Kelvin sign, dotless i.
        String replacements = "0123456789abcdefABCDEFgGzZ- {}\u0000\uFF10\u0660\u212A\u0131\u00E9";
        for (int position = 0; position < id.length(); position++) {
            for (char c : replacements.toCharArray()) {
                String changed = id.substring(0, position) + c + id.substring(position + 1);
                assertThat(Uuids.lowerCase(changed)).as(changed).isEqualTo(reference(changed));
            }
        }
    }

    @Test
    void randomTextsAreJudgedAsTheContractsPatternJudgesThem() {
        Random random = new Random(20261202L);
        String alphabet = "0123456789abcdefABCDEF-gx ";
        for (int i = 0; i < 20_000; i++) {
            StringBuilder text = new StringBuilder();
            int length = 34 + random.nextInt(5);
            for (int k = 0; k < length; k++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String candidate = random.nextInt(4) == 0 ? text.toString() : shapeLikeAnId(text);
            assertThat(Uuids.lowerCase(candidate)).as(candidate).isEqualTo(reference(candidate));
        }
    }

    private static String shapeLikeAnId(StringBuilder text) {
        text.setLength(Math.min(text.length(), 36));
        while (text.length() < 36) {
            text.append('a');
        }
        for (int dash : new int[] {8, 13, 18, 23}) {
            text.setCharAt(dash, '-');
        }
        return text.toString();
    }

    @Test
    void upperCaseIdsComeBackInTheContractsLowerCaseAndNullIsNoId() {
        assertThat(Uuids.lowerCase("1C234E69-5469-424A-A6D1-FF5658B387A6"))
                .contains("1c234e69-5469-424a-a6d1-ff5658b387a6");
        assertThat(Uuids.lowerCase(null)).isEmpty();
    }
}
