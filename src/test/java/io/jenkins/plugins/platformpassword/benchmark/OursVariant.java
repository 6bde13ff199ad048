package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.users.PasswordChanger;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;

/**
 * The plugin's way, as the step does a change by user id: a {@link PasswordChanger} with the
 * step's default pre-flight mode ({@link PreflightMode#ON_FAILURE}: no extra request unless the
 * platform refuses) around a {@link PlatformClient} with the run's shared token cache. One client
 * serves every change of one latency setting, so after the first change (in the warm-up) every
 * change is one round trip with the cached token.
 */
final class OursVariant implements Variant {

    private final PlatformClient client;
    private final PasswordChanger changer;
    private final BenchmarkPlatform platform;
    private final OutcomeTally tally = new OutcomeTally();

    OursVariant(BenchmarkPlatform platform) {
        this.platform = platform;
        this.client = platform.newClient();
        this.changer = new PasswordChanger(client, PreflightMode.ON_FAILURE);
    }

    @Override
    public String name() {
        return "ours";
    }

    @Override
    public String description() {
        return "PasswordChanger (pre-flight ON_FAILURE, the step's default) over one PlatformClient, shared TokenCache";
    }

    @Override
    public void changeOnce() throws Exception {
        tally.add(changer.change(platform.user(), platform.newPassword()));
    }

    /** Forgets what the warm-up saw (its first change fetches the token, as it must). */
    void resetCounters() {
        tally.reset();
    }

    @Override
    public String anomalies() {
        return tally.anomalies("change(s)", true);
    }

    @Override
    public void close() {
        client.close();
    }
}
