package io.jenkins.plugins.platformpassword.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.Map;

/**
 * CPU time spent so far, read twice around a block of work: by the whole process, by the threads
 * of the simulator and of the latency front (the server side), and by the JIT compiler. The client
 * side is the process without the other two: the calling thread, every thread the JDK HTTP client
 * and the transport use (also short-lived ones, whose own CPU time cannot be read after they
 * ended), and the garbage collector. The server side is the same for every variant that sends the
 * same request, so it is left out of the client's cost rather than diluting it; the JIT is the
 * warm-up's cost, which a long-running controller does not pay per build.
 */
final class CpuClock {

    /** The server side: the simulator's Jetty threads and the latency front's. */
    private static final String[] SERVER_THREADS = {"platform-simulator", "latency-front-"};

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
    private static final OperatingSystemMXBean PROCESS =
            (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();

    private final long process;
    private final long jit;
    private final Map<Long, Long> serverThreads;

    private CpuClock(long process, long jit, Map<Long, Long> serverThreads) {
        this.process = process;
        this.jit = jit;
        this.serverThreads = serverThreads;
    }

    /** Nanoseconds of CPU: by the client side, by the whole process, and by the JIT (part of the process). */
    record Spent(long client, long process, long jit) {
        static final Spent NONE = new Spent(0, 0, 0);

        Spent plus(Spent other) {
            return new Spent(client + other.client, process + other.process, jit + other.jit);
        }
    }

    static void enable() {
        if (THREADS.isThreadCpuTimeSupported() && !THREADS.isThreadCpuTimeEnabled()) {
            THREADS.setThreadCpuTimeEnabled(true);
        }
    }

    static CpuClock start() {
        Map<Long, Long> server = serverThreadTimes();
        long jit = JitThreads.cpuNanos();
        return new CpuClock(PROCESS.getProcessCpuTime(), jit, server);
    }

    Spent end() {
        long processNow = PROCESS.getProcessCpuTime();
        long jitNow = JitThreads.cpuNanos();
        long server = 0;
        for (Map.Entry<Long, Long> now : serverThreadTimes().entrySet()) {
            server += now.getValue() - serverThreads.getOrDefault(now.getKey(), 0L);
        }
        long spent = processNow - process;
        long compiling = jitNow - jit;
        return new Spent(spent - server - compiling, spent, compiling);
    }

    private static Map<Long, Long> serverThreadTimes() {
        Map<Long, Long> times = new HashMap<>();
        for (ThreadInfo info : THREADS.getThreadInfo(THREADS.getAllThreadIds())) {
            if (info == null || !isServerThread(info.getThreadName())) {
                continue;
            }
            long time = THREADS.getThreadCpuTime(info.getThreadId());
            if (time >= 0) {
                times.put(info.getThreadId(), time);
            }
        }
        return times;
    }

    private static boolean isServerThread(String name) {
        for (String prefix : SERVER_THREADS) {
            if (name.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }
}
