package io.jenkins.plugins.platformpassword.client.secrets;

import java.util.List;

/**
 * The one rule for text this client did not write: answer bodies, their headers, the messages
 * of the network stack's exceptions (the JDK quotes an invalid status line, which may echo a
 * header), and values in successful answers. Such text reaches a message only when, after every
 * whole secret in it has been replaced (a courtesy of the {@link Redactor} that keeps the rest
 * readable), no part of any secret is left in any encoding ({@link SecretScreen}); otherwise it is
 * not quoted at all. Line breaks and control characters are folded on the way, so that the text
 * cannot forge log lines either.
 *
 * <p>Built per call from every secret the call sent or could have sent, tokens refused earlier in
 * the same call included.
 */
public final class UntrustedText {

    /** Stands in for a text that was not quoted. */
    public static final String WITHHELD = "[not quoted: it repeats part of a secret that was sent]";

    private final Redactor redactor;
    private final SecretScreen screen;

    private UntrustedText(List<SecretValue> secrets) {
        this.redactor = Redactor.of(secrets.toArray(SecretValue[]::new));
        this.screen = SecretScreen.of(secrets);
    }

    public static UntrustedText of(List<SecretValue> secrets) {
        return new UntrustedText(List.copyOf(secrets));
    }

    /** The text on one line with whole secrets replaced, or null when it may not be quoted. */
    public String quotable(String text) {
        if (text == null) {
            return null;
        }
        // Judged before folding: the screen drops line breaks and invisible characters itself, and
        // folding would break UTF-8 misread as Latin-1, whose continuation bytes are C1 controls.
        String redacted = redactor.redact(text);
        return screen.repeatsSecret(redacted) ? null : LogText.prose(redacted);
    }

    /** {@link #quotable}, or {@link #WITHHELD} in its place. */
    public String quoted(String text) {
        String quotable = quotable(text);
        return text == null || quotable != null ? quotable : WITHHELD;
    }

    public boolean repeatsSecret(String text) {
        return screen.repeatsSecret(text);
    }
}
