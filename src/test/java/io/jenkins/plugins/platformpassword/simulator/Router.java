package io.jenkins.plugins.platformpassword.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Sends each request to the endpoint for its method and path: 404 (platform shape) for a path
 * the API does not have, 405 with {@code Allow} for a known path with another method.
 */
final class Router {

    private static final String API_PREFIX = "/api/2/";

    private final List<Route> routes;

    Router(List<Route> routes) {
        this.routes = List.copyOf(routes);
    }

    Answer answer(RecordedRequest recorded) {
        try {
            List<String> segments = segments(recorded.path());
            List<Route> forPath =
                    routes.stream().filter(r -> r.matchesPath(segments)).collect(Collectors.toList());
            if (forPath.isEmpty()) {
                throw notFound(recorded.path());
            }
            Route route = forPath.stream()
                    .filter(r -> r.method().equals(recorded.method()))
                    .findFirst()
                    .orElseThrow(() -> methodNotAllowed(recorded, forPath));
            return route.endpoint().answer(new IncomingRequest(recorded, segments));
        } catch (Rejection rejection) {
            return rejection.answer();
        }
    }

    /** The decoded segments below /api/2; a path outside it or with broken escapes is simply not found. */
    private static List<String> segments(String rawPath) throws Rejection {
        if (!rawPath.startsWith(API_PREFIX)) {
            throw notFound(rawPath);
        }
        List<String> segments = new ArrayList<>();
        for (String raw : rawPath.substring(API_PREFIX.length()).split("/", -1)) {
            try {
                segments.add(PercentDecoding.decode(raw, false));
            } catch (IllegalArgumentException e) {
                throw notFound(rawPath);
            }
        }
        return segments;
    }

    private static Rejection notFound(String path) {
        return PlatformError.notFound("Not Found.", "the API has no resource at " + path)
                .reject();
    }

    private static Rejection methodNotAllowed(RecordedRequest recorded, List<Route> forPath) {
        String allowed = forPath.stream().map(Route::method).distinct().collect(Collectors.joining(", "));
        return new Rejection(new PlatformError(
                        405,
                        405,
                        "Method Not Allowed.",
                        recorded.method() + " is not allowed on " + recorded.path() + "; allowed: " + allowed)
                .toAnswer()
                .withHeader("Allow", allowed));
    }
}
