package io.jenkins.plugins.platformpassword.simulator;

import java.util.ArrayList;
import java.util.List;

/** Every request received, in arrival order, for tests to assert on. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();

    synchronized void add(RecordedRequest request) {
        requests.add(request);
    }

    synchronized List<RecordedRequest> snapshot() {
        return List.copyOf(requests);
    }

    synchronized long count(String method, String pathPrefix) {
        return requests.stream()
                .filter(r -> r.method().equalsIgnoreCase(method) && r.path().startsWith(pathPrefix))
                .count();
    }

    synchronized void clear() {
        requests.clear();
    }
}
