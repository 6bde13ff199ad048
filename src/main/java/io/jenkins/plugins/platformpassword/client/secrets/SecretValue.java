package io.jenkins.plugins.platformpassword.client.secrets;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A secret (client secret, access token, new password) that never prints itself.
 *
 * <p>The value is kept as a {@code String} because every consumer (the JSON mapper, the Basic
 * header) needs one anyway; the point of this type is that {@code toString()}, string
 * concatenation and debuggers' default views show {@value #MASK}, so a secret cannot reach a log
 * or an exception message by accident. Reading it takes an explicit {@link #reveal()}.
 */
public final class SecretValue {

    public static final String MASK = "****";

    /** Never updated, only cloned, so that threads may share it. */
    private static final MessageDigest SHA_256 = newSha256();

    private final String value;

    private SecretValue(String value) {
        this.value = value;
    }

    /** Wraps a secret; {@code null} is refused so that "no secret" is never mistaken for "empty secret". */
    public static SecretValue of(String value) {
        return new SecretValue(Objects.requireNonNull(value, "secret value"));
    }

    /** The secret itself. Call it only where the value leaves for the platform. */
    public String reveal() {
        return value;
    }

    public boolean isEmpty() {
        return value.isEmpty();
    }

    /**
     * True when the value is empty or consists of spaces only, per code point: whitespace and
     * also the no-break spaces ({@code U+00A0}, {@code U+2007}, {@code U+202F}) that
     * {@link Character#isWhitespace} leaves out but that look just as empty when pasted.
     */
    public boolean isBlank() {
        for (int i = 0; i < value.length(); ) {
            int c = value.codePointAt(i);
            if (!Character.isWhitespace(c) && !Character.isSpaceChar(c)) {
                return false;
            }
            i += Character.charCount(c);
        }
        return true;
    }

    /**
     * A SHA-256 fingerprint, hex encoded. It lets the token cache tell two secrets apart without
     * keeping a second copy of either in its keys. Never shown to users.
     */
    public String fingerprint() {
        return HexFormat.of().formatHex(sha256().digest(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }

    /** A fresh SHA-256 digest; cloned from one made once, because looking up the provider costs more than hashing. */
    private static MessageDigest sha256() {
        try {
            return (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            return newSha256();
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof SecretValue that
                && MessageDigest.isEqual(
                        value.getBytes(StandardCharsets.UTF_8), that.value.getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public int hashCode() {
        // Constant on purpose: a hash derived from the value would leak a little of it.
        return 1;
    }

    @Override
    public String toString() {
        return MASK;
    }
}
