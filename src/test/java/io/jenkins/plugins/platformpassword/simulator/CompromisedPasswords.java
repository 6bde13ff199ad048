package io.jenkins.plugins.platformpassword.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SHA-1 hashes {@code /users/check_password} reports as compromised: a few well-known weak
 * passwords, plus any a test marks.
 */
final class CompromisedPasswords {

    private final Set<String> sha1Hashes = ConcurrentHashMap.newKeySet();

    CompromisedPasswords() {
        for (String known : new String[] {"password1234", "Password123!", "qwerty123456", "123456789"}) {
            mark(known);
        }
    }

    void mark(String plainPassword) {
        sha1Hashes.add(sha1Hex(plainPassword));
    }

    boolean contains(String sha1Hex) {
        return sha1Hashes.contains(sha1Hex.toLowerCase(Locale.ROOT));
    }

    static String sha1Hex(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
