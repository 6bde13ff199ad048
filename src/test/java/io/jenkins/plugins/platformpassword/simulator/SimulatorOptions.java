package io.jenkins.plugins.platformpassword.simulator;

import java.util.regex.Pattern;

/**
 * The command line of {@link PlatformSimulator#main}.
 *
 * @param port 0 for a free port
 * @param log  whether each answered request is printed (see {@link RequestLogPrinter})
 * @param help whether only the usage is wanted
 */
record SimulatorOptions(int port, boolean log, boolean help) {

    /**
     * A fixed default rather than a free port: the data center URL then stays the same from start
     * to start, like the demo ids, so a Jenkins set up against it keeps working after a restart.
     */
    static final int DEFAULT_PORT = 18089;

    static final String USAGE = String.join(
            "\n",
            "Usage: PlatformSimulator [--port N] [--log] [--help]",
            "  --port N   listen on 127.0.0.1:N; 0 picks a free port (default " + DEFAULT_PORT + ")",
            "  --log      print each request: method, path, status, duration (never headers, bodies",
            "             or query values, which can hold secrets)",
            "  --help     print this and exit",
            "The demo ids and secret are fixed: the same on every start.");

    private static final int MAX_PORT = 65535;
    private static final Pattern ASCII_DIGITS = Pattern.compile("[0-9]+");

    /** A command line the simulator cannot run with; the message names the option and what is wrong. */
    static final class InvalidOption extends Exception {
        InvalidOption(String message) {
            super(message);
        }
    }

    static SimulatorOptions parse(String... args) throws InvalidOption {
        Integer port = null;
        boolean log = false;
        boolean help = false;
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--port")) {
                if (i + 1 == args.length) {
                    throw new InvalidOption("--port needs a value, e.g. --port " + DEFAULT_PORT);
                }
                port = port(port, args[++i]);
            } else if (arg.startsWith("--port=")) {
                port = port(port, arg.substring("--port=".length()));
            } else if (arg.equals("--log")) {
                log = true;
            } else if (arg.equals("--help") || arg.equals("-h")) {
                help = true;
            } else if (arg.startsWith("--log=") || arg.startsWith("--help=")) {
                throw new InvalidOption(arg.substring(0, arg.indexOf('=')) + " takes no value, but got '" + arg + "'");
            } else if (arg.startsWith("-")) {
                throw new InvalidOption("unknown option '" + arg + "'");
            } else {
                throw new InvalidOption("unexpected argument '" + arg + "'; options start with --");
            }
        }
        return new SimulatorOptions(port == null ? DEFAULT_PORT : port, log, help);
    }

    private static int port(Integer earlier, String text) throws InvalidOption {
        if (earlier != null) {
            throw new InvalidOption("--port is given twice");
        }
        // ASCII digits only: Integer.parseInt would also take signs and other scripts' digits.
        if (!ASCII_DIGITS.matcher(text).matches()) {
            throw new InvalidOption("--port expects a number from 0 to " + MAX_PORT + ", not '" + text + "'");
        }
        int value = text.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(text);
        if (value > MAX_PORT) {
            throw new InvalidOption("--port must be from 0 to " + MAX_PORT + " (0 picks a free port), not " + text);
        }
        return value;
    }
}
