package io.jenkins.plugins.platformpassword.client.passwords;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The lengths a rotation may generate, with and without FIPS mode, refused before anything happens. */
class GeneratedLengthTest {

    @ParameterizedTest(name = "length {0}, FIPS {1}: accepted")
    @CsvSource({"9, false", "13, false", "14, true", "24, true", "128, true", "128, false"})
    void accepted(int length, boolean fips) {
        assertThatCode(() -> GeneratedLength.check(length, fips)).doesNotThrowAnyException();
    }

    @ParameterizedTest(name = "length {0}, FIPS {1}: refused with ''{2}''")
    @CsvSource(
            delimiter = '|',
            value = {
                "8|false|is 8; generated passwords have 9 to 128 characters",
                "129|true|is 129; generated passwords have 9 to 128 characters",
                "9|true|is 9; in FIPS mode Jenkins stores no password shorter than 14 characters",
                "13|true|so a rotation needs at least 14"
            })
    void refusedNamingTheField(int length, boolean fips, String message) {
        assertThatThrownBy(() -> GeneratedLength.check(length, fips))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("passwordLength: ")
                .hasMessageContaining(message);
    }
}
