package io.jenkins.plugins.platformpassword.client.transport;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * Networking properties as the JDK reads them: the system property if set, else the value in
 * the runtime's {@code conf/net.properties} (where, for example, Basic authentication for proxy
 * tunnels is disabled by default). The JDK reads most of them once, when its HTTP client starts;
 * reading them the same way tells the client what the JDK will do.
 */
final class JdkNetProperties {

    private static final Properties FILE = load();

    private JdkNetProperties() {}

    /** The value, or null when neither the system property nor net.properties sets it. */
    static String get(String name) {
        String value = System.getProperty(name);
        return value != null ? value : FILE.getProperty(name);
    }

    private static Properties load() {
        Properties properties = new Properties();
        Path file = Path.of(System.getProperty("java.home"), "conf", "net.properties");
        try (InputStream in = Files.newInputStream(file)) {
            properties.load(in);
        } catch (IOException | RuntimeException e) {
            // No such file (a trimmed runtime): then only system properties apply, as in the JDK.
        }
        return properties;
    }
}
