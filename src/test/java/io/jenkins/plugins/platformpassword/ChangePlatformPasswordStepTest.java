package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import hudson.Functions;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.model.Run;
import io.jenkins.plugins.platformpassword.simulator.Fault;
import java.io.File;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Base64;
import java.util.List;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.cps.Snippetizer;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/** The step in real Pipeline and freestyle builds against the platform simulator. */
@WithJenkins
class ChangePlatformPasswordStepTest {

    private JenkinsRule j;
    private JenkinsPlatform platform;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void pipelineChangesThePasswordOutsideNodeWithoutAnExecutor() throws Exception {
        j.jenkins.setNumExecutors(0); // a step that needed a node would wait forever
        WorkflowJob job = j.createProject(WorkflowJob.class, "rotate");
        job.setDefinition(new CpsFlowDefinition(platform.pipelineStep(platform.customerUser), true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
        j.assertLogContains("Password of platform user " + platform.customerUser + " changed", run);
        assertNoSecretIn(run);
    }

    @Test
    void freestyleChangesThePassword() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("rotate-freestyle");
        project.getBuildersList().add(step(platform.customerUser));

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
        j.assertLogContains("Changing the password of platform user " + platform.customerUser, build);
        assertNoSecretIn(build);
    }

    @Test
    void freestyleExpandsTheUserIdFromTheEnvironment() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("rotate-parameterised");
        project.addProperty(new hudson.model.ParametersDefinitionProperty(
                new hudson.model.StringParameterDefinition("USER_ID", platform.customerUser)));
        project.getBuildersList().add(step("${USER_ID}"));

        j.assertBuildStatusSuccess(project.scheduleBuild2(0));

        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void userInTheClientsOwnTenantFailsTheBuildWithTheExplanation() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "forbidden");
        job.setDefinition(new CpsFlowDefinition(platform.pipelineStep(platform.partnerUser), true));

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("HTTP 403", run);
        j.assertLogContains("Only API clients may change passwords", run);
        assertNoSecretIn(run);
    }

    @Test
    void anApiClientIdThatIsNotAUuidIsRefusedBeforeAnyRequestNamingTheCredential() throws Exception {
        CredentialsProvider.lookupStores(j.jenkins)
                .iterator()
                .next()
                .addCredentials(
                        com.cloudbees.plugins.credentials.domains.Domain.global(),
                        new com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl(
                                com.cloudbees.plugins.credentials.CredentialsScope.GLOBAL,
                                "pasted-client-name",
                                "An API client entered by its name",
                                "backup-automation",
                                JenkinsPlatform.CLIENT_SECRET));
        FreeStyleProject project = j.createFreeStyleProject("not-a-uuid");
        ChangePlatformPasswordStep step = step(platform.customerUser);
        step.setCredentialsId("pasted-client-name");
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("credentialsId: credential 'pasted-client-name':", build);
        j.assertLogContains("is not a UUID", build);
        assertThat(platform.simulator.requests()).as("nothing was sent").isEmpty();
        assertNoSecretIn(build);
    }

    @Test
    void unknownUserFailsTheBuildWithTheExplanation() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("not-found");
        project.getBuildersList().add(step("00000000-0000-4000-8000-000000000000"));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("HTTP 404", build);
        j.assertLogContains("was not found for this API client", build);
        assertNoSecretIn(build);
    }

    @Test
    void badInputFailsBeforeAnyRequest() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("bad-input");
        project.getBuildersList().add(step("{" + platform.customerUser + "}"));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("userId: must be a UUID without braces", build);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void missingCredentialNamesTheFieldAndTheId() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("missing-credential");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep("no-such-credential");
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("passwordCredentialsId: no credential with id 'no-such-credential'", build);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void wrongCredentialTypeNamesTheExpectedTypes() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("wrong-type");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID);
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.PASSWORD_ID); // a Secret text where a Username with password belongs
        step.setBaseUrl(platform.url());
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "credentialsId: credential '" + JenkinsPlatform.PASSWORD_ID + "' is a Secret text credential", build);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void globalDefaultsApplyWhenTheStepLeavesThemEmpty() throws Exception {
        PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
        global.setBaseUrl(platform.url());
        global.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        WorkflowJob job = j.createProject(WorkflowJob.class, "defaults");
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(userId: '" + platform.customerUser + "', passwordCredentialsId: '"
                        + JenkinsPlatform.PASSWORD_ID + "')",
                true));

        j.buildAndAssertSuccess(job);

        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void abortingTheBuildEndsAHungPasswordCallPromptly() throws Exception {
        // The password request itself hangs (the compromised-password check before it is answered).
        String passwordPath = "/api/2/users/" + platform.customerUser + "/password";
        for (int i = 0; i < 3; i++) {
            platform.simulator.enqueueFault(passwordPath, Fault.hang());
        }
        WorkflowJob job = j.createProject(WorkflowJob.class, "abort");
        job.setDefinition(new CpsFlowDefinition(platform.pipelineStep(platform.customerUser), true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Changing the password of platform user", run);
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (platform.simulator.requestCount("POST", passwordPath) == 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(platform.simulator.requestCount("POST", "/api/2/users/check_password"))
                .isEqualTo(1);

        long stoppedAt = System.nanoTime();
        run.doStop();
        j.waitForCompletion(run);

        assertThat(java.time.Duration.ofNanos(System.nanoTime() - stoppedAt))
                .isLessThan(java.time.Duration.ofSeconds(5));
        j.assertBuildStatus(Result.ABORTED, run);
        assertThat(platform.simulator.requestCount("POST", passwordPath)).isEqualTo(1);
        assertNoSecretIn(run);
    }

    @Test
    void theNewPasswordMayNotBeTheApiClientsOwnCredential() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("same-credential");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(JenkinsPlatform.API_CLIENT_ID);
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "passwordCredentialsId: names the API client's own credential '" + JenkinsPlatform.API_CLIENT_ID + "'",
                build);
        assertThat(platform.simulator.requests()).isEmpty();
        assertNoSecretIn(build);
    }

    @Test
    void theNewPasswordMayNotResolveToTheApiClientsCredentialThroughAParameter() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("same-credential-parameter");
        project.addProperty(new hudson.model.ParametersDefinitionProperty(
                new com.cloudbees.plugins.credentials.CredentialsParameterDefinition(
                        "NEW_PASSWORD",
                        "the new password",
                        JenkinsPlatform.API_CLIENT_ID,
                        StandardCredentials.class.getName(),
                        true)));
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep("${NEW_PASSWORD}");
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.assertBuildStatus(Result.FAILURE, project.scheduleBuild2(0));

        j.assertLogContains("names the API client's own credential '" + JenkinsPlatform.API_CLIENT_ID + "'", build);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aCredentialsParameterNamesTheNewPassword() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("password-parameter");
        project.addProperty(new hudson.model.ParametersDefinitionProperty(
                new com.cloudbees.plugins.credentials.CredentialsParameterDefinition(
                        "NEW_PASSWORD",
                        "the new password",
                        JenkinsPlatform.PASSWORD_ID,
                        org.jenkinsci.plugins.plaincredentials.StringCredentials.class.getName(),
                        true)));
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep("${NEW_PASSWORD}");
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        project.getBuildersList().add(step);

        j.assertBuildStatusSuccess(project.scheduleBuild2(0));

        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void aCredentialsParameterNamesTheApiClient() throws Exception {
        // Not offered by the freestyle form (see config.jelly), but a ${...} id from config.xml or a Pipeline works.
        FreeStyleProject project = j.createFreeStyleProject("api-client-parameter");
        project.addProperty(new hudson.model.ParametersDefinitionProperty(
                new com.cloudbees.plugins.credentials.CredentialsParameterDefinition(
                        "API_CLIENT",
                        "the API client",
                        JenkinsPlatform.API_CLIENT_ID,
                        com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials.class.getName(),
                        true)));
        ChangePlatformPasswordStep step = step(platform.customerUser);
        step.setCredentialsId("${API_CLIENT}");
        project.getBuildersList().add(step);

        j.assertBuildStatusSuccess(project.scheduleBuild2(0));

        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void anApiClientExpressionResolvesOnlyACredentialsParameter() throws Exception {
        // A string parameter of that name is no credentials parameter: the text stays an id, and no credential has it.
        FreeStyleProject project = j.createFreeStyleProject("api-client-string-parameter");
        project.addProperty(new hudson.model.ParametersDefinitionProperty(
                new hudson.model.StringParameterDefinition("API_CLIENT", JenkinsPlatform.API_CLIENT_ID)));
        ChangePlatformPasswordStep step = step(platform.customerUser);
        step.setCredentialsId("${API_CLIENT}");
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.assertBuildStatus(Result.FAILURE, project.scheduleBuild2(0));

        j.assertLogContains("credentialsId: no credential with id '${API_CLIENT}' is available to this build", build);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void theNewPasswordDropdownLeavesOutTheApiClientsCredential() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("dropdown");
        ChangePlatformPasswordStep.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(ChangePlatformPasswordStep.DescriptorImpl.class);

        List<String> offered = descriptor
                .doFillPasswordCredentialsIdItems(project, "", JenkinsPlatform.API_CLIENT_ID, platform.url(), "")
                .stream()
                .map(option -> option.value)
                .toList();

        assertThat(offered).contains(JenkinsPlatform.PASSWORD_ID).doesNotContain(JenkinsPlatform.API_CLIENT_ID);
        assertThat(descriptor.doCheckPasswordCredentialsId(
                                project,
                                JenkinsPlatform.API_CLIENT_ID,
                                JenkinsPlatform.API_CLIENT_ID,
                                platform.url(),
                                "")
                        .kind)
                .isEqualTo(hudson.util.FormValidation.Kind.ERROR);
    }

    @Test
    void aChangeIsRecordedOnDiskAsSoonAsItHappened() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "recorded");
        job.setDefinition(new CpsFlowDefinition(platform.pipelineStep(platform.customerUser) + "\nsleep 600", true));
        WorkflowRun run = job.scheduleBuild2(0).waitForStart();
        j.waitForMessage("Summary: changed", run);

        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);

        assertThat(buildXml).contains(PasswordChangeSummary.class.getName()).contains(platform.customerUser);
        run.doStop();
        j.waitForCompletion(run);
    }

    @Test
    void aUserCanBeNamedByLogin() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "by-login");
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(credentialsId: '" + JenkinsPlatform.API_CLIENT_ID
                        + "', userLogin: 'customer-user', passwordCredentialsId: '" + JenkinsPlatform.PASSWORD_ID
                        + "', baseUrl: '" + platform.url() + "')",
                true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        j.assertLogContains("Login customer-user is user " + platform.customerUser, run);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void aValueWithALineBreakCannotForgeALineInTheBuildLog() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("forged-line");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID);
        step.setUserLogin("eve\n[Pipeline] forged line");
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        assertThat(JenkinsRule.getLog(build).lines()).noneMatch(line -> line.startsWith("[Pipeline] forged line"));
        j.assertLogContains("eve\\n[Pipeline] forged line", build);
    }

    @Test
    void aDryRunChecksAndChangesNothing() throws Exception {
        ChangePlatformPasswordStep step = step(platform.customerUser);
        step.setDryRun(true);
        FreeStyleProject project = j.createFreeStyleProject("dry-run");
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("Dry run, nothing changed", build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
        assertThat(build.getAction(PasswordChangeSummary.class).getEntries())
                .singleElement()
                .satisfies(entry -> assertThat(entry.getOutcome()).isEqualTo("dry run: would change"));
    }

    @Test
    void preflightAlwaysStopsBeforeTheChange() throws Exception {
        ChangePlatformPasswordStep step = step(platform.partnerUser);
        step.setPreflight(io.jenkins.plugins.platformpassword.client.users.PreflightMode.ALWAYS);
        FreeStyleProject project = j.createFreeStyleProject("preflight");
        project.getBuildersList().add(step);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("Pre-flight check failed, nothing was changed", build);
        j.assertLogContains("is in the API client's own tenant " + platform.partnerTenant, build);
        assertThat(platform.simulator.requests())
                .noneMatch(request -> request.path().endsWith("/password"));
    }

    @Test
    void theBuildSummaryListsEveryChangeWithoutSecrets() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "summary");
        job.setDefinition(new CpsFlowDefinition(
                platform.pipelineStep(platform.customerUser) + "\n" + "catchError(buildResult: 'SUCCESS') { "
                        + platform.pipelineStep(platform.partnerUser) + " }",
                true));

        WorkflowRun run = j.buildAndAssertSuccess(job);

        List<PasswordChangeSummary.Entry> entries =
                run.getAction(PasswordChangeSummary.class).getEntries();
        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).getOutcome()).isEqualTo("changed");
        assertThat(entries.get(0).getUserId()).isEqualTo(platform.customerUser);
        assertThat(entries.get(0).getAttempts()).isEqualTo(1);
        assertThat(entries.get(1).getOutcome()).isEqualTo("failed (FORBIDDEN)");
        j.assertLogContains("Summary: changed | user " + platform.customerUser, run);
        String page = j.createWebClient().getPage(run).getWebResponse().getContentAsString();
        assertThat(page)
                .contains("Platform password changes")
                .contains(platform.customerUser)
                .contains("failed (FORBIDDEN)");
        assertNoSecretIn(run);
    }

    @Test
    void jenkinsProxySettingsApplyIncludingNoProxyHosts() throws Exception {
        int deadPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            deadPort = socket.getLocalPort();
        }
        FreeStyleProject project = j.createFreeStyleProject("proxy");
        project.getBuildersList().add(step(platform.customerUser));

        // A proxy that does not exist: the step must try to go through it, and fail.
        j.jenkins.setProxy(new hudson.ProxyConfiguration("127.0.0.1", deadPort, null, null, "example.invalid"));
        FreeStyleBuild throughProxy = j.buildAndAssertStatus(Result.FAILURE, project);
        j.assertLogContains("could not connect to", throughProxy);
        assertThat(platform.simulator.requests()).isEmpty();

        // The same proxy with the platform's host on the no-proxy list: a direct connection.
        j.jenkins.setProxy(new hudson.ProxyConfiguration("127.0.0.1", deadPort, null, null, "127.0.0.1"));
        j.buildAndAssertSuccess(project);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void aProxyConfigurationWithoutAServerNameMeansNoProxy() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("unnamed-proxy");
        project.getBuildersList().add(step(platform.customerUser));
        j.jenkins.setProxy(new hudson.ProxyConfiguration("", 3128));

        j.buildAndAssertSuccess(project);

        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void usedCredentialsAreTracked() throws Exception {
        FreeStyleProject project = j.createFreeStyleProject("tracked");
        project.getBuildersList().add(step(platform.customerUser));

        j.buildAndAssertSuccess(project);

        for (String id : List.of(JenkinsPlatform.API_CLIENT_ID, JenkinsPlatform.PASSWORD_ID)) {
            StandardCredentials credential =
                    CredentialsProvider.lookupCredentialsInItemGroup(
                                    StandardCredentials.class, j.jenkins, null, List.of())
                            .stream()
                            .filter(c -> c.getId().equals(id))
                            .findFirst()
                            .orElseThrow();
            assertThat(CredentialsProvider.getFingerprintOf(credential))
                    .as(id)
                    .isNotNull()
                    .satisfies(fingerprint -> assertThat(fingerprint.getJobs()).contains(project.getFullName()));
        }
    }

    @Test
    void configurationSurvivesTheFormRoundTrip() throws Exception {
        ChangePlatformPasswordStep before = step(platform.customerUser);

        ChangePlatformPasswordStep after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void everyOptionSurvivesTheFormRoundTrip() throws Exception {
        ChangePlatformPasswordStep before = new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID);
        before.setUserLogin("customer-user");
        before.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        before.setBaseUrl(platform.url());
        before.setPreflight(io.jenkins.plugins.platformpassword.client.users.PreflightMode.ALWAYS);
        before.setDryRun(true);
        before.setCheckPasswordLength(false);
        before.setCheckCompromised(false);
        before.setGeneratePassword(true);
        before.setPasswordLength(32);
        before.setCharacterClasses("UPPER,DIGITS");

        ChangePlatformPasswordStep after = j.configRoundtrip(before);

        j.assertEqualDataBoundBeans(before, after);
    }

    @Test
    void snippetGeneratorWritesAStepThatRuns() throws Exception {
        // What the Snippet Generator writes for a SimpleBuildStep with a symbol: the metastep's short form.
        String snippet =
                Snippetizer.object2Groovy(org.jenkinsci.plugins.structs.describable.DescribableModel.uninstantiate2_(
                        step(platform.customerUser)));
        assertThat(snippet)
                .startsWith("changePlatformPassword")
                .contains("userId: '" + platform.customerUser + "'")
                .contains("passwordCredentialsId: '" + JenkinsPlatform.PASSWORD_ID + "'")
                .contains("credentialsId: '" + JenkinsPlatform.API_CLIENT_ID + "'")
                .contains("baseUrl: '" + platform.url() + "'")
                .doesNotContain(JenkinsPlatform.NEW_PASSWORD)
                .doesNotContain(JenkinsPlatform.CLIENT_SECRET);
        WorkflowJob job = j.createProject(WorkflowJob.class, "snippet");
        job.setDefinition(new CpsFlowDefinition(snippet, true));

        j.buildAndAssertSuccess(job);

        assertThat(platform.simulator.passwordOf(platform.customerUser)).contains(JenkinsPlatform.NEW_PASSWORD);
    }

    private ChangePlatformPasswordStep step(String userId) {
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID);
        step.setUserId(userId);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        return step;
    }

    /** The build log, build.xml and the job's config.xml hold none of the secrets in any encoding. */
    private void assertNoSecretIn(Run<?, ?> run) throws Exception {
        List<String> secrets =
                new java.util.ArrayList<>(List.of(JenkinsPlatform.CLIENT_SECRET, JenkinsPlatform.NEW_PASSWORD));
        platform.simulator.requests().stream()
                .filter(request -> request.path().endsWith("/password"))
                .findAny()
                .ifPresent(request -> secrets.add(platform.lastAccessToken()));
        String log = JenkinsRule.getLog(run);
        String buildXml = Files.readString(new File(run.getRootDir(), "build.xml").toPath(), StandardCharsets.UTF_8);
        String configXml =
                Files.readString(new File(run.getParent().getRootDir(), "config.xml").toPath(), StandardCharsets.UTF_8);
        for (String secret : secrets) {
            for (String form : List.of(
                    secret,
                    Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8)),
                    URLEncoder.encode(secret, StandardCharsets.UTF_8),
                    Functions.escape(secret))) {
                j.assertLogNotContains(form, run);
                assertThat(log).doesNotContain(form);
                assertThat(buildXml).doesNotContain(form);
                assertThat(configXml).doesNotContain(form);
            }
        }
    }
}
