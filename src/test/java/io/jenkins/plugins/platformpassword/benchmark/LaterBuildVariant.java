package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.client.ChangeOutcome;

/**
 * A build after the first: the controller has been running, so its shared connections hold an
 * open TLS connection to the platform and its token cache a fresh token. One build is one
 * {@link Build#run}; the controller stays for all builds of the phase.
 */
final class LaterBuildVariant implements Variant {

    private final NetworkPlatform platform;
    private final Controller controller;
    private long tokenFetches;
    private long retries;

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
        ChangeOutcome outcome = Build.run(platform.configuration(), controller);
        if (!outcome.tokenFromCache()) {
            tokenFetches++;
        }
        retries += outcome.attempts() - 1;
    }

    /** Forgets the warm-up, whose first build fetched the token as it must. */
    void resetCounters() {
        tokenFetches = 0;
        retries = 0;
    }

    @Override
    public String anomalies() {
        return (tokenFetches == 0 ? "" : tokenFetches + " build(s) fetched a token; ")
                + (retries == 0 ? "" : retries + " retried attempt(s); ");
    }

    @Override
    public void close() {
        // The controller belongs to the phase.
    }
}
