package io.jenkins.plugins.platformpassword.client;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Detects the JDK HTTP client's own debug logging, which writes request headers (the Basic
 * credentials and the bearer token) to the log when turned on with a system property. No
 * setting of this plugin can stop the JDK from doing that, so the client refuses to send
 * anything while it is on, and says which property to remove.
 */
final class JdkHttpDebugLogging {

    /** Values of {@code jdk.httpclient.HttpClient.log} that print headers or bodies. */
    private static final Set<String> LEAKING_LOG_VALUES = Set.of("all", "headers", "content", "frames", "trace");

    private static final String[] DEBUG_SWITCHES = {
        "jdk.internal.httpclient.debug",
        "jdk.internal.httpclient.hpack.debug",
        "jdk.internal.httpclient.websocket.debug",
    };

    private JdkHttpDebugLogging() {}

    /** The offending system property and its value, if one is set. */
    static Optional<String> leakingSetting() {
        String log = System.getProperty("jdk.httpclient.HttpClient.log");
        if (log != null) {
            for (String value : log.toLowerCase(Locale.ROOT).split("[,:\\s]+")) {
                if (LEAKING_LOG_VALUES.contains(value)) {
                    return Optional.of("jdk.httpclient.HttpClient.log=" + log);
                }
            }
        }
        String tls = System.getProperty("javax.net.debug");
        if (tls != null
                && (tls.toLowerCase(Locale.ROOT).contains("all")
                        || tls.toLowerCase(Locale.ROOT).contains("plaintext"))) {
            // The JDK's TLS debugging dumps decrypted records: headers and the password body.
            return Optional.of("javax.net.debug=" + tls);
        }
        for (String name : DEBUG_SWITCHES) {
            String value = System.getProperty(name);
            if (value != null && !value.equalsIgnoreCase("false")) {
                return Optional.of(name + "=" + value);
            }
        }
        return Optional.empty();
    }
}
