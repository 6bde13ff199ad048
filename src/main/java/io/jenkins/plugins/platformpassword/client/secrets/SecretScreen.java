package io.jenkins.plugins.platformpassword.client.secrets;

import java.util.Collection;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Tells whether a text repeats part of a secret, in any encoding: the test behind the rule that
 * text from the network which does is never quoted (docs/failure-behaviour.md, "Secrets").
 *
 * <p>Matching whole secrets in a list of known encodings misses the next encoding, a secret cut
 * short, and one split across a line break. So both sides are reduced instead: every
 * {@link DecodedViews view} of the text and every secret lose their whitespace, line breaks,
 * control and format characters and are lower-cased, and the text repeats a secret when any view
 * contains any run of {@value #FRAGMENT} characters of one (or the whole secret, when it is
 * shorter). Eight characters of a random secret do not occur in ordinary text by chance; a
 * password made of common words may make an innocent text count as an echo, which only costs a
 * quote.
 */
final class SecretScreen {

    /** The shortest part of a secret that counts. */
    static final int FRAGMENT = 8;

    /**
     * Secrets shorter than this, once reduced, are left to the {@link Redactor}'s exact matching:
     * a three-letter run would match half of all error pages.
     */
    static final int SHORTEST_SCREENED = 4;

    private final Set<String> fragments = new HashSet<>();
    private final Set<String> shortSecrets = new HashSet<>();

    private SecretScreen(Collection<SecretValue> secrets) {
        for (SecretValue secret : secrets) {
            String reduced = reduce(secret.reveal());
            if (reduced.length() >= FRAGMENT) {
                for (int i = 0; i + FRAGMENT <= reduced.length(); i++) {
                    fragments.add(reduced.substring(i, i + FRAGMENT));
                }
            } else if (reduced.length() >= SHORTEST_SCREENED) {
                shortSecrets.add(reduced);
            }
        }
    }

    static SecretScreen of(Collection<SecretValue> secrets) {
        return new SecretScreen(secrets);
    }

    boolean repeatsSecret(String text) {
        if (text == null || text.isEmpty() || (fragments.isEmpty() && shortSecrets.isEmpty())) {
            return false;
        }
        return DecodedViews.anyMatch(text, view -> containsPartOfASecret(reduce(view)));
    }

    private boolean containsPartOfASecret(String view) {
        for (int i = 0; i + FRAGMENT <= view.length(); i++) {
            if (fragments.contains(view.substring(i, i + FRAGMENT))) {
                return true;
            }
        }
        for (String secret : shortSecrets) {
            if (view.contains(secret)) {
                return true;
            }
        }
        return false;
    }

    /** Without what a page may insert or drop (spaces, line breaks, invisible characters), in one letter case. */
    static String reduce(String text) {
        return withoutInvisibles(text).toLowerCase(Locale.ROOT);
    }

    static String withoutInvisibles(String text) {
        StringBuilder out = new StringBuilder(text.length());
        text.codePoints()
                .filter(cp -> !Character.isWhitespace(cp) && !Character.isSpaceChar(cp) && !LogText.isUnsafe(cp))
                .forEach(out::appendCodePoint);
        return out.toString();
    }
}
