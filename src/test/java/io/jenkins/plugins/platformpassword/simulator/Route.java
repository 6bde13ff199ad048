package io.jenkins.plugins.platformpassword.simulator;

import java.util.List;

/**
 * One method and path shape below {@code /api/2} and the endpoint serving it. In the shape,
 * {@code {}} stands for one non-empty path segment (an id), anything else must match exactly.
 */
record Route(String method, List<String> shape, Endpoint endpoint) {

    static final String ANY_ID = "{}";

    static Route of(String method, String shape, Endpoint endpoint) {
        return new Route(method, List.of(shape.split("/")), endpoint);
    }

    boolean matchesPath(List<String> segments) {
        if (segments.size() != shape.size()) {
            return false;
        }
        for (int i = 0; i < shape.size(); i++) {
            String expected = shape.get(i);
            String actual = segments.get(i);
            boolean matches = expected.equals(ANY_ID) ? !actual.isEmpty() : expected.equals(actual);
            if (!matches) {
                return false;
            }
        }
        return true;
    }
}
