package io.jenkins.plugins.platformpassword.simulator;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * An HTTP proxy on 127.0.0.1 that only tunnels ({@code CONNECT}) and only for a user name and
 * password sent as {@code Proxy-Authorization: Basic ...} (other requests get 407 without them,
 * 405 with them), as the proxies in front of many
 * Jenkins controllers do. Without the right credentials it answers 407 with a
 * {@code Proxy-Authenticate} challenge and a body that echoes the credentials it got, so that
 * tests can prove the client never quotes them. Tunnels go to 127.0.0.1 only.
 */
public final class ConnectProxy implements AutoCloseable {

    /** One request (a CONNECT, normally) as the proxy received it. */
    public record ConnectRequest(String target, Optional<String> proxyAuthorization, boolean accepted) {
        @Override
        public String toString() {
            return "CONNECT " + target + (accepted ? " accepted" : " refused"); // the credentials stay out
        }
    }

    private final String expectedAuthorization;
    private final ServerSocket socket;
    private final ExecutorService threads;
    private final List<ConnectRequest> requests = new CopyOnWriteArrayList<>();
    private final List<Socket> open = new CopyOnWriteArrayList<>();
    /** The status an authorised CONNECT gets instead of a tunnel, or 0 to tunnel. */
    private volatile int tunnelRefusal;

    private ConnectProxy(String user, String password) throws IOException {
        this.expectedAuthorization =
                "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.threads = Executors.newCachedThreadPool(PlatformSimulator.daemonThreads("connect-proxy"));
        threads.execute(this::acceptAll);
    }

    /** Starts a proxy that accepts exactly this user name and password. */
    public static ConnectProxy start(String user, String password) {
        try {
            return new ConnectProxy(user, password);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the test proxy", e);
        }
    }

    public int port() {
        return socket.getLocalPort();
    }

    /**
     * From now on, answers every authorised CONNECT with this status instead of opening the tunnel,
     * as a proxy does whose policy forbids the host (403) or that cannot reach it (502).
     */
    public void refuseTunnelsWith(int status) {
        tunnelRefusal = status;
    }

    /** Every CONNECT so far, in order. */
    public List<ConnectRequest> requests() {
        return List.copyOf(requests);
    }

    private void acceptAll() {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                open.add(client);
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            while (true) {
                List<String> head = readHead(in);
                if (head.isEmpty()) {
                    return;
                }
                String[] requestLine = head.get(0).split(" ");
                Optional<String> authorization = header(head, "proxy-authorization");
                String target = requestLine.length < 2 ? "" : requestLine[1];
                boolean accepted =
                        authorization.filter(expectedAuthorization::equals).isPresent();
                requests.add(new ConnectRequest(target, authorization, accepted));
                if (!accepted) {
                    String body = "<html><body>Proxy authentication required. You sent: "
                            + authorization.orElse("nothing") + "</body></html>";
                    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                    write(
                            out,
                            "HTTP/1.1 407 Proxy Authentication Required\r\n"
                                    + "Proxy-Authenticate: Basic realm=\"test proxy\"\r\n"
                                    + "Content-Type: text/html\r\nContent-Length: " + bytes.length + "\r\n\r\n");
                    out.write(bytes);
                    out.flush();
                    continue; // a client may try again on the same connection
                }
                if (!requestLine[0].equals("CONNECT")) {
                    // Plain-http requests (absolute URIs) are not forwarded; only their credentials are checked.
                    write(out, "HTTP/1.1 405 Method Not Allowed\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                    return;
                }
                tunnel(client, target);
                return;
            }
        } catch (IOException e) {
            // the client or the target went away
        }
    }

    private void tunnel(Socket client, String target) throws IOException {
        int refusal = tunnelRefusal;
        if (refusal != 0) {
            write(client.getOutputStream(), "HTTP/1.1 " + refusal + " Refused\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        int colon = target.lastIndexOf(':');
        String host = target.substring(0, colon);
        if (!host.equals("127.0.0.1") && !host.equals("localhost")) {
            write(client.getOutputStream(), "HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n");
            return;
        }
        try (Socket upstream = new Socket()) {
            upstream.connect(new InetSocketAddress(
                    InetAddress.getLoopbackAddress(), Integer.parseInt(target.substring(colon + 1))));
            open.add(upstream);
            write(client.getOutputStream(), "HTTP/1.1 200 Connection Established\r\n\r\n");
            threads.execute(() -> pipe(upstream, client));
            pipe(client, upstream);
        }
    }

    private static void pipe(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try {
            InputStream in = from.getInputStream();
            OutputStream out = to.getOutputStream();
            int n;
            while ((n = in.read(buffer)) != -1) {
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed
        } finally {
            try {
                to.shutdownOutput();
            } catch (IOException e) {
                // already closed
            }
        }
    }

    /** The request line and headers up to the empty line; empty at the end of the stream. */
    private static List<String> readHead(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.ISO_8859_1).stripTrailing();
                line.reset();
                if (text.isEmpty()) {
                    return lines;
                }
                lines.add(text);
            } else {
                line.write(b);
            }
        }
        return List.of();
    }

    private static Optional<String> header(List<String> head, String name) {
        return head.stream()
                .skip(1)
                .filter(h -> h.toLowerCase(Locale.ROOT).startsWith(name + ":"))
                .map(h -> h.substring(name.length() + 1).trim())
                .findFirst();
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // closing anyway
        }
        for (Socket each : open) {
            try {
                each.close();
            } catch (IOException e) {
                // closing anyway
            }
        }
        threads.shutdownNow();
    }
}
