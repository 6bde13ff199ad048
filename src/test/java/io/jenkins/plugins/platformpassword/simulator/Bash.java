package io.jenkins.plugins.platformpassword.simulator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs lines exactly as a person would paste them into bash, for the tests of the printed
 * commands. No curl here means a failed test, not a skipped one: CI installs it (.ci/run).
 */
final class Bash {

    private static final long TIMEOUT_SECONDS = 30;

    private Bash() {}

    /** The script's stdout lines; fails when bash does not end in time or ends with an error. */
    static List<String> run(String script) throws IOException, InterruptedException {
        Path out = Files.createTempFile("bash-out", ".txt");
        Path err = Files.createTempFile("bash-err", ".txt");
        try {
            Process bash;
            try {
                bash = new ProcessBuilder(executable(), "-c", script)
                        .redirectOutput(out.toFile())
                        .redirectError(err.toFile())
                        .start();
            } catch (IOException e) {
                throw new AssertionError("bash is needed to run the simulator's printed commands: " + e.getMessage());
            }
            if (!bash.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                bash.destroyForcibly();
                throw new AssertionError("bash did not end within " + TIMEOUT_SECONDS + " s");
            }
            String errors = Files.readString(err, StandardCharsets.UTF_8);
            if (bash.exitValue() != 0 || !errors.isEmpty()) {
                throw new AssertionError("bash ended with status " + bash.exitValue() + " and stderr: " + errors);
            }
            return Files.readString(out, StandardCharsets.UTF_8).lines().toList();
        } finally {
            Files.deleteIfExists(out);
            Files.deleteIfExists(err);
        }
    }

    /** bash from the PATH; on Windows, where the PATH seldom has it, Git for Windows' bash when installed. */
    private static String executable() {
        if (System.getProperty("os.name").startsWith("Windows")) {
            String programFiles = System.getenv().getOrDefault("ProgramFiles", "C:\\Program Files");
            Path gitBash = Path.of(programFiles, "Git", "bin", "bash.exe");
            if (Files.isExecutable(gitBash)) {
                return gitBash.toString();
            }
        }
        return "bash";
    }
}
