package io.jenkins.plugins.platformpassword;

import hudson.model.TaskListener;
import io.jenkins.plugins.platformpassword.client.ChangeOutcome;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.ProgressListener;
import io.jenkins.plugins.platformpassword.client.rotation.RotationOutcome;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import io.jenkins.plugins.platformpassword.client.users.Diagnosis;
import io.jenkins.plugins.platformpassword.client.users.ResolvedUser;
import java.io.PrintStream;
import java.time.Duration;

/** What the build log says about a password change. The client hands over only texts without secrets. */
final class BuildConsole implements ProgressListener {

    private static final String PREFIX = "[changePlatformPassword] ";

    private final PrintStream out;

    BuildConsole(TaskListener listener) {
        this.out = listener.getLogger();
    }

    void starting(String platform, PlatformEndpoint endpoint, String user, String clientId) {
        out.println(PREFIX
                + (platform == null
                        ? Messages.Console_Starting(LogText.value(user), endpoint, clientId)
                        : Messages.Console_StartingOnPlatform(
                                LogText.value(user), endpoint, clientId, LogText.value(platform))));
    }

    void resolved(ResolvedUser user) {
        out.println(PREFIX
                + Messages.Console_ResolvedLogin(
                        LogText.value(user.login()), user.id(), LogText.value(user.tenantId())));
    }

    void dryRunRotation(String permission) {
        out.println(PREFIX + Messages.Console_DryRunRotation(permission));
    }

    void dryRun(Diagnosis diagnosis) {
        out.println(PREFIX + Messages.Console_DryRun(diagnosis.explain()));
    }

    void rotated(RotationOutcome rotation, String credentialId) {
        out.println(PREFIX
                + (rotation.recovered()
                        ? Messages.Console_RotationFinished(rotation.change().userId(), LogText.value(credentialId))
                        : Messages.Console_Rotated(rotation.change().userId(), LogText.value(credentialId))));
    }

    void summary(PasswordChangeSummary.Entry entry) {
        out.println(PREFIX + entry.line());
    }

    void changed(ChangeOutcome outcome) {
        out.println(PREFIX
                + Messages.Console_Changed(
                        outcome.userId(),
                        seconds(outcome.elapsed()),
                        outcome.attempts(),
                        outcome.tokenFromCache() ? Messages.Console_CachedToken() : Messages.Console_NewToken()));
    }

    @Override
    public void requestingToken(PlatformEndpoint endpoint, String clientId) {
        out.println(PREFIX + Messages.Console_RequestingToken(clientId));
    }

    @Override
    public void retrying(String failure, int nextAttempt, int maxAttempts, Duration wait) {
        out.println(PREFIX + Messages.Console_Retrying(failure, nextAttempt, maxAttempts, seconds(wait)));
    }

    @Override
    public void tokenRefused() {
        out.println(PREFIX + Messages.Console_TokenRefused());
    }

    private static String seconds(Duration duration) {
        return String.format(java.util.Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }
}
