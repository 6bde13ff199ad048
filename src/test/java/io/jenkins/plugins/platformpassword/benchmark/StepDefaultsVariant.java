package io.jenkins.plugins.platformpassword.benchmark;

import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.passwords.PasswordScreening;
import io.jenkins.plugins.platformpassword.client.users.PasswordChanger;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;

/**
 * What the step does with its default options for a password from a credential: the length check
 * (local), the compromised-password check ({@code checkCompromised}, on by default: one
 * {@code POST /users/check_password}), then the change as in {@link OursVariant}. Not one of the
 * issue's variants: it shows what the defaults add to the one round trip that "ours" measures.
 */
final class StepDefaultsVariant implements Variant {

    private final BenchmarkPlatform platform;
    private final PlatformClient client;
    private final PasswordChanger changer;
    private final PasswordScreening screening = new PasswordScreening();

    StepDefaultsVariant(BenchmarkPlatform platform) {
        this.platform = platform;
        this.client = platform.newClient();
        this.changer = new PasswordChanger(client, PreflightMode.ON_FAILURE);
    }

    @Override
    public String name() {
        return "step-default";
    }

    @Override
    public String description() {
        return "as the step with default options: length check, compromised-password check (1 request), then as 'ours'";
    }

    @Override
    public void changeOnce() throws Exception {
        PasswordScreening.checkLength(platform.newPassword());
        screening.requireNotCompromised(client, platform.newPassword());
        changer.change(platform.user(), platform.newPassword());
    }

    @Override
    public void close() {
        client.close();
    }
}
