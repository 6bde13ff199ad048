package io.jenkins.plugins.platformpassword.client.secrets;

import static org.assertj.core.api.Assertions.assertThat;

import io.jenkins.plugins.platformpassword.client.*;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LogTextTest {

    static List<Arguments> unsafeValues() {
        return List.of(
                Arguments.of("CR LF", "a\r\nb", "a\\r\\nb"),
                Arguments.of("LF", "a\nb", "a\\nb"),
                Arguments.of("tab", "a\tb", "a\\tb"),
                Arguments.of("NEL", "a\u0085b", "a\\u0085b"),
                Arguments.of("line separator", "a\u2028b", "a\\u2028b"),
                Arguments.of("paragraph separator", "a\u2029b", "a\\u2029b"),
                Arguments.of("NUL and ESC", "a\u0000\u001b[31mb", "a\\u0000\\u001B[31mb"),
                Arguments.of("right-to-left override", "a\u202eb", "a\\u202Eb"),
                Arguments.of("isolates and marks", "\u2066a\u2069\u200f\u061c", "\\u2066a\\u2069\\u200F\\u061C"),
                Arguments.of("zero width and BOM", "a\u200bb\ufeff", "a\\u200Bb\\uFEFF"),
                Arguments.of("tag character (plane 14)", "a\udb40\udc41", "a\\u{E0041}"),
                Arguments.of("lone surrogates", "a\ud800b\udc00", "a\\uD800b\\uDC00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unsafeValues")
    void escapesWhatCouldForgeOrTurnALine(String name, String value, String expected) {
        assertThat(LogText.value(value)).isEqualTo(expected);
    }

    @Test
    void leavesOrdinaryTextAlone() {
        String text =
                "j.doe@example.com D\u00fcrer \u05e9\u05dc\u05d5\u05dd \u4e2d\u6587 \ud83d\udd11 back\\slash \"q\"";
        assertThat(LogText.value(text)).isEqualTo(text);
        assertThat(LogText.value(null)).isNull();
    }

    @Test
    void cutsAVeryLongValue() {
        String value = LogText.value("\ud83d\udd11".repeat(1000));
        assertThat(value).endsWith("...").startsWith("\ud83d\udd11");
        assertThat(value.codePointCount(0, value.length())).isEqualTo(LogText.MAX_VALUE_CHARS + 3);
    }

    @Test
    void proseFoldsEverythingInvisibleIntoOneSpace() {
        assertThat(LogText.prose("  a\r\n\u2028 b\u202e\u200bc\t\u0000d  ")).isEqualTo("a b c d");
    }
}
