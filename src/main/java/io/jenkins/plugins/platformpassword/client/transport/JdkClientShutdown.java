package io.jenkins.plugins.platformpassword.client.transport;

import java.lang.reflect.Method;
import java.net.http.HttpClient;

/**
 * Ends a JDK HTTP client's connections and selector thread at once where the JDK can (Java 21 and
 * later have {@code HttpClient.shutdownNow()}); on Java 17 they end when the client is garbage
 * collected. Looked up by name because the client is compiled for Java 17.
 */
final class JdkClientShutdown {

    private static final Method SHUTDOWN_NOW = find();

    private JdkClientShutdown() {}

    private static Method find() {
        try {
            return HttpClient.class.getMethod("shutdownNow");
        } catch (NoSuchMethodException e) {
            return null; // Java 17
        }
    }

    static void shutdownNow(HttpClient client) {
        if (SHUTDOWN_NOW == null) {
            return;
        }
        try {
            SHUTDOWN_NOW.invoke(client);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // Closing is best effort: the client is unreachable from here on and ends when collected.
        }
    }
}
