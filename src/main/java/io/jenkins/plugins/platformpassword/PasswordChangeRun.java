package io.jenkins.plugins.platformpassword;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.Util;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.platformpassword.client.ApiClientCredentials;
import io.jenkins.plugins.platformpassword.client.ChangeOutcome;
import io.jenkins.plugins.platformpassword.client.CharacterClass;
import io.jenkins.plugins.platformpassword.client.Diagnosis;
import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.PasswordChanger;
import io.jenkins.plugins.platformpassword.client.PasswordGenerator;
import io.jenkins.plugins.platformpassword.client.PasswordScreening;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformEndpoint;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.PreflightMode;
import io.jenkins.plugins.platformpassword.client.ResolvedUser;
import io.jenkins.plugins.platformpassword.client.UserDirectory;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.rotation.RotationException;
import io.jenkins.plugins.platformpassword.client.rotation.RotationOutcome;
import io.jenkins.plugins.platformpassword.client.rotation.RotationStoreException;
import java.time.Instant;
import java.util.Set;

/**
 * One execution of the step in one build: resolve the inputs (falling back to the global
 * defaults), check them all before anything is sent, change the password (or, in a dry run,
 * only check), and say what happened in the log and the build's summary. A failure becomes an
 * {@link AbortException}, which fails the build with the client's message and no stack trace; an
 * abort stays an {@link InterruptedException}, so Jenkins marks the build aborted, not failed.
 */
final class PasswordChangeRun {

    private final Run<?, ?> run;
    private final TaskListener listener;
    private final PlatformPasswordConfiguration global;

    PasswordChangeRun(Run<?, ?> run, TaskListener listener, PlatformPasswordConfiguration global) {
        this.run = run;
        this.listener = listener;
        this.global = global;
    }

    void execute(ChangePlatformPasswordStep step, EnvVars env) throws AbortException, InterruptedException {
        String url = orDefault(env.expand(step.getBaseUrl()), global.getBaseUrl(), Messages.Run_BaseUrlMissing());
        String clientCredentialsId =
                orDefault(step.getCredentialsId(), global.getCredentialsId(), Messages.Run_CredentialsIdMissing());
        String passwordId =
                orDefault(step.getPasswordCredentialsId(), null, Messages.Run_PasswordCredentialsIdMissing());
        String userId = Util.fixEmptyAndTrim(env.expand(step.getUserId()));
        String login = Util.fixEmptyAndTrim(env.expand(step.getUserLogin()));
        if (userId == null && login == null) {
            throw new AbortException(Messages.Run_UserMissing());
        }
        if (userId != null && login != null) {
            throw new AbortException(Messages.Run_UserIdAndLogin());
        }
        PlatformEndpoint endpoint;
        UserId target;
        ApiClientCredentials client;
        NewPassword password = null;
        Set<CharacterClass> classes = null;
        try {
            endpoint = PlatformEndpoint.parse(url, global.isAllowPlainHttp());
            target = userId == null ? null : UserId.parse(userId);
            JenkinsCredentials credentials = new JenkinsCredentials(run);
            client = credentials.apiClient(clientCredentialsId);
            if (step.isGeneratePassword()) {
                classes = CharacterClasses.parse(step.getCharacterClasses());
                checkLength(step.getPasswordLength());
            } else {
                password = credentials.newPassword(passwordId);
                if (step.isCheckPasswordLength()) {
                    PasswordScreening.checkLength(password);
                }
            }
        } catch (InvalidInputException e) {
            throw new AbortException(e.getMessage());
        }
        BuildConsole console = new BuildConsole(listener);
        console.starting(endpoint, userId != null ? userId : login, client.displayId());
        Outcomes outcomes = new Outcomes(endpoint, console);
        try (PlatformClient platform =
                new PlatformClient(endpoint, client, global.clientSettings(), global.tokenCache(), console)) {
            outcomes.login = login;
            if (target == null) {
                ResolvedUser resolved = new UserDirectory(platform).resolveLogin(login);
                target = resolved.id();
                outcomes.login = resolved.login();
                console.resolved(resolved);
            }
            outcomes.userId = target;
            PasswordChanger changer = new PasswordChanger(platform, step.getPreflight());
            if (step.isDryRun()) {
                Diagnosis diagnosis = changer.dryRun(target);
                console.dryRun(diagnosis);
                outcomes.record(
                        diagnosis.allowsChange()
                                ? Messages.Summary_DryRunOk()
                                : Messages.Summary_DryRunRefused(diagnosis.finding()),
                        0);
                if (!diagnosis.allowsChange()) {
                    throw new AbortException(Messages.Console_DryRun(diagnosis.explain()));
                }
                return;
            }
            if (step.isGeneratePassword()) {
                // The rotation calls the client itself, so ALWAYS is applied here; PasswordChanger does it for plain
                // changes.
                if (step.getPreflight() == PreflightMode.ALWAYS) {
                    Diagnosis diagnosis = changer.dryRun(target);
                    if (!diagnosis.allowsChange()) {
                        outcomes.record(Messages.Summary_Failed(diagnosis.finding()), 0);
                        throw new AbortException(Messages.Run_PreflightFailed(diagnosis.explain()));
                    }
                }
                RotationOutcome rotation = new RotationRun(run)
                        .rotate(platform, target, outcomes.login, passwordId, step.getPasswordLength(), classes);
                console.rotated(rotation, passwordId);
                outcomes.rotated(rotation, passwordId);
                return;
            }
            if (step.isCheckCompromised()) {
                new PasswordScreening().requireNotCompromised(platform, password);
            }
            ChangeOutcome outcome = changer.change(target, password);
            console.changed(outcome);
            outcomes.record(Messages.Summary_Changed(), outcome.attempts());
        } catch (RotationException e) {
            outcomes.record(
                    Messages.Summary_Failed(e.platformFailure().map(Enum::name).orElse("ROTATION")), 0);
            if (e.platformFailure().orElse(null) == FailureKind.ABORTED) {
                throw new InterruptedException(e.getMessage());
            }
            throw new AbortException(e.getMessage());
        } catch (RotationStoreException e) {
            outcomes.record(Messages.Summary_Failed("CREDENTIAL_STORE"), 0);
            throw new AbortException(e.getMessage());
        } catch (InvalidInputException e) {
            outcomes.record(Messages.Summary_Failed("INVALID_INPUT"), 0);
            throw new AbortException(e.getMessage());
        } catch (PlatformException e) {
            outcomes.record(Messages.Summary_Failed(e.kind()), e.attempts());
            if (e.kind() == FailureKind.ABORTED) {
                throw new InterruptedException(e.getMessage());
            }
            throw new AbortException(e.getMessage());
        }
    }

