package io.jenkins.plugins.platformpassword.client;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A plain-socket HTTP/1.1 server on 127.0.0.1 whose answers a test writes byte for byte: the
 * answers the simulator will not give, such as an invalid status line that echoes a header, a
 * header that echoes a secret, or a success body that echoes one. Connections are kept open for
 * well-formed answers, as a platform would, and closed after anything else.
 */
public final class HostileServer implements AutoCloseable {

    /** One received request; header names in lower case. */
    record Request(String method, String target, Map<String, String> headers, byte[] body) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return method + " " + target; // headers and body hold secrets
        }
    }

    /** Writes the whole answer, status line included, for one request. */
    @FunctionalInterface
    interface Responder {
        byte[] answer(Request request) throws IOException;
    }

    private final ServerSocket socket;
    private final Responder responder;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Thread acceptor;

    private HostileServer(Responder responder) throws IOException {
        this.socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.responder = responder;
        this.acceptor = new Thread(this::acceptLoop, "hostile-server-" + socket.getLocalPort());
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static HostileServer start(Responder responder) {
        try {
            return new HostileServer(responder);
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the hostile server", e);
        }
    }

    PlatformEndpoint endpoint() {
        return PlatformEndpoint.parse("http://127.0.0.1:" + socket.getLocalPort(), true);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    long requestsTo(String pathPart) {
        return requests.stream().filter(r -> r.target().contains(pathPart)).count();
    }

    /** A complete answer with a Content-Length; the connection stays open for the next request. */
    static byte[] answer(int status, String contentType, String body) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("HTTP/1.1 " + status + " Status\r\n");
        if (contentType != null) {
            head.append("Content-Type: ").append(contentType).append("\r\n");
        }
        head.append("Content-Length: ").append(bytes.length).append("\r\n" + KEEP_ALIVE + "\r\n\r\n");
        return concat(head.toString().getBytes(StandardCharsets.UTF_8), bytes);
    }

    static byte[] json(int status, String body) {
        return answer(status, "application/json", body);
    }

    /** Marks the answers after which the connection may serve another request. */
    private static final String KEEP_ALIVE = "Keep-Alive: timeout=5";

    /** Bytes exactly as given: for status lines and headers no well-behaved server would send; the connection then closes. */
    static byte[] raw(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] all = new byte[first.length + second.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        return all;
    }

    private void acceptLoop() {
        while (!socket.isClosed()) {
            try {
                Socket connection = socket.accept();
                Thread handler = new Thread(() -> serve(connection), "hostile-connection");
                handler.setDaemon(true);
                handler.start();
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void serve(Socket connection) {
        try (connection) {
            connection.setSoTimeout(5000);
            InputStream in = connection.getInputStream();
            OutputStream out = connection.getOutputStream();
            while (true) {
                Request request = read(in);
                if (request == null) {
                    return;
                }
                requests.add(request);
                byte[] answer = responder.answer(request);
                out.write(answer);
                out.flush();
                if (!new String(answer, StandardCharsets.ISO_8859_1).contains(KEEP_ALIVE)) {
                    connection.shutdownOutput();
                    // Let the client read the answer before the socket goes away.
                    while (in.read() != -1) {
                        // drain until the client closes
                    }
                    return;
                }
            }
        } catch (IOException e) {
            // the client gave up on the connection: nothing to answer any more
        }
    }

    private static Request read(InputStream in) throws IOException {
        String head = readHead(in);
        if (head == null) {
            return null;
        }
        String[] lines = head.split("\r\n");
        String[] requestLine = lines[0].split(" ");
        Map<String, String> headers = new LinkedHashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).strip().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).strip());
            }
        }
        byte[] body;
        if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = readChunked(in);
        } else {
            int length = Integer.parseInt(headers.getOrDefault("content-length", "0"));
            body = in.readNBytes(length);
        }
        return new Request(requestLine[0], requestLine.length > 1 ? requestLine[1] : "", headers, body);
    }

    private static String readHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            String text = head.size() >= 4 ? head.toString(StandardCharsets.ISO_8859_1) : "";
            if (text.endsWith("\r\n\r\n")) {
                return text.substring(0, text.length() - 4);
            }
        }
        return null;
    }

    private static byte[] readChunked(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            int size = Integer.parseInt(sizeLine.split(";")[0].strip(), 16);
            if (size == 0) {
                readLine(in);
                return body.toByteArray();
            }
            body.write(in.readNBytes(size));
            readLine(in);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        List<Byte> bytes = new ArrayList<>();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                bytes.add((byte) b);
            }
        }
        byte[] line = new byte[bytes.size()];
        for (int i = 0; i < line.length; i++) {
            line[i] = bytes.get(i);
        }
        return new String(line, StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to release
        }
    }
}
