package io.jenkins.plugins.platformpassword.simulator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

/** The command behind {@link PlatformSimulator#main}, in-process; {@link SimulatorMainTest} runs main itself. */
class SimulatorCommandTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final SimulatorCommand command = new SimulatorCommand(utf8(out), utf8(err));
    private final AtomicReference<PlatformSimulator> started = new AtomicReference<>();

    private static PrintStream utf8(ByteArrayOutputStream bytes) {
        return new PrintStream(bytes, true, StandardCharsets.UTF_8);
    }

    private static List<String> lines(ByteArrayOutputStream bytes) {
        return bytes.toString(StandardCharsets.UTF_8).lines().toList();
    }

    /** Runs the command; while the simulator runs, does what the test says and remembers the simulator. */
    private int run(SimulatorCommand.WhileRunning whileRunning, String... args) throws InterruptedException {
        return command.run(args, simulator -> {
            started.set(simulator);
            whileRunning.accept(simulator);
        });
    }

    private int run(String... args) throws InterruptedException {
        return run(simulator -> {}, args);
    }

    @Test
    void helpGoesToStdoutAndStartsNothing() throws Exception {
        assertThat(run("--help")).isEqualTo(SimulatorCommand.EXIT_OK);

        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo(SimulatorOptions.USAGE + System.lineSeparator());
        assertThat(err.size()).isZero();
        assertThat(started).hasNullValue();
    }

    @Test
    void aBadOptionIsOneLineNamingItThenTheUsageOnStderr() throws Exception {
        assertThat(run("--port", "abc")).isEqualTo(SimulatorCommand.EXIT_USAGE);

        List<String> errors = lines(err);
        assertThat(errors.get(0)).isEqualTo("platform simulator: --port expects a number from 0 to 65535, not 'abc'");
        assertThat(errors.subList(1, errors.size()))
                .containsExactlyElementsOf(SimulatorOptions.USAGE.lines().toList());
        assertThat(out.size()).isZero();
        assertThat(started).hasNullValue();
    }

    @Test
    void aTakenPortIsOneLineSayingWhatToDo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            int port = taken.getLocalPort();

            assertThat(run("--port", String.valueOf(port))).isEqualTo(SimulatorCommand.EXIT_CANNOT_START);

            assertThat(lines(err))
                    .containsExactly("platform simulator: cannot listen on 127.0.0.1:" + port
                            + " (Address already in use); stop what uses that port or choose another with --port N"
                            + " (0 picks a free one)");
        }
        assertThat(out.size()).isZero();
        assertThat(started).hasNullValue();
    }

    @Test
    void theReadyLineComesLastAndTheSimulatorStopsWhenTheCallerIsDone() throws Exception {
        assertThat(run("--port", "0")).isEqualTo(SimulatorCommand.EXIT_OK);

        URI url = started.get().dataCenterUrl();
        assertThat(url.getPort()).isPositive();
        List<String> printed = lines(out);
        assertThat(printed.get(printed.size() - 1))
                .isEqualTo("Platform simulator ready at " + url + " (Ctrl+C stops it)");
        assertThat(printed).contains("Request log: off (start with --log to print a line per request).");
        assertThatThrownBy(() -> new Socket(url.getHost(), url.getPort()).close())
                .isInstanceOf(ConnectException.class);
    }

    @Test
    void printsTheFactsAPersonNeeds() throws Exception {
        run("--port", "0");

        String url = started.get().dataCenterUrl().toString();
        assertThat(lines(out))
                .contains(
                        "  Data center URL    " + url,
                        "  API client id      de300000-0000-4000-8000-0000000000c1",
                        "  API client secret  de305ec7e7f4b2a9c81d6e3f5a7b9c2d",
                        "    demo-user        de300000-0000-4000-8000-000000000011",
                        "    backup-operator  de300000-0000-4000-8000-000000000012",
                        "    partner-admin    de300000-0000-4000-8000-000000000021")
                .anyMatch(line -> line.startsWith("Demo values, fixed: the same on every start"))
                .anyMatch(line -> line.contains("the platform refuses to change its password: 403"));
    }

    /** As printed, in bash, with curl: the change works for demo-user and is refused for partner-admin. */
    @Test
    void thePrintedCommandsChangeOnePasswordAndAreRefusedTheOther() throws Exception {
        AtomicReference<List<String>> bashOutput = new AtomicReference<>();
        run(
                simulator -> {
                    List<String> commands = lines(out).stream()
                            .filter(line -> line.startsWith("  TOKEN=$(curl ") || line.startsWith("  curl "))
                            .toList();
                    bashOutput.set(bash(String.join("\n", commands)));
                    assertThat(simulator.passwordOf(DemoPlatform.DEMO_USER.id()))
                            .hasValue(DemoInstructions.NEW_PASSWORD);
                    assertThat(simulator.passwordChangeCount(DemoPlatform.PARTNER_ADMIN.id()))
                            .isZero();
                    assertThat(simulator.requestCount("POST", "/api/2/idp/token"))
                            .isEqualTo(1);
                },
                "--port",
                "0");

        List<String> output = bashOutput.get();
        assertThat(output).hasSize(3);
        assertThat(output.get(0)).isEqualTo("204");
        assertThat(output.get(1))
                .startsWith("{\"error\":{\"code\":1002,")
                .contains("Password can be changed only for user accounts located in sub-tenants.");
        assertThat(output.get(2)).isEqualTo("403");
    }

    private static List<String> bash(String script) throws InterruptedException {
        try {
            return Bash.run(script);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
