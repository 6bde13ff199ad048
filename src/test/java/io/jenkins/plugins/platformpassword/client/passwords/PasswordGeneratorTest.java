package io.jenkins.plugins.platformpassword.client.passwords;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.jenkins.plugins.platformpassword.client.*;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordGeneratorTest {

    private static final Set<CharacterClass> ALL = EnumSet.allOf(CharacterClass.class);

    static Stream<Arguments> shapes() {
        return Stream.of(
                Arguments.of(PasswordGenerator.MIN_LENGTH, ALL),
                Arguments.of(PasswordGenerator.DEFAULT_LENGTH, ALL),
                Arguments.of(PasswordGenerator.MAX_LENGTH, ALL),
                Arguments.of(9, EnumSet.of(CharacterClass.LOWER)),
                Arguments.of(10, EnumSet.of(CharacterClass.UPPER, CharacterClass.LOWER)),
                Arguments.of(12, EnumSet.of(CharacterClass.DIGITS, CharacterClass.SYMBOLS)),
                Arguments.of(9, EnumSet.of(CharacterClass.SYMBOLS)));
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void lengthAndClassesAreHonouredOverAThousandGenerations(int length, Set<CharacterClass> classes) {
        PasswordGenerator generator = new PasswordGenerator();
        String alphabet = alphabetOf(classes);
        for (int i = 0; i < 1_000; i++) {
            String password = generator.generate(length, classes, List.of()).reveal();
            assertThat(password).hasSize(length);
            assertThat(password.chars()).allMatch(c -> alphabet.indexOf(c) >= 0);
            for (CharacterClass characterClass : classes) {
                assertThat(password.chars())
                        .as("%s in a password", characterClass)
                        .anyMatch(c -> characterClass.characters().indexOf(c) >= 0);
            }
        }
    }

    @Test
    void defaultsToTwentyFourCharactersOfEveryClass() {
        String password = new PasswordGenerator().generate(List.of("someone")).reveal();
        assertThat(password).hasSize(24);
        for (CharacterClass characterClass : CharacterClass.values()) {
            assertThat(password.chars())
                    .anyMatch(c -> characterClass.characters().indexOf(c) >= 0);
        }
    }

    @Test
    void alphabetsAreDisjointAsciiAndFreeOfConfusableOrTroublesomeCharacters() {
        String all = alphabetOf(ALL);
        assertThat(all.chars().distinct().count()).isEqualTo(all.length());
        assertThat(all.chars()).allMatch(c -> c > 0x20 && c < 0x7f);
        for (char banned : " \t\"'`\\$%!^&|<>()[]{}*?#,;IOl01".toCharArray()) {
            assertThat(all).doesNotContain(String.valueOf(banned));
        }
    }

    @Test
    void redrawsACandidateThatRepeatsTheLoginInAnyCase() {
        // The first candidate is "bobaaaaaa", which contains the login; the second is clean.
        ScriptedRandom random = new ScriptedRandom(CharacterClass.LOWER.characters(), "bobaaaaaa", "cdefghijk");
        String password = new PasswordGenerator(random)
                .generate(9, EnumSet.of(CharacterClass.LOWER), List.of("BOB"))
                .reveal();
        assertThat(password).isEqualTo("cdefghijk");
        assertThat(random.draws()).as("a second candidate was drawn").isEqualTo(18);
    }

    @Test
    void redrawsACandidateThatContainsTheEmailOrItsLocalPart() {
        String alphabet = CharacterClass.LOWER.characters() + CharacterClass.SYMBOLS.characters();
        ScriptedRandom random =
                new ScriptedRandom(alphabet, "xxjo.doe@ex.comx", "xjo.doexxxxxxxxx", "abcdefgh.ijk+mno");
        String password = new PasswordGenerator(random)
                .generate(
                        16,
                        EnumSet.of(CharacterClass.LOWER, CharacterClass.SYMBOLS),
                        List.of("Jo.Doe@Ex.com", "JO.DOE", "Tenant Name"))
                .reveal();
        assertThat(password).isEqualTo("abcdefgh.ijk+mno");
        assertThat(random.draws()).isEqualTo(48);
    }

    @Test
    void ignoresWordsShorterThanThreeCharactersAndNullEntries() {
        ScriptedRandom random = new ScriptedRandom(CharacterClass.LOWER.characters(), "abaaaaaaa");
        List<String> words = new ArrayList<>(Arrays.asList("ab", null, " a ", ""));
        String password = new PasswordGenerator(random)
                .generate(9, EnumSet.of(CharacterClass.LOWER), words)
                .reveal();
        assertThat(password).isEqualTo("abaaaaaaa");
        assertThat(random.draws()).isEqualTo(9);
    }

    @Test
    void redrawsACandidateThatLacksASelectedClass() {
        String alphabet = CharacterClass.UPPER.characters() + CharacterClass.DIGITS.characters();
        ScriptedRandom random = new ScriptedRandom(alphabet, "AAAAAAAAA", "AAAA2AAAA");
        String password = new PasswordGenerator(random)
                .generate(9, EnumSet.of(CharacterClass.UPPER, CharacterClass.DIGITS), List.of())
                .reveal();
        assertThat(password).isEqualTo("AAAA2AAAA");
        assertThat(random.draws()).isEqualTo(18);
    }

    @Test
    void neverContainsALoginThatChanceWouldOftenProduce() {
        // With 25 letters and 7 places, about 1 in 2,200 unfiltered candidates contains "bob".
        PasswordGenerator generator = new PasswordGenerator();
        for (int i = 0; i < 20_000; i++) {
            assertThat(generator
                            .generate(9, EnumSet.of(CharacterClass.LOWER), List.of("bob"))
                            .reveal())
                    .doesNotContain("bob");
        }
    }

    @Test
    void everyCharacterOfTheAlphabetAppearsAndNoneIsFavoured() {
        String alphabet = alphabetOf(ALL);
        int[] counts = new int[128];
        int drawn = 0;
        PasswordGenerator generator = new PasswordGenerator(new SplittableRandom(20240611L));
        while (drawn < 10_000) {
            String password = generator
                    .generate(PasswordGenerator.DEFAULT_LENGTH, ALL, List.of())
                    .reveal();
            password.chars().forEach(c -> counts[c]++);
            drawn += password.length();
        }
        double expected = (double) drawn / alphabet.length();
        double chiSquare = 0;
        for (char c : alphabet.toCharArray()) {
            assertThat(counts[c]).as("occurrences of '%s'", c).isPositive();
            chiSquare += (counts[c] - expected) * (counts[c] - expected) / expected;
        }
        // 65 degrees of freedom: mean 65, standard deviation about 11.4; a modulo bias or a
        // forgotten character would push it far beyond 140.
        assertThat(chiSquare).isLessThan(140);
    }

    @ParameterizedTest
    @ValueSource(ints = {Integer.MIN_VALUE, -1, 0, 8, 129, Integer.MAX_VALUE})
    void refusesALengthOutsideTheRange(int length) {
        assertThatThrownBy(() -> new PasswordGenerator().generate(length, ALL, List.of()))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("passwordLength");
                    assertThat(e.problem()).contains(String.valueOf(length), "between 9 and 128");
                });
    }

    @Test
    void acceptsTheBoundaryLengths() {
        assertThat(new PasswordGenerator().generate(9, ALL, List.of()).reveal()).hasSize(9);
        assertThat(new PasswordGenerator().generate(128, ALL, List.of()).reveal())
                .hasSize(128);
    }

    @Test
    void refusesAnEmptyOrMissingClassSet() {
        Set<CharacterClass> withNull = new HashSet<>(Arrays.asList(CharacterClass.UPPER, null));
        for (Set<CharacterClass> classes :
                Arrays.asList(EnumSet.noneOf(CharacterClass.class), Set.<CharacterClass>of(), null, withNull)) {
            assertThatThrownBy(() -> new PasswordGenerator().generate(12, classes, List.of()))
                    .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                        assertThat(e.field()).isEqualTo("characterClasses");
                        assertThat(e.problem()).contains("at least one");
                    });
        }
    }

    @Test
    void givesUpWithAClearErrorWhenTheWordsLeaveNothingToChooseFrom() {
        // Every three-digit word over the digit alphabet: no password of digits alone avoids them all.
        String digits = CharacterClass.DIGITS.characters();
        List<String> words = new ArrayList<>();
        for (char a : digits.toCharArray()) {
            for (char b : digits.toCharArray()) {
                for (char c : digits.toCharArray()) {
                    words.add("" + a + b + c);
                }
            }
        }
        CountingRandom random = new CountingRandom(new SplittableRandom(7));
        assertThatThrownBy(() -> new PasswordGenerator(random).generate(9, EnumSet.of(CharacterClass.DIGITS), words))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> {
                    assertThat(e.field()).isEqualTo("characterClasses");
                    assertThat(e.problem()).contains("1000 attempts", "select more character classes");
                });
        assertThat(random.draws).isEqualTo(9L * PasswordGenerator.MAX_ATTEMPTS);
    }

    @Test
    void theGeneratedPasswordPassesTheSimulatedPlatformsPolicy() throws PlatformException {
        try (SimulatedPlatform platform = new SimulatedPlatform();
                PlatformClient client = platform.client()) {
            PasswordGenerator generator = new PasswordGenerator();
            for (int length : new int[] {PasswordGenerator.MIN_LENGTH, PasswordGenerator.DEFAULT_LENGTH}) {
                SecretValue password = generator.generate(length, ALL, List.of("customer-user", "Customer"));
                client.changePassword(UserId.parse(platform.customerUser), NewPassword.of(password));
                assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(password.reveal());
            }
            assertThat(platform.simulator.passwordChangeCount(platform.customerUser))
                    .isEqualTo(2);
        }
    }

    @Test
    void showsNoPasswordInItsToString() {
        PasswordGenerator generator = new PasswordGenerator();
        SecretValue password = generator.generate(List.of());
        assertThat(password.toString()).isEqualTo("****");
        assertThat(generator.toString()).doesNotContain(password.reveal());
    }

    private static String alphabetOf(Set<CharacterClass> classes) {
        StringBuilder all = new StringBuilder();
        EnumSet.copyOf(classes).forEach(c -> all.append(c.characters()));
        return all.toString();
    }

    /** Answers {@code nextInt(bound)} with the positions of the scripted candidates' characters in the alphabet. */
    private static final class ScriptedRandom implements RandomGenerator {

        private final String alphabet;
        private final Deque<Integer> script = new ArrayDeque<>();
        private int draws;

        ScriptedRandom(String alphabet, String... candidates) {
            this.alphabet = alphabet;
            for (String candidate : candidates) {
                for (char c : candidate.toCharArray()) {
                    int index = alphabet.indexOf(c);
                    if (index < 0) {
                        throw new IllegalArgumentException("'" + c + "' is not in the alphabet");
                    }
                    script.add(index);
                }
            }
        }

        @Override
        public int nextInt(int bound) {
            assertThat(bound).as("the generator draws from the whole alphabet").isEqualTo(alphabet.length());
            if (script.isEmpty()) {
                throw new IllegalStateException("the generator asked for more than the script holds");
            }
            draws++;
            return script.poll();
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the generator must only use nextInt(bound)");
        }

        int draws() {
            return draws;
        }
    }

    private static final class CountingRandom implements RandomGenerator {

        private final RandomGenerator delegate;
        private long draws;

        CountingRandom(RandomGenerator delegate) {
            this.delegate = delegate;
        }

        @Override
        public int nextInt(int bound) {
            draws++;
            return delegate.nextInt(bound);
        }

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("the generator must only use nextInt(bound)");
        }
    }
}
