package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ItemGroup;
import hudson.model.ParametersAction;
import hudson.model.ParametersDefinitionProperty;
import hudson.model.Result;
import hudson.model.StringParameterDefinition;
import hudson.model.StringParameterValue;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.client.rotation.RotationSubject;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** generatePassword: the new password ends up on the platform and in the credential, and nowhere else. */
@WithJenkins
class RotationStepTest {

    private JenkinsRule j;
    private JenkinsPlatform platform;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
        // These builds run as SYSTEM; RotationSecurityTest covers who may rotate without this opt-in.
        PlatformPasswordConfiguration.get().setRotationAsSystem(JenkinsPlatform.PASSWORD_ID + "\nteam/team-password");
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void rotatesIntoACredentialOfTheSystemStore() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "rotate");
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(credentialsId: '" + JenkinsPlatform.API_CLIENT_ID
                        + "', userId: '" + platform.customerUser + "', passwordCredentialsId: '"
                        + JenkinsPlatform.PASSWORD_ID
                        + "', generatePassword: true, baseUrl: '" + platform.url() + "')",
                true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        StringCredentials rotated = secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID);
        String newPassword = rotated.getSecret().getPlainText();
        assertThat(newPassword).isNotEqualTo(JenkinsPlatform.NEW_PASSWORD).hasSize(24);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(newPassword);
        assertThat(rotated.getDescription()).isEqualTo("New password");
        assertThat(rotated.getScope()).isEqualTo(CredentialsScope.GLOBAL);
        assertThat(secretTextOrNull(j.jenkins, JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX))
                .isNull();
        j.assertLogContains("rotated; credential " + JenkinsPlatform.PASSWORD_ID + " holds the new password", run);
        j.assertLogNotContains(newPassword, run);
        assertThat(run.getAction(PasswordChangeSummary.class).getEntries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.getRotatedCredentialId()).isEqualTo(JenkinsPlatform.PASSWORD_ID));
    }

    @Test
    void rotatesIntoACredentialOfAFolderStore() throws Exception {
        Folder folder = j.createProject(Folder.class, "team");
        CredentialsStore folderStore = storeOf(folder);
        folderStore.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        "team-password",
                        "Team user's password",
                        Secret.fromString("Team-Passw0rd-initial")));
        FreeStyleProject project = folder.createProject(FreeStyleProject.class, "rotate-team");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep("team-password");
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        step.setGeneratePassword(true);
        step.setPasswordLength(32);
        step.setCharacterClasses("LOWER,DIGITS");
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        String newPassword = secretText(folder, "team-password").getSecret().getPlainText();
        assertThat(newPassword).hasSize(32).matches("[a-z0-9]+");
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(newPassword);
        assertThat(secretTextOrNull(j.jenkins, "team-password"))
                .as("the system store is untouched")
                .isNull();
        j.assertLogNotContains(newPassword, build);
    }

    @Test
    void aPendingRotationIsFinishedByTheNextRun() throws Exception {
        CredentialsStore system = storeOf(j.jenkins);
        system.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX,
                        outstanding(
                                sealed("left by a crashed run", platform.customerUser, "Pending-Passw0rd-from-crash")),
                        Secret.fromString("Pending-Passw0rd-from-crash")));
        FreeStyleProject project = j.createFreeStyleProject("recover");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID);
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        step.setGeneratePassword(true);
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo("Pending-Passw0rd-from-crash");
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue("Pending-Passw0rd-from-crash");
        assertThat(secretTextOrNull(j.jenkins, JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX))
                .isNull();
        j.assertLogContains("Finished an interrupted rotation", build);
    }

    @Test
    void aPendingRotationOfAnotherUserIsNotFinishedOnThisOne() throws Exception {
        String otherUser = platform.simulator.addUser(platform.customerTenant, "other-user");
        String pendingId = JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX;
        storeOf(j.jenkins)
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                pendingId,
                                outstanding(
                                        sealed("left by a copied job", otherUser, "Pending-Passw0rd-of-other-user")),
                                Secret.fromString("Pending-Passw0rd-of-other-user")));
        FreeStyleProject project = j.createFreeStyleProject("copied-job");
        project.getBuildersList().add(rotationStep(platform.customerUser));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("pending password from an interrupted rotation of user " + otherUser, build);
        j.assertLogNotContains("Pending-Passw0rd-of-other-user", build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
        assertThat(platform.simulator.requests())
                .noneMatch(request -> request.path().endsWith("/password"));
        assertThat(secretText(j.jenkins, pendingId).getSecret().getPlainText())
                .isEqualTo("Pending-Passw0rd-of-other-user");
        assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void aPendingRotationThatDoesNotSayWhoseItIsIsNotFinished() throws Exception {
        String pendingId = JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX;
        storeOf(j.jenkins)
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                pendingId,
                                "written by an older version",
                                Secret.fromString("Pending-Passw0rd-unknown-owner")));
        FreeStyleProject project = j.createFreeStyleProject("legacy-pending");
        project.getBuildersList().add(rotationStep(platform.customerUser));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("does not record whose password it is", build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
        assertThat(secretText(j.jenkins, pendingId)).isNotNull();
    }

    @Test
    void thePendingEntryRecordsTheUserAndTheDataCenter() throws Exception {
        // The platform takes the new password, then the answer is lost: the pending entry stays for a later run.
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault("/api/2/users/" + platform.customerUser + "/password", Fault.status(503));
        }
        FreeStyleProject project = j.createFreeStyleProject("interrupted");
        project.getBuildersList().add(rotationStep(platform.customerUser));

        j.buildAndAssertStatus(Result.FAILURE, project);

        StringCredentials pending =
                secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX);
        assertThat(pending.getDescription())
                .containsPattern("\\[rotation of user " + platform.customerUser + " at "
                        + java.util.regex.Pattern.quote(platform.url()) + ", seal [0-9a-f]{64} [0-9a-f]{64}]$");
        assertThat(pending.getDescription()).doesNotContain(pending.getSecret().getPlainText());
        String active = pending.getSecret().getPlainText();

        // The entry this plugin wrote is finished by the next run, seal and all.
        FreeStyleBuild next = j.buildAndAssertSuccess(project);

        j.assertLogContains("Finished an interrupted rotation", next);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(active);
        assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo(active);
        assertThat(secretTextOrNull(j.jenkins, JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX))
                .isNull();
    }

    /**
     * The opt-in trusts the job's configuration to pick which listed credential a SYSTEM build
     * rewrites, and for which user. A parameter set when the build starts could choose either, also
     * as part of a value, so such a build does not rotate; with the defaults, which come from the
     * configuration, it does.
     */
    @Test
    void aSystemBuildStartedWithAParameterOfTheStartersChoosingDoesNotRotate() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "chosen-by-parameter");
        // The parameter picks the listed credential by composition: "new-user-" + "password".
        String prefix = "new-user-";
        String suffix = JenkinsPlatform.PASSWORD_ID.substring(prefix.length());
        job.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("SUFFIX", "unlisted")));
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(credentialsId: '" + JenkinsPlatform.API_CLIENT_ID
                        + "', userId: '" + platform.customerUser
                        + "', passwordCredentialsId: '" + prefix
                        + "' + params.SUFFIX, generatePassword: true, baseUrl: '"
                        + platform.url() + "')",
                true));

        WorkflowRun run = j.assertBuildStatus(
                Result.FAILURE,
                job.scheduleBuild2(0, new ParametersAction(new StringParameterValue("SUFFIX", suffix)))
                        .get());

        j.assertLogContains("whoever started it set its build parameter SUFFIX", run);
        assertThat(platform.simulator.requests())
                .noneMatch(request -> request.path().endsWith("/password"));
        assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo(JenkinsPlatform.NEW_PASSWORD);
        assertThat(secretTextOrNull(j.jenkins, JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX))
                .isNull();

        // The same value as the parameter's default: the job's configuration chose it.
        job.removeProperty(ParametersDefinitionProperty.class);
        job.addProperty(new ParametersDefinitionProperty(new StringParameterDefinition("SUFFIX", suffix)));

        j.buildAndAssertSuccess(job);

        assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isNotEqualTo(JenkinsPlatform.NEW_PASSWORD);
    }

    /**
     * Someone who may create credentials in the store, but not update them, plants a pending entry
     * with a password they chose. Its seal is not one this Jenkins made for this credential and this
     * password, so the rotation neither sets it on the platform nor writes it into the target.
     */
    @Test
    void aPlantedPendingEntryIsNeverFinished() throws Exception {
        String pendingId = JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX;
        String chosen = "Chosen-by-the-planter-42";
        String marker = " [rotation of user " + platform.customerUser + " at " + platform.url() + ", seal ";
        String[] descriptions = {
            "planted" + marker + "0".repeat(64) + " " + "0".repeat(64) + "]",
            // real seals, but for another password
            sealed("planted", platform.customerUser, "Another-Passw0rd-entirely"),
            // real seals for this password, but for another credential
            PendingSubjectMarker.append(
                    "planted",
                    new RotationSubject(platform.url(), platform.customerUser),
                    new PendingSubjectMarker.Target("", "", "another-credential"),
                    chosen,
                    JenkinsPlatform.NEW_PASSWORD),
            // an old entry planted again: written when the target held an earlier password
            sealed("planted again", platform.customerUser, chosen, "An-earlier-target-password"),
            // an entry this Jenkins wrote and cleared (after a refusal the target kept its password), planted again
            sealed("cleared, then planted again", platform.customerUser, chosen),
        };
        FreeStyleProject project = j.createFreeStyleProject("planted");
        project.getBuildersList().add(rotationStep(platform.customerUser));
        for (String description : descriptions) {
            CredentialsStore store = storeOf(j.jenkins);
            store.addCredentials(
                    Domain.global(),
                    new StringCredentialsImpl(
                            CredentialsScope.GLOBAL, pendingId, description, Secret.fromString(chosen)));

            FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

            j.assertLogContains("does not record whose password it is", build);
            j.assertLogNotContains(chosen, build);
            assertThat(platform.simulator.requests())
                    .as(description)
                    .noneMatch(request -> request.path().endsWith("/password"));
            assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                            .getSecret()
                            .getPlainText())
                    .as(description)
                    .isEqualTo(JenkinsPlatform.NEW_PASSWORD);
            store.removeCredentials(Domain.global(), secretText(j.jenkins, pendingId));
        }
    }

    /**
     * A pending description sealed as {@code savePending} seals it, for the Jenkins store's target
     * while that still holds its first password.
     */
    private String sealed(String note, String userId, String password) {
        return sealed(note, userId, password, JenkinsPlatform.NEW_PASSWORD);
    }

    /**
     * A pending entry deleted by hand leaves its seal recorded; the next run, finding no entry,
     * forgets it. A copy of the deleted entry added back afterwards passes both HMACs (the target
     * kept its password) but is refused.
     */
    @Test
    void aCopyOfAPendingEntryDeletedByHandIsRefusedOnceARunHasSeenItGone() throws Exception {
        String pendingId = JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX;
        String copied = "Copied-Passw0rd-of-deleted-entry";
        // Written and recorded, then deleted by hand: the credential itself is never added here.
        String description = outstanding(sealed("deleted by hand", platform.customerUser, copied));
        FreeStyleProject project = j.createFreeStyleProject("deleted-by-hand");
        project.getBuildersList().add(rotationStep(platform.customerUser));
        // The run after the deletion: the platform refuses its change, so the target keeps its password.
        platform.simulator.enqueueFault("/api/2/users/" + platform.customerUser + "/password", Fault.status(403));
        j.buildAndAssertStatus(Result.FAILURE, project);
        assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo(JenkinsPlatform.NEW_PASSWORD);

        storeOf(j.jenkins)
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL, pendingId, description, Secret.fromString(copied)));
        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("does not record whose password it is", build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isNotEqualTo(java.util.Optional.of(copied));
        assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo(JenkinsPlatform.NEW_PASSWORD);
    }

    /**
     * A copied job (or another userId) rotates the same credential for another user. The first
     * user's password, which the last rotation put there, would then be stored nowhere, so the
     * rotation is refused; once someone puts the new user's password into the credential by hand,
     * it goes ahead.
     */
    @Test
    void aCredentialHoldingAnotherUsersRotatedPasswordIsNotRotatedForThisOne() throws Exception {
        String otherUser = platform.simulator.addUser(platform.customerTenant, "second-user");
        FreeStyleProject first = j.createFreeStyleProject("first-user");
        first.getBuildersList().add(rotationStep(platform.customerUser));
        j.buildAndAssertSuccess(first);
        String firstUsersPassword =
                secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID).getSecret().getPlainText();
        FreeStyleProject copy = j.createFreeStyleProject("copied-for-another-user");
        copy.getBuildersList().add(rotationStep(otherUser));

        FreeStyleBuild refused = j.buildAndAssertStatus(Result.FAILURE, copy);

        j.assertLogContains("holds the password that a rotation set for user " + platform.customerUser, refused);
        j.assertLogNotContains(firstUsersPassword, refused);
        assertThat(platform.simulator.passwordOf(otherUser)).isEmpty();
        assertThat(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText())
                .isEqualTo(firstUsersPassword);

        // Someone decides the credential now belongs to the other user and puts that user's password in it.
        CredentialsStore system = storeOf(j.jenkins);
        StringCredentials target = secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID);
        system.updateCredentials(
                Domain.global(),
                target,
                new StringCredentialsImpl(
                        target.getScope(),
                        target.getId(),
                        target.getDescription(),
                        Secret.fromString("Second-users-current-Passw0rd")));

        j.buildAndAssertSuccess(copy);

        assertThat(platform.simulator.passwordOf(otherUser))
                .hasValue(secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID)
                        .getSecret()
                        .getPlainText());
    }

    /** As savePending leaves it: the entry's seal is the outstanding one for the target. */
    private static String outstanding(String description) throws java.io.IOException {
        OutstandingSeals.record(
                new PendingSubjectMarker.Target("", "", JenkinsPlatform.PASSWORD_ID).key(),
                PendingSubjectMarker.writtenSeal(description).orElseThrow());
        return description;
    }

    private String sealed(String note, String userId, String password, String targetPassword) {
        return PendingSubjectMarker.append(
                note,
                new RotationSubject(platform.url(), userId),
                new PendingSubjectMarker.Target("", "", JenkinsPlatform.PASSWORD_ID),
                password,
                targetPassword);
    }

    /** The record reads back for every form of data center URL the client accepts. */
    @Test
    void theRecordReadsBackForEveryFormOfDataCenterUrl() {
        PendingSubjectMarker.Target target = new PendingSubjectMarker.Target("customers/acme", "", "ops-password");
        for (String url : new String[] {
            "https://eu2-cloud.example.com",
            "https://[2001:db8::1]",
            "https://[2001:db8::1]:8443",
            "https://h:8443/dc1",
            "http://127.0.0.1:18089"
        }) {
            RotationSubject subject = new RotationSubject(url, platform.customerUser);
            String description = PendingSubjectMarker.append("note", subject, target, "Pending-1", "Current-1");

            assertThat(PendingSubjectMarker.read(description, target, "Pending-1", "Current-1"))
                    .as(url)
                    .contains(subject);
            assertThat(PendingSubjectMarker.read(description, target, "Pending-1", "Pending-1"))
                    .as(url + ", after promotion")
                    .contains(subject);
            assertThat(PendingSubjectMarker.read(description, target, "Pending-1", "Current-2"))
                    .as(url + ", the target changed since")
                    .isEmpty();
            assertThat(PendingSubjectMarker.read(
                            description,
                            new PendingSubjectMarker.Target("customers", "", "acme/ops-password"),
                            "Pending-1",
                            "Current-1"))
                    .as(url + ", another folder's credential of the same joined name")
                    .isEmpty();
            assertThat(PendingSubjectMarker.read(
                            description,
                            new PendingSubjectMarker.Target("customers/acme", "eu2", "ops-password"),
                            "Pending-1",
                            "Current-1"))
                    .as(url + ", the same id in another domain of the store")
                    .isEmpty();
        }
    }

    /** Stopped after the promotion: the target holds the pending password, and finishing clears the entry. */
    @Test
    void anEntryWhosePasswordTheTargetAlreadyHoldsIsFinished() throws Exception {
        CredentialsStore system = storeOf(j.jenkins);
        StringCredentials target = secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID);
        String promoted = "Promoted-Passw0rd-before-crash";
        system.updateCredentials(
                Domain.global(),
                target,
                new StringCredentialsImpl(
                        target.getScope(), target.getId(), target.getDescription(), Secret.fromString(promoted)));
        system.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX,
                        outstanding(
                                sealed("left by a run that crashed after promoting", platform.customerUser, promoted)),
                        Secret.fromString(promoted)));
        FreeStyleProject project = j.createFreeStyleProject("after-promotion");
        project.getBuildersList().add(rotationStep(platform.customerUser));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("Finished an interrupted rotation", build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(promoted);
        assertThat(secretTextOrNull(j.jenkins, JenkinsPlatform.PASSWORD_ID + CredentialRotationStore.PENDING_SUFFIX))
                .isNull();
    }

    @Test
    void aRotationIntoTheApiClientsOwnCredentialIsRefused() throws Exception {
        PlatformPasswordConfiguration.get().setRotationAsSystem(JenkinsPlatform.API_CLIENT_ID);
        FreeStyleProject project = j.createFreeStyleProject("rotate-the-client");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(JenkinsPlatform.API_CLIENT_ID);
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        step.setGeneratePassword(true);
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("names the API client's own credential '" + JenkinsPlatform.API_CLIENT_ID + "'", build);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aCompromisedPasswordIsRefusedBeforeTheChange() throws Exception {
        storeOf(j.jenkins)
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL,
                                "weak",
                                "A leaked password",
                                Secret.fromString("password1234")));
        FreeStyleProject project = j.createFreeStyleProject("compromised");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep("weak");
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("compromised", build);
        assertThat(platform.simulator.requests())
                .noneMatch(request -> request.path().endsWith("/password"));
    }

    private ChangePlatformPasswordStep rotationStep(String userId) {
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID);
        step.setUserId(userId);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        step.setGeneratePassword(true);
        return step;
    }

    static CredentialsStore storeOf(Object context) {
        for (CredentialsStore store : CredentialsProvider.lookupStores((hudson.model.ModelObject) context)) {
            if (store.getContext() == context) {
                return store;
            }
        }
        throw new AssertionError("no store of its own in " + context);
    }

    static StringCredentials secretText(ItemGroup<?> context, String id) {
        StringCredentials found = secretTextOrNull(context, id);
        assertThat(found).as("credential %s", id).isNotNull();
        return found;
    }

    static StringCredentials secretTextOrNull(ItemGroup<?> context, String id) {
        List<StringCredentials> all =
                CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, context, null, List.of());
        return all.stream().filter(c -> c.getId().equals(id)).findFirst().orElse(null);
    }
}
