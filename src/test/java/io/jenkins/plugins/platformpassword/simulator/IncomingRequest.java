package io.jenkins.plugins.platformpassword.simulator;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A received request as the endpoints see it: the recorded request plus its path split into
 * decoded segments below {@code /api/2} (so {@code /api/2/users/42/password} has the segments
 * {@code users}, {@code 42}, {@code password}).
 */
final class IncomingRequest {

    private final RecordedRequest recorded;
    private final List<String> segments;

    IncomingRequest(RecordedRequest recorded, List<String> segments) {
        this.recorded = recorded;
        this.segments = List.copyOf(segments);
    }

    String method() {
        return recorded.method();
    }

    List<String> segments() {
        return segments;
    }

    String segment(int index) {
        return segments.get(index);
    }

    Optional<String> header(String name) {
        return recorded.header(name);
    }

    byte[] body() {
        return recorded.body();
    }

    /** The media type of the body without parameters, in lower case; empty when none was sent. */
    Optional<String> mediaType() {
        return header("Content-Type").map(value -> {
            int semicolon = value.indexOf(';');
            return (semicolon < 0 ? value : value.substring(0, semicolon))
                    .strip()
                    .toLowerCase(Locale.ROOT);
        });
    }

    /** The query parameters; a malformed query string is answered with a platform 400. */
    FormFields query() throws Rejection {
        try {
            return FormFields.parse(recorded.rawQuery());
        } catch (IllegalArgumentException e) {
            throw PlatformError.badRequest("Invalid query string.", e.getMessage())
                    .reject();
        }
    }
}
