package io.jenkins.plugins.platformpassword.simulator;

import com.google.gson.JsonElement;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/** A complete HTTP answer the simulator gives, and how it goes on the wire. */
final class Answer {

    static final String JSON = "application/json";

    private final int status;
    private final Map<String, String> headers;
    private final byte[] body;

    private Answer(int status, Map<String, String> headers, byte[] body) {
        this.status = status;
        this.headers = headers;
        this.body = body;
    }

    static Answer json(int status, JsonElement json) {
        return of(status, JSON, Json.toBytes(json));
    }

    /** 204: the only success of the password endpoint, with no body and no Content-Type. */
    static Answer noContent() {
        return new Answer(204, new LinkedHashMap<>(), new byte[0]);
    }

    /** Any body with any content type ({@code null} sends no Content-Type header). */
    static Answer of(int status, String contentType, byte[] body) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (contentType != null) {
            headers.put("Content-Type", contentType);
        }
        return new Answer(status, headers, body);
    }

    static Answer of(int status, String contentType, String body) {
        return of(status, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    Answer withHeader(String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return new Answer(status, more, body);
    }

    int status() {
        return status;
    }

    /** Sends status, headers and the whole body with a Content-Length, then ends the exchange. */
    void send(HttpExchange exchange) throws IOException {
        headers.forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
        // -1 tells the JDK server there is no body at all, which 204 requires.
        boolean noBody = body.length == 0 || status == 204 || status == 304;
        exchange.sendResponseHeaders(status, noBody ? -1 : body.length);
        if (!noBody) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        exchange.close();
    }
}
