package io.jenkins.plugins.platformpassword.simulator;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link PlatformSimulator#main} as a person runs it: in a JVM of its own, so that exit statuses,
 * stdout and stderr are the real ones, and the printed commands run in a real bash with curl.
 * The other simulator tests run the same code in-process; this one proves the wiring of main.
 */
class SimulatorMainTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String READY = "Platform simulator ready at ";
    private static final String LOG_TIME = "\\d\\d:\\d\\d:\\d\\d\\.\\d{3} ";
    private static final Pattern TOKEN_LOG_LINE = Pattern.compile(LOG_TIME + "POST /api/2/idp/token 200 \\d+ ms");

    @TempDir
    Path temp;

    private record Finished(int status, String out, String err) {}

    /**
     * The classpath goes in a JDK argument file: the real build's test classpath is long enough
     * to pass Windows' limit on a command line.
     */
    private ProcessBuilder simulator(String... args) throws IOException {
        Path argFile = temp.resolve("classpath.args");
        String classpath = System.getProperty("java.class.path");
        // In an argument file a quoted argument may hold spaces; backslashes in it are escapes.
        Files.writeString(argFile, "-cp \"" + classpath.replace("\\", "\\\\") + "\"", StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "@" + argFile,
                PlatformSimulator.class.getName()));
        command.addAll(List.of(args));
        return new ProcessBuilder(command);
    }

    private Finished runToEnd(String... args) throws Exception {
        Path out = temp.resolve("out.txt");
        Path err = temp.resolve("err.txt");
        Process process = simulator(args)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        try {
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS))
                    .as("the simulator ended by itself")
                    .isTrue();
        } finally {
            process.destroyForcibly();
        }
        return new Finished(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static void assertNoStackTrace(String output) {
        assertThat(output).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void helpPrintsTheOptionsAndExitsZero() throws Exception {
        Finished run = runToEnd("--help");

        assertThat(run.status()).isZero();
        assertThat(run.out()).contains("--port N", "--log", "--help");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void aMalformedPortIsOneLineNamingItAndTheUsageWithStatusTwo() throws Exception {
        Finished run = runToEnd("--port", "abc");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().findFirst())
                .hasValue("platform simulator: --port expects a number from 0 to 65535, not 'abc'");
        assertThat(run.err()).contains("Usage: PlatformSimulator [--port N] [--log] [--help]");
        assertNoStackTrace(run.err());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnknownOptionDoesNotStartAServer() throws Exception {
        Finished run = runToEnd("--port", "0", "--frobnicate");

        assertThat(run.status()).isEqualTo(2);
        assertThat(run.err().lines().findFirst()).hasValue("platform simulator: unknown option '--frobnicate'");
        assertNoStackTrace(run.err());
        assertThat(run.out()).doesNotContain(READY);
    }

    /** The whole first try: start, paste the printed commands into bash, watch the log, stop. */
    @Test
    void thePrintedCommandsWorkInBashAndTheLogShowsThem() throws Exception {
        // Stdout goes to a file: reading a pipe races with the JDK closing it when the process exits.
        OutputFile out = new OutputFile(temp.resolve("out.txt"));
        Process process = simulator("--port", "0", "--log")
                .redirectOutput(out.path.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try {
            List<String> printed = out.takeUntil(line -> line.startsWith(READY));
            String ready = printed.get(printed.size() - 1);
            assertThat(ready)
                    .matches("Platform simulator ready at http://127\\.0\\.0\\.1:\\d+ \\(Ctrl\\+C stops it\\)");

            List<String> commands = printed.stream()
                    .filter(line -> line.startsWith("  TOKEN=$(curl ") || line.startsWith("  curl "))
                    .toList();
            assertThat(commands).hasSize(3);
            List<String> bashOutput = Bash.run(String.join("\n", commands));
            assertThat(bashOutput.get(0)).isEqualTo("204");
            assertThat(bashOutput.get(bashOutput.size() - 1)).isEqualTo("403");
            assertThat(String.join("\n", bashOutput)).contains("\"error\"");

            // A line is printed once its answer is out, so curl may be quicker than the log: any order.
            List<String> log = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                log.addAll(out.takeUntil(line -> true));
            }
            assertThat(log)
                    .as("the request log")
                    .anyMatch(line -> TOKEN_LOG_LINE.matcher(line).matches())
                    .anyMatch(line -> line.matches(LOG_TIME + "POST /api/2/users/[0-9a-f-]{36}/password 204 \\d+ ms"))
                    .anyMatch(line -> line.matches(LOG_TIME + "POST /api/2/users/[0-9a-f-]{36}/password 403 \\d+ ms"));

            process.destroy(); // SIGTERM, which like Ctrl+C's SIGINT runs the shutdown hook
            assertThat(process.waitFor(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
            out.takeUntil(line -> line.equals("Platform simulator stopped."));
        } finally {
            process.destroyForcibly();
        }
    }

    /** A file another process writes lines to, read line by line as they complete. */
    private static final class OutputFile {

        private final Path path;
        private int consumed;

        OutputFile(Path path) {
            this.path = path;
        }

        /** The new lines up to and including the first that matches; fails after {@link #PATIENCE}. */
        List<String> takeUntil(Predicate<String> wanted) throws IOException, InterruptedException {
            List<String> taken = new ArrayList<>();
            long end = System.nanoTime() + PATIENCE.toNanos();
            while (System.nanoTime() < end) {
                List<String> complete = completeLines();
                while (consumed < complete.size()) {
                    String line = complete.get(consumed++);
                    taken.add(line);
                    if (wanted.test(line)) {
                        return taken;
                    }
                }
                Thread.sleep(20);
            }
            throw new AssertionError("no such line within " + PATIENCE + "; got " + taken);
        }

        private List<String> completeLines() throws IOException {
            String text = Files.exists(path) ? Files.readString(path, StandardCharsets.UTF_8) : "";
            return text.substring(0, text.lastIndexOf('\n') + 1).lines().toList();
        }
    }
}
