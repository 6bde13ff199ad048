package io.jenkins.plugins.platformpassword.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class UserIdTest {

    @Test
    void acceptsCanonicalUuid() {
        assertThat(UserId.parse("1c234e69-5469-424a-a6d1-ff5658b387a6").value())
                .isEqualTo("1c234e69-5469-424a-a6d1-ff5658b387a6");
    }

    @Test
    void normalisesUpperCaseToLowerCase() {
        assertThat(UserId.parse("1C234E69-5469-424A-A6D1-FF5658B387A6"))
                .isEqualTo(UserId.parse("1c234e69-5469-424a-a6d1-ff5658b387a6"));
    }

    static Stream<Arguments> badIds() {
        return Stream.of(
                Arguments.of(null, "is empty"),
                Arguments.of("", "is empty"),
                Arguments.of("jdoe", "is not a UUID"),
                Arguments.of("1c234e69-5469-424a-a6d1-ff5658b387a", "is not a UUID"),
                Arguments.of("1c234e6954694 24aa6d1ff5658b387a6", "contains whitespace"),
                Arguments.of("1c234e695469424aa6d1ff5658b387a6", "is not a UUID"),
                Arguments.of("{1c234e69-5469-424a-a6d1-ff5658b387a6}", "without braces"),
                Arguments.of("1c234e69-5469-424a-a6d1-ff5658b387a6\n", "contains whitespace or a line break"),
                Arguments.of(" 1c234e69-5469-424a-a6d1-ff5658b387a6", "contains whitespace"),
                Arguments.of("1c234e69-5469-424a-a6d1-ff5658b387g6", "is not a UUID"),
                Arguments.of("../../idp/token", "is not a UUID"));
    }

    @ParameterizedTest
    @MethodSource("badIds")
    void refusesWithFieldAndRule(String input, String rule) {
        assertThatThrownBy(() -> UserId.parse(input))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageStartingWith("userId: ")
                .hasMessageContaining(rule);
    }
}