    /** Writes each outcome to the build's summary and, as one line, to the console. */
    private final class Outcomes {
        private final PlatformEndpoint endpoint;
        private final BuildConsole console;
        UserId userId;
        String login;

        Outcomes(PlatformEndpoint endpoint, BuildConsole console) {
            this.endpoint = endpoint;
            this.console = console;
        }

        void record(String outcome, int attempts) {
            add(outcome, attempts, null);
        }

        void rotated(RotationOutcome rotation, String credentialId) {
            add(
                    rotation.recovered() ? Messages.Summary_RotationFinished() : Messages.Summary_Rotated(),
                    rotation.change().attempts(),
                    credentialId);
        }

        private void add(String outcome, int attempts, String rotatedCredentialId) {
            PasswordChangeSummary.Entry entry = new PasswordChangeSummary.Entry(
                    endpoint.toString(),
                    userId == null ? null : userId.value(),
                    login,
                    Instant.now(),
                    outcome,
                    attempts,
                    rotatedCredentialId);
            PasswordChangeSummary.of(run).add(entry);
            console.summary(entry);
        }
    }

    private static void checkLength(int length) {
        if (length < PasswordGenerator.MIN_LENGTH || length > PasswordGenerator.MAX_LENGTH) {
            throw new InvalidInputException(
                    PasswordGenerator.LENGTH_FIELD,
                    "is " + length + "; generated passwords have " + PasswordGenerator.MIN_LENGTH + " to "
                            + PasswordGenerator.MAX_LENGTH + " characters");
        }
    }

    private static String orDefault(String value, String fallback, String missingMessage) throws AbortException {
        String chosen = Util.fixEmptyAndTrim(value) != null ? value : Util.fixEmptyAndTrim(fallback);
        if (chosen == null) {
            throw new AbortException(missingMessage);
        }
        return chosen;
    }
}
