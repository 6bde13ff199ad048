package io.jenkins.plugins.platformpassword.simulator;

import java.util.Iterator;
import java.util.LinkedList;
import java.util.Optional;

/**
 * Faults waiting for their request: each applies once, to the next request whose path starts
 * with its prefix; faults for the same request path apply in the order they were queued.
 */
final class FaultQueue {

    private record Pending(String pathPrefix, Fault fault) {}

    private final LinkedList<Pending> pending = new LinkedList<>();

    synchronized void add(String pathPrefix, Fault fault) {
        pending.add(new Pending(pathPrefix, fault));
    }

    /** Removes and returns the oldest fault meant for this path, if any. */
    synchronized Optional<Fault> takeFor(String path) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending next = it.next();
            if (path.startsWith(next.pathPrefix())) {
                it.remove();
                return Optional.of(next.fault());
            }
        }
        return Optional.empty();
    }

    synchronized int size() {
        return pending.size();
    }

    synchronized void clear() {
        pending.clear();
    }
}
