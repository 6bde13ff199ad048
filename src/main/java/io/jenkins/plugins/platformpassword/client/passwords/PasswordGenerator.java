package io.jenkins.plugins.platformpassword.client.passwords;

import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Generates new passwords that the platform's policy accepts.
 *
 * <p>Every character is drawn independently and uniformly from the union of the selected
 * {@link CharacterClass}es with {@link RandomGenerator#nextInt(int)}, which has no modulo bias.
 * A candidate that lacks a selected class, or that contains one of the words the platform refuses
 * to see repeated (the user's login, email, tenant name), is thrown away whole and drawn again.
 * Rejecting whole candidates, rather than planting one character of each class at chosen
 * positions, keeps the result uniform over all passwords that satisfy the rules: no class sits at
 * a predictable place and no position follows a pattern.
 *
 * <p>Safe for use by several threads at once: {@link SecureRandom} is thread safe and this class
 * keeps no other state.
 */
public final class PasswordGenerator {

    /** The platform's minimum (its policy counts characters; all generated ones are ASCII). */
    public static final int MIN_LENGTH = PasswordScreening.MIN_LENGTH;

    /** About 145 bits with all classes selected; long enough that nobody needs to think about it. */
    public static final int DEFAULT_LENGTH = 24;

    /** A sanity limit, not the platform's: nobody types more, and the request stays small. */
    public static final int MAX_LENGTH = 128;

    /** The field names of the step and the form. */
    public static final String LENGTH_FIELD = "passwordLength";

    public static final String CLASSES_FIELD = "characterClasses";

    /**
     * Words shorter than this are not avoided: a two-letter fragment of a login turns up in
     * almost every long password by chance, and repeating it reveals nothing.
     */
    static final int MIN_FORBIDDEN_LENGTH = 3;

    /**
     * Enough that running out means the rules cannot be met in practice: at the minimum length
     * with all four classes about 47 % of candidates have every class, so the chance of 1,000
     * failures in a row by bad luck is below 10^-270.
     */
    static final int MAX_ATTEMPTS = 1_000;

    private final RandomGenerator random;

    public PasswordGenerator() {
        this(new SecureRandom());
    }

    /** For tests, which need repeatable or scripted draws; production code always uses {@link SecureRandom}. */
    PasswordGenerator(RandomGenerator random) {
        this.random = Objects.requireNonNull(random, "random");
    }

    /** A password of {@link #DEFAULT_LENGTH} characters with every character class. */
    public SecretValue generate(Collection<String> mustNotContain) {
        return generate(DEFAULT_LENGTH, EnumSet.allOf(CharacterClass.class), mustNotContain);
    }

    /**
     * A new password.
     *
     * @param length         between {@link #MIN_LENGTH} and {@link #MAX_LENGTH}
     * @param classes        the classes to draw from; the password has at least one character of each
     * @param mustNotContain words the password must not contain, compared case-insensitively, e.g.
     *                       the user's login, email address, the email's local part and the tenant
     *                       name; {@code null} entries and entries shorter than 3 characters are ignored
     * @throws InvalidInputException naming {@value #LENGTH_FIELD} or {@value #CLASSES_FIELD} when the
     *                               arguments break a rule, or when no acceptable password was found
     */
    public SecretValue generate(int length, Set<CharacterClass> classes, Collection<String> mustNotContain) {
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            throw new InvalidInputException(
                    LENGTH_FIELD,
                    "is " + length + "; it must be between " + MIN_LENGTH + " and " + MAX_LENGTH + " characters");
        }
        if (classes == null || classes.isEmpty() || classes.stream().anyMatch(Objects::isNull)) {
            throw new InvalidInputException(
                    CLASSES_FIELD, "select at least one of " + Arrays.toString(CharacterClass.values()));
        }
        List<CharacterClass> selected = List.copyOf(EnumSet.copyOf(classes));
        char[] alphabet = alphabet(selected);
        List<String> forbidden = forbiddenWords(mustNotContain);
        char[] candidate = new char[length];
        for (int attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
            for (int i = 0; i < length; i++) {
                candidate[i] = alphabet[random.nextInt(alphabet.length)];
            }
            if (hasEveryClass(candidate, selected) && !containsAny(candidate, forbidden)) {
                SecretValue password = SecretValue.of(new String(candidate));
                Arrays.fill(candidate, '\0');
                return password;
            }
        }
        Arrays.fill(candidate, '\0');
        // Reached only when the rules leave (almost) nothing to choose from, e.g. a long list of
        // forbidden words over digits alone; more classes or a different length helps.
        throw new InvalidInputException(
                CLASSES_FIELD,
                "no password of " + length + " characters from " + selected
                        + " avoided the user's login, email and tenant name in " + MAX_ATTEMPTS
                        + " attempts; select more character classes");
    }

    private static char[] alphabet(List<CharacterClass> selected) {
        StringBuilder all = new StringBuilder();
        selected.forEach(c -> all.append(c.characters()));
        return all.toString().toCharArray();
    }

    private static List<String> forbiddenWords(Collection<String> mustNotContain) {
        List<String> words = new ArrayList<>();
        if (mustNotContain != null) {
            for (String word : mustNotContain) {
                if (word == null) {
                    continue;
                }
                String folded = word.strip().toLowerCase(Locale.ROOT);
                if (folded.codePointCount(0, folded.length()) >= MIN_FORBIDDEN_LENGTH) {
                    words.add(folded);
                }
            }
        }
        return words;
    }

    private static boolean hasEveryClass(char[] candidate, List<CharacterClass> selected) {
        for (CharacterClass characterClass : selected) {
            boolean found = false;
            for (char c : candidate) {
                if (characterClass.contains(c)) {
                    found = true;
                    break;
                }
            }
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static boolean containsAny(char[] candidate, List<String> forbidden) {
        if (forbidden.isEmpty()) {
            return false;
        }
        // The alphabet is ASCII, so lower-casing per char equals lower-casing the string.
        String folded = new String(candidate).toLowerCase(Locale.ROOT);
        return forbidden.stream().anyMatch(folded::contains);
    }

    @Override
    public String toString() {
        return "PasswordGenerator[" + random.getClass().getSimpleName() + "]";
    }
}
