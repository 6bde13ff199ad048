package io.jenkins.plugins.platformpassword.client;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/**
 * Run in a JVM of its own by {@link JdkTlsDebugRulesTest}: one TLS exchange over loopback whose
 * request and answer carry {@link #MARKER}, with whatever {@code javax.net.debug} the JVM was
 * started with. Arguments: the server's PKCS12 key store, the client's PKCS12 trust store, and
 * their (test) password. The parent reads the output for the JDK's plaintext dumps.
 */
public final class TlsDebugProbe {

    static final String MARKER = "probe-plaintext-marker";

    private TlsDebugProbe() {}

    public static void main(String[] args) throws Exception {
        char[] password = args[2].toCharArray();
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(load(args[0], password), password);
        SSLContext server = SSLContext.getInstance("TLS");
        server.init(keys.getKeyManagers(), null, null);
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(load(args[1], password));
        SSLContext client = SSLContext.getInstance("TLS");
        client.init(null, trust.getTrustManagers(), null);
        try (SSLServerSocket listening = (SSLServerSocket)
                server.getServerSocketFactory().createServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Thread answering = new Thread(() -> {
                try (SSLSocket accepted = (SSLSocket) listening.accept()) {
                    InputStream in = accepted.getInputStream();
                    byte[] request = in.readNBytes(MARKER.length());
                    OutputStream out = accepted.getOutputStream();
                    out.write(request);
                    out.flush();
                } catch (Exception e) {
                    e.printStackTrace();
                }
            });
            answering.start();
            try (SSLSocket socket = (SSLSocket) client.getSocketFactory()
                    .createSocket(InetAddress.getLoopbackAddress(), listening.getLocalPort())) {
                socket.getOutputStream().write(MARKER.getBytes(StandardCharsets.US_ASCII));
                socket.getOutputStream().flush();
                byte[] echoed = socket.getInputStream().readNBytes(MARKER.length());
                System.out.println("probe done: " + new String(echoed, StandardCharsets.US_ASCII).equals(MARKER));
            }
            answering.join();
        }
    }

    private static KeyStore load(String file, char[] password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(file))) {
            store.load(in, password);
        }
        return store;
    }
}
