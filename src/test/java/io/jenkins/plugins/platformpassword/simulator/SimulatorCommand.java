package io.jenkins.plugins.platformpassword.simulator;

import java.io.PrintStream;
import java.io.UncheckedIOException;

/**
 * What {@link PlatformSimulator#main} does, in a form a test can run: it returns the exit status
 * instead of exiting, and prints to the streams it is given. A person gets a one-line reason and
 * the usage for a bad command line, never a stack trace.
 */
final class SimulatorCommand {

    static final int EXIT_OK = 0;
    /** The command line was fine but the simulator could not listen (port taken, no permission). */
    static final int EXIT_CANNOT_START = 1;
    /** The command line was wrong; the usual status for that. */
    static final int EXIT_USAGE = 2;

    private static final String NAME = "platform simulator";

    /** What to do while the demo simulator runs; it stops when this returns. */
    @FunctionalInterface
    interface WhileRunning {
        void accept(PlatformSimulator simulator) throws InterruptedException;
    }

    private final PrintStream out;
    private final PrintStream err;

    SimulatorCommand(PrintStream out, PrintStream err) {
        this.out = out;
        this.err = err;
    }

    int run(String[] args, WhileRunning whileRunning) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (SimulatorOptions.InvalidOption e) {
            err.println(NAME + ": " + e.getMessage());
            err.println(SimulatorOptions.USAGE);
            return EXIT_USAGE;
        }
        if (options.help()) {
            out.println(SimulatorOptions.USAGE);
            return EXIT_OK;
        }
        PlatformSimulator simulator;
        try {
            simulator = PlatformSimulator.start(options.port());
        } catch (UncheckedIOException e) {
            err.println(NAME + ": cannot listen on 127.0.0.1:" + options.port() + " ("
                    + e.getCause().getMessage()
                    + "); stop what uses that port or choose another with --port N (0 picks a free one)");
            return EXIT_CANNOT_START;
        }
        try (simulator) {
            DemoPlatform demo = new DemoPlatform(simulator);
            if (options.log()) {
                simulator.onAnswer(new RequestLogPrinter(out));
            }
            new DemoInstructions(demo).printTo(out, options.log());
            whileRunning.accept(simulator);
        }
        return EXIT_OK;
    }

    /** For main: runs until the JVM is told to stop (Ctrl+C, kill), then closes the simulator. */
    static void untilKilled(PlatformSimulator simulator) throws InterruptedException {
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            simulator.close();
                            System.out.println("Platform simulator stopped.");
                        },
                        "platform-simulator-shutdown"));
        Thread.currentThread().join();
    }
}
