package io.jenkins.plugins.platformpassword.client.transport;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Detects the JDK HTTP client's own debug logging, which writes request headers (the Basic
 * credentials and the bearer token) to the log when turned on with a system property. No
 * setting of this plugin can stop the JDK from doing that, so the client refuses to send
 * anything while it is on, and says which property to remove.
 */
public final class JdkHttpDebugLogging {

    /** Values of {@code jdk.httpclient.HttpClient.log} that print headers or bodies. */
    private static final Set<String> LEAKING_LOG_VALUES = Set.of("all", "headers", "content", "frames", "trace");

    private static final String[] DEBUG_SWITCHES = {
        "jdk.internal.httpclient.debug",
        "jdk.internal.httpclient.hpack.debug",
        "jdk.internal.httpclient.websocket.debug",
    };

    private static final String HPACK_LOG_LEVEL = "jdk.internal.httpclient.hpack.log.level";

    /** The levels of {@link #HPACK_LOG_LEVEL} the JDK knows besides NONE. */
    private static final Set<String> HPACK_LEAKING_LEVELS = Set.of("NORMAL", "EXTRA");

    private JdkHttpDebugLogging() {}

    /** The offending system property and its value, if one is set. */
    public static Optional<String> leakingSetting() {
        // The JDK reads this one from net.properties too.
        String log = JdkNetProperties.get("jdk.httpclient.HttpClient.log");
        if (log != null) {
            for (String value : log.toLowerCase(Locale.ROOT).split("[,:\\s]+")) {
                // The JDK turns frame logging on for any value that starts with "frames".
                if (LEAKING_LOG_VALUES.contains(value) || value.startsWith("frames")) {
                    return Optional.of("jdk.httpclient.HttpClient.log=" + log);
                }
            }
        }
        String tls = System.getProperty("javax.net.debug");
        if (tlsDebugDumpsPlaintext(tls)) {
            // The JDK's TLS debugging dumps decrypted records: headers and the password body.
            return Optional.of("javax.net.debug=" + tls);
        }
        String hpack = System.getProperty(HPACK_LOG_LEVEL);
        // The HTTP/2 header encoder prints every header it encodes (Authorization among them) to System.err at
        // these levels, by raising its own logger; the JDK upper-cases the value before looking it up.
        if (hpack != null && HPACK_LEAKING_LEVELS.contains(hpack.toUpperCase(Locale.ROOT))) {
            return Optional.of(HPACK_LOG_LEVEL + "=" + hpack);
        }
        for (String name : DEBUG_SWITCHES) {
            String value = System.getProperty(name);
            if (value != null && !value.equalsIgnoreCase("false")) {
                return Optional.of(name + "=" + value);
            }
        }
        return Optional.empty();
    }

    /**
     * Whether the JDK's TLS logger (sun.security.ssl.SSLLogger, the same rules in Java 17 and 25)
     * dumps record plaintext for this {@code javax.net.debug} value. An empty value hands every
     * message, plaintext included, to the {@code javax.net.ssl} System.Logger, which Jenkins' log
     * recorders can capture. Otherwise the value is lower-cased (English rules) and searched, not
     * parsed: "all" or "plaintext" anywhere in it turns the dump on ("ssl" alone leaves it off).
     */
    static boolean tlsDebugDumpsPlaintext(String value) {
        if (value == null) {
            return false;
        }
        if (value.isEmpty()) {
            return true;
        }
        String options = value.toLowerCase(Locale.ENGLISH);
        return options.contains("all") || options.contains("plaintext");
    }
}
