package io.jenkins.plugins.platformpassword.benchmark;

/**
 * The first build after the controller started: new {@code PlatformConnections} and
 * {@code TokenCache}, and a new TLS context, so there is no connection to reuse, no token and no
 * TLS session to resume. The build pays for the TCP and TLS handshakes, the token and the change.
 * Starting the controller and stopping it afterwards are not timed.
 */
final class FirstBuildVariant implements Variant {

    private final NetworkPlatform platform;
    private Controller controller;
    private final OutcomeTally tally = new OutcomeTally();

    FirstBuildVariant(NetworkPlatform platform) {
        this.platform = platform;
    }

    @Override
    public String name() {
        return "first-build";
    }

    @Override
    public String description() {
        return "the first build after start: new PlatformConnections, TokenCache and TLS context (not timed), then a build";
    }

    @Override
    public void beforeEach() {
        controller = Controller.start(platform.newTrust());
    }

    @Override
    public void changeOnce() throws Exception {
        tally.add(Build.run(platform.configuration(), controller));
    }

    @Override
    public void afterEach() {
        close();
    }

    @Override
    public String anomalies() {
        return tally.anomalies("build(s)", false);
    }

    @Override
    public void close() {
        if (controller != null) {
            controller.close();
            controller = null;
        }
    }
}
