package io.jenkins.plugins.platformpassword.client.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The escaping the client writes its bodies with must be Gson's with HTML escaping off, character
 * for character: the redactor looks for a secret in that form, and the platform must read back
 * the very password that was meant.
 */
class JsonEscapesTest {

    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().create();

    private static String gsonContents(String value) {
        String literal = GSON.toJson(value);
        return literal.substring(1, literal.length() - 1);
    }

    @Test
    void everyUtf16CodeUnitIsEscapedAsGsonEscapesIt() {
        for (int c = 0; c <= 0xFFFF; c++) {
            String one = String.valueOf((char) c);
            assertThat(JsonEscapes.escapeString(one)).as("U+%04X", c).isEqualTo(gsonContents(one));
        }
    }

    @Test
    void mixedStringsAreEscapedAsGsonEscapesThem() {
        Random random = new Random(20261202L);
        String awkward = "\"\\\t\b\n\r\f\u0000\u001f\u007f\u2028\u2029<>&='/\uD83D\uDE00\uD800é";
        for (int i = 0; i < 5_000; i++) {
            StringBuilder value = new StringBuilder();
            int length = random.nextInt(40);
            for (int k = 0; k < length; k++) {
                value.append(
                        random.nextBoolean()
                                ? awkward.charAt(random.nextInt(awkward.length()))
                                : (char) (0x20 + random.nextInt(0x5f)));
            }
            assertThat(JsonEscapes.escapeString(value.toString())).isEqualTo(gsonContents(value.toString()));
        }
    }

    @Test
    void aStringWithNothingToEscapeComesBackUnchanged() {
        String plain = "Correct-Horse-Battery-9";
        assertThat(JsonEscapes.escapeString(plain)).isSameAs(plain);
    }
}
