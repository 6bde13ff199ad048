package io.jenkins.plugins.platformpassword.simulator;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.UUID;

/** Ids, secrets and tokens that look like the platform's and cannot be guessed by a test by accident. */
final class RandomValues {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomValues() {}

    /** A random UUID in lower case, as the platform writes ids. */
    static String uuid() {
        return UUID.randomUUID().toString().toLowerCase(Locale.ROOT);
    }

    /** 32 hex digits, the shape of the platform's generated client secrets. */
    static String secret() {
        return HexFormat.of().formatHex(bytes(16));
    }

    /** An opaque token: the platform's are JWTs, but clients must not look inside them. */
    static String token() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
