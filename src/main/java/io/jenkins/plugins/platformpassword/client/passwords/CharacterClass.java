package io.jenkins.plugins.platformpassword.client.passwords;

/**
 * The groups of characters a {@link PasswordGenerator} draws from.
 *
 * <p>Each group leaves out characters that a person can mistake for another one when reading a
 * password aloud or from a screen: {@code I}, {@code O}, {@code l}, {@code 0} and {@code 1}
 * ({@code o} stays, as {@code O} and {@code 0} are gone). The platform itself accepts "any unicode
 * and special characters"; the limits here are for the people and tools that handle the password
 * afterwards.
 *
 * <p>The symbols are the ones that survive unchanged inside double quotes in a POSIX shell,
 * PowerShell, Windows {@code cmd} and a Groovy string (a Jenkinsfile), and inside JSON, YAML and
 * XML strings without escaping. That rules out whitespace (trimmed on paste), quotes and the
 * backtick, the backslash (the escape character nearly everywhere), {@code $} (Groovy, shell and
 * PowerShell interpolation: the classic Jenkinsfile trap), {@code %} and {@code !} (expanded by
 * {@code cmd} even inside quotes, and {@code !} by interactive bash), {@code ^ & | < >}
 * ({@code cmd} and XML), brackets and {@code * ?} (globs when someone forgets the quotes),
 * {@code #} (comments in properties files and shells), and {@code , ;} (separators in CSV and
 * {@code cmd}, and easily confused with {@code .} and {@code :}).
 */
public enum CharacterClass {
    UPPER("ABCDEFGHJKLMNPQRSTUVWXYZ"),
    LOWER("abcdefghijkmnopqrstuvwxyz"),
    DIGITS("23456789"),
    SYMBOLS("-_.+=@:/~");

    private final String characters;

    CharacterClass(String characters) {
        this.characters = characters;
    }

    /** The characters of this class, each once, all of them ASCII. */
    public String characters() {
        return characters;
    }

    boolean contains(char c) {
        return characters.indexOf(c) >= 0;
    }
}
