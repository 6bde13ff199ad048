package io.jenkins.plugins.platformpassword;

import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.passwords.CharacterClass;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The step's {@code characterClasses} text ("UPPER,LOWER,DIGITS,SYMBOLS") to the generator's
 * set. A plain comma-separated string, so that the Pipeline step, the form and the Snippet
 * Generator all show the same thing.
 */
final class CharacterClasses {

    static final String FIELD = "characterClasses";
    static final String ALL =
            EnumSet.allOf(CharacterClass.class).stream().map(Enum::name).collect(Collectors.joining(","));

    private CharacterClasses() {}

    static Set<CharacterClass> parse(String text) {
        Set<CharacterClass> classes = EnumSet.noneOf(CharacterClass.class);
        for (String part : (text == null ? "" : text).split(",")) {
            String name = part.strip().toUpperCase(Locale.ROOT);
            if (name.isEmpty()) {
                continue;
            }
            try {
                classes.add(CharacterClass.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException(FIELD, "'" + part.strip() + "' is not a character class; use " + ALL);
            }
        }
        if (classes.isEmpty()) {
            throw new InvalidInputException(FIELD, "names no character class; use some of " + ALL);
        }
        return classes;
    }
}
