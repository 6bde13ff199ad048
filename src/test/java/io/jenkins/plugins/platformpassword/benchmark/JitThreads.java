package io.jenkins.plugins.platformpassword.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time of the JIT compiler's threads, which the JVM hides from {@code ThreadMXBean}: read from
 * Linux's {@code /proc/self/task/<id>/schedstat} (nanoseconds on a CPU) for the tasks named like
 * HotSpot's compiler and code sweeper threads. Elsewhere it reads zero and nothing is subtracted.
 */
final class JitThreads {

    private static final Path TASKS = Path.of("/proc/self/task");
    private static final String[] NAMES = {"C1 CompilerThre", "C2 CompilerThre", "Sweeper thread"};

    private JitThreads() {}

    static boolean readable() {
        return Files.isDirectory(TASKS);
    }

    /** Nanoseconds of CPU of the compiler threads alive now; a thread that ended meanwhile is missed. */
    static long cpuNanos() {
        if (!readable()) {
            return 0;
        }
        long total = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(TASKS)) {
            for (Path task : tasks) {
                total += compilerCpu(task);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + TASKS, e);
        }
        return total;
    }

    private static long compilerCpu(Path task) {
        try {
            String name = Files.readString(task.resolve("comm")).strip();
            for (String prefix : NAMES) {
                if (name.startsWith(prefix)) {
                    return Long.parseLong(
                            Files.readString(task.resolve("schedstat")).strip().split(" ")[0]);
                }
            }
            return 0;
        } catch (IOException | RuntimeException e) {
            return 0; // the thread ended while it was read
        }
    }
}
