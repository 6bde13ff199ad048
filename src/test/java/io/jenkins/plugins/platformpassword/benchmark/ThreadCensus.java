package io.jenkins.plugins.platformpassword.benchmark;

import java.lang.management.ManagementFactory;
import java.util.Map;
import java.util.TreeMap;

/**
 * Live threads of this JVM, with and without the simulator's server threads. The simulator runs
 * in the same JVM; its thread pool grows and shrinks with the requests it serves, which says
 * nothing about the client, so the verdict on threads leaves those threads out.
 */
record ThreadCensus(int total, int withoutSimulator, Map<String, Integer> groups) {

    /** Name prefixes of the simulator's threads: its request pool and com.sun.net.httpserver's own threads. */
    private static final String[] SIMULATOR_THREADS = {
        "platform-simulator-", "HTTP-Dispatcher", "server-timer", "idle-timeout-task"
    };

    static ThreadCensus take() {
        Map<String, Integer> groups = new TreeMap<>();
        int withoutSimulator = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (!thread.isAlive()) {
                continue;
            }
            String name = thread.getName();
            groups.merge(name.replaceAll("\\d+", "#"), 1, Integer::sum);
            if (!isSimulatorThread(name)) {
                withoutSimulator++;
            }
        }
        return new ThreadCensus(ManagementFactory.getThreadMXBean().getThreadCount(), withoutSimulator, groups);
    }

    /** Cheaper than {@link #take()}: the count without the simulator's threads only. */
    static int countWithoutSimulator() {
        int count = 0;
        for (Thread thread : Thread.getAllStackTraces().keySet()) {
            if (thread.isAlive() && !isSimulatorThread(thread.getName())) {
                count++;
            }
        }
        return count;
    }

    private static boolean isSimulatorThread(String name) {
        for (String prefix : SIMULATOR_THREADS) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return total + " (" + withoutSimulator + " without the simulator's)";
    }
}
