package io.jenkins.plugins.platformpassword;

import hudson.AbortException;
import hudson.EnvVars;
import hudson.model.Run;
import hudson.model.TaskListener;
import io.jenkins.plugins.platformpassword.client.ChangeOutcome;
import io.jenkins.plugins.platformpassword.client.FailureKind;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.PlatformClient;
import io.jenkins.plugins.platformpassword.client.PlatformException;
import io.jenkins.plugins.platformpassword.client.UserId;
import io.jenkins.plugins.platformpassword.client.passwords.PasswordScreening;
import io.jenkins.plugins.platformpassword.client.rotation.RotationException;
import io.jenkins.plugins.platformpassword.client.rotation.RotationOutcome;
import io.jenkins.plugins.platformpassword.client.users.Diagnosis;
import io.jenkins.plugins.platformpassword.client.users.PasswordChanger;
import io.jenkins.plugins.platformpassword.client.users.ResolvedUser;
import io.jenkins.plugins.platformpassword.client.users.UserDirectory;
import java.io.IOException;
import java.time.Instant;

/**
 * One execution of the step in one build: take the checked inputs, find the user, then change the
 * password (or only check, in a dry run, or rotate), and say what happened in the log and the
 * build's summary. A failure becomes an {@link AbortException}, which fails the build with the
 * client's message and no stack trace; an abort stays an {@link InterruptedException}, so Jenkins
 * marks the build aborted, not failed.
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
        StepInputs inputs = StepInputs.resolve(step, env, run, global);
        BuildConsole console = new BuildConsole(listener);
        console.starting(
                inputs.platformName(),
                inputs.endpoint(),
                inputs.user(),
                inputs.client().displayId());
        Outcomes outcomes = new Outcomes(inputs, console);
        try (PlatformClient platform = new PlatformClient(
                inputs.endpoint(),
                inputs.client(),
                global.clientSettings(inputs.platform()),
                global.tokenCache(),
                global.connections(),
                console)) {
            UserId user = findUser(platform, inputs, console, outcomes);
            PasswordChanger changer = new PasswordChanger(platform, step.getPreflight());
            if (step.isDryRun()) {
                dryRun(changer, user, inputs, console, outcomes);
            } else if (step.isGeneratePassword()) {
                rotate(step, platform, changer, user, inputs, console, outcomes);
            } else {
                if (step.isCheckCompromised()) {
                    new PasswordScreening().requireNotCompromised(platform, inputs.password());
                }
                ChangeOutcome outcome = changer.change(user, inputs.password());
                console.changed(outcome);
                outcomes.record(Messages.Summary_Changed(), outcome.attempts());
            }
        } catch (RotationException e) {
            String kind = e.platformFailure().map(Enum::name).orElse("ROTATION");
            if (e.platformFailure().orElse(null) == FailureKind.ABORTED) {
                throw outcomes.aborted(kind, 0, e.getMessage());
            }
            throw outcomes.failed(kind, 0, e.getMessage());
        } catch (InvalidInputException e) {
            throw outcomes.failed("INVALID_INPUT", 0, e.getMessage());
        } catch (PlatformException e) {
            if (e.kind() == FailureKind.ABORTED) {
                throw outcomes.aborted(e.kind().name(), e.attempts(), e.getMessage());
            }
            throw outcomes.failed(e.kind().name(), e.attempts(), e.getMessage());
        }
    }

    private static UserId findUser(PlatformClient platform, StepInputs inputs, BuildConsole console, Outcomes outcomes)
            throws PlatformException {
        if (inputs.userId() != null) {
            return inputs.userId();
        }
        ResolvedUser resolved = new UserDirectory(platform).resolveLogin(inputs.login());
        console.resolved(resolved);
        outcomes.userId = resolved.id();
        outcomes.login = resolved.login();
        return resolved.id();
    }

    private static void dryRun(
            PasswordChanger changer, UserId user, StepInputs inputs, BuildConsole console, Outcomes outcomes)
            throws PlatformException, AbortException {
        if (inputs.rotation() != null) {
            // Resolving the store checked the build's right to rewrite the credential; a refusal failed the build then.
            console.dryRunRotation(inputs.rotation().permission());
        }
        Diagnosis diagnosis = changer.dryRun(user);
        console.dryRun(diagnosis);
        if (!diagnosis.allowsChange()) {
            outcomes.record(Messages.Summary_DryRunRefused(diagnosis.finding()), 0);
            throw new AbortException(Messages.Console_DryRun(diagnosis.explain()));
        }
        outcomes.record(Messages.Summary_DryRunOk(), 0);
    }

    private void rotate(
            ChangePlatformPasswordStep step,
            PlatformClient platform,
            PasswordChanger changer,
            UserId user,
            StepInputs inputs,
            BuildConsole console,
            Outcomes outcomes)
            throws PlatformException, RotationException, AbortException, InterruptedException {
        changer.checkBeforeChange(user); // the rotation calls the client itself
        RotationOutcome rotation = RotationRun.rotate(
                platform, user, outcomes.login, inputs.rotation(), step.getPasswordLength(), inputs.classes());
        console.rotated(rotation, inputs.rotation().targetId());
        outcomes.rotated(rotation, inputs.rotation().targetId());
    }

    private void saveRun() {
        try {
            run.save();
        } catch (IOException e) {
            // The console line below still records the change; only the build page's table may miss it.
            listener.getLogger()
                    .println(Messages.Run_SummaryNotSaved(e.getClass().getSimpleName()));
        }
    }

    /** Writes each outcome to the build's summary and, as one line, to the console. */
    private final class Outcomes {
        private final StepInputs inputs;
        private final BuildConsole console;
        UserId userId;
        String login;

        Outcomes(StepInputs inputs, BuildConsole console) {
            this.inputs = inputs;
            this.console = console;
            this.userId = inputs.userId();
            this.login = inputs.login();
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

        /** Records the failure and gives the exception that fails the build. */
        AbortException failed(String kind, int attempts, String message) {
            record(Messages.Summary_Failed(kind), attempts);
            return new AbortException(message);
        }

        /** Records the abort and gives the exception that marks the build aborted. */
        InterruptedException aborted(String kind, int attempts, String message) {
            record(Messages.Summary_Failed(kind), attempts);
            return new InterruptedException(message);
        }

        private void add(String outcome, int attempts, String rotatedCredentialId) {
            PasswordChangeSummary.Entry entry = new PasswordChangeSummary.Entry(
                    inputs.platformName(),
                    inputs.endpoint().toString(),
                    userId == null ? null : userId.value(),
                    login,
                    Instant.now(),
                    outcome,
                    attempts,
                    rotatedCredentialId);
            PasswordChangeSummary.of(run).add(entry);
            saveRun(); // a change that happened stays recorded, even if the build dies before it ends
            console.summary(entry);
        }
    }
}
