package io.jenkins.plugins.platformpassword.benchmark;

import java.net.http.HttpClient;

/** Closing a JDK HTTP client where the JDK can (21 and later); on 17 it ends when it is garbage collected. */
final class JdkClients {

    private JdkClients() {}

    static void close(HttpClient client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("cannot close an HttpClient", e);
            }
        }
    }
}
