package io.jenkins.plugins.platformpassword.simulator;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One request exactly as the simulator received it, before any fault or rule applied.
 *
 * @param method   the HTTP method, e.g. {@code POST}
 * @param path     the path as sent on the wire, still percent-encoded, e.g. {@code /api/2/users/…/password}
 * @param rawQuery the query string as sent, without {@code ?}; {@code null} when the request had none
 * @param headers  the request headers, names in lower case
 * @param body     the request body bytes (empty when there was none)
 * @param protocol   the protocol the request came in, e.g. {@code HTTP/1.1} or {@code HTTP/2.0}
 * @param clientPort the client's port: requests with the same one came over the same connection
 */
public record RecordedRequest(
        String method,
        String path,
        String rawQuery,
        Map<String, List<String>> headers,
        byte[] body,
        String protocol,
        int clientPort) {

    /** A request over HTTP/1.1 from an unknown port. */
    public RecordedRequest(
            String method, String path, String rawQuery, Map<String, List<String>> headers, byte[] body) {
        this(method, path, rawQuery, headers, body, "HTTP/1.1", 0);
    }

    public RecordedRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(path, "path");
        headers = lowerCaseCopy(headers);
        body = body == null ? new byte[0] : body.clone();
    }

    /** A copy, so that a test cannot change what the log holds. */
    @Override
    public byte[] body() {
        return body.clone();
    }

    /** The body decoded as UTF-8 (malformed bytes become U+FFFD). */
    public String bodyAsString() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The first value of a header, its name in any case. */
    public Optional<String> header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }

    /** Compares the body by content, not by array identity as a record would. */
    @Override
    public boolean equals(Object other) {
        return other instanceof RecordedRequest that
                && method.equals(that.method)
                && path.equals(that.path)
                && Objects.equals(rawQuery, that.rawQuery)
                && headers.equals(that.headers)
                && Arrays.equals(body, that.body);
    }

    @Override
    public int hashCode() {
        return Objects.hash(method, path, rawQuery, headers, Arrays.hashCode(body));
    }

    /** Says what was sent without its body or headers, which may hold secrets. */
    @Override
    public String toString() {
        return method + " " + path + (rawQuery == null ? "" : "?" + rawQuery) + " (" + body.length + " body bytes)";
    }

    private static Map<String, List<String>> lowerCaseCopy(Map<String, List<String>> headers) {
        Map<String, List<String>> copy = new LinkedHashMap<>();
        if (headers != null) {
            headers.forEach((name, values) ->
                    copy.merge(name.toLowerCase(Locale.ROOT), List.copyOf(values), (first, second) -> {
                        List<String> merged = new ArrayList<>(first);
                        merged.addAll(second);
                        return List.copyOf(merged);
                    }));
        }
        return Collections.unmodifiableMap(copy);
    }
}
