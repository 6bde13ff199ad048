package io.jenkins.plugins.platformpassword.benchmark;

/**
 * A build after the first: the controller has been running, so its shared connections hold an
 * open TLS connection to the platform and its token cache a fresh token. One build is one
 * {@link Build#run}; the controller stays for all builds of the phase.
 */
final class LaterBuildVariant implements Variant {

    private final NetworkPlatform platform;
    private final Controller controller;
    private final OutcomeTally tally = new OutcomeTally();

    LaterBuildVariant(NetworkPlatform platform, Controller controller) {
        this.platform = platform;
        this.controller = controller;
    }

    @Override
    public String name() {
        return "later-build";
    }

    @Override
    public String description() {
        return "a build on the running controller's PlatformConnections and TokenCache: resolve, client, change, close";
    }

    @Override
    public void changeOnce() throws Exception {
        tally.add(Build.run(platform.configuration(), controller));
    }

    /** Forgets the warm-up, whose first build fetched the token as it must. */
    void resetCounters() {
        tally.reset();
    }

    @Override
    public String anomalies() {
        return tally.anomalies("build(s)", true);
    }

    @Override
    public void close() {
        // The controller belongs to the phase.
    }
}
