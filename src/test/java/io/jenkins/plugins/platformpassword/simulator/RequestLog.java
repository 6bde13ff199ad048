package io.jenkins.plugins.platformpassword.simulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Every request received, in arrival order, for tests to assert on; and who wants to hear how each was answered. */
final class RequestLog {

    private final List<RecordedRequest> requests = new ArrayList<>();
    private final List<AnswerListener> listeners = new CopyOnWriteArrayList<>();

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

    void onAnswer(AnswerListener listener) {
        listeners.add(listener);
    }

    /** Not synchronized: listeners print, and one slow terminal must not hold up the other requests. */
    void answered(RecordedRequest request, int status, Duration took) {
        for (AnswerListener listener : listeners) {
            try {
                listener.answered(request, status, took);
            } catch (RuntimeException e) {
                // A broken listener must not turn into a dropped answer; the answer is already out.
            }
        }
    }
}
