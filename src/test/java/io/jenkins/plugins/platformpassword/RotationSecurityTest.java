package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Computer;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Result;
import hudson.model.User;
import hudson.util.Secret;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jenkinsci.plugins.workflow.cps.CpsFlowDefinition;
import org.jenkinsci.plugins.workflow.job.WorkflowJob;
import org.jenkinsci.plugins.workflow.job.WorkflowRun;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Who may rotate which credential. A rotation rewrites a credential, so the identity the build
 * runs as must hold Credentials/Update (Create and Delete for the pending entry) on its store; a
 * build that runs as SYSTEM may rotate only what an administrator listed. In every refused case
 * nothing is written and the platform sees no request.
 */
@WithJenkins
class RotationSecurityTest {

    private static final String OPERATOR = "operator";

    private JenkinsRule j;
    private JenkinsPlatform platform;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void aBuildRunningAsSystemMayNotRotateByDefault() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "as-system", JenkinsPlatform.PASSWORD_ID);
        Map<String, String> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("this build runs as SYSTEM", build);
        j.assertLogContains("Configure build authorization", build);
        j.assertLogContains("with the line: " + JenkinsPlatform.PASSWORD_ID, build);
        assertNothingHappened(before, j.jenkins);
    }

    @Test
    void aBuildRunningAsSystemRotatesWhatAnAdministratorListed() throws Exception {
        PlatformPasswordConfiguration.get()
                .setRotationAsSystem("# reviewed by the admin\n" + JenkinsPlatform.PASSWORD_ID);
        FreeStyleProject project = rotatingJob(j.jenkins, "as-system-allowed", JenkinsPlatform.PASSWORD_ID);

        j.buildAndAssertSuccess(project);

        assertThat(platform.simulator.passwordOf(platform.customerUser))
                .hasValue(password(j.jenkins, JenkinsPlatform.PASSWORD_ID));
        assertThat(password(j.jenkins, JenkinsPlatform.PASSWORD_ID)).isNotEqualTo(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void theOptInNamesOneCredentialInOneStore() throws Exception {
        // The same id in a folder store is another credential: listing it for the Jenkins store allows nothing there.
        PlatformPasswordConfiguration.get().setRotationAsSystem(JenkinsPlatform.PASSWORD_ID);
        Folder folder = j.createProject(Folder.class, "customer");
        addPassword(folder, JenkinsPlatform.PASSWORD_ID, "Folder-Passw0rd-initial");
        FreeStyleProject project = rotatingJob(folder, "in-folder", JenkinsPlatform.PASSWORD_ID);
        Map<String, String> before = contents(folder);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("with the line: customer/" + JenkinsPlatform.PASSWORD_ID, build);
        assertNothingHappened(before, folder);
    }

    @Test
    void aBuildRunningAsAUserWithoutCredentialsUpdateMayNotRotate() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "as-operator", JenkinsPlatform.PASSWORD_ID);
        runAs(project, OPERATOR);
        grantOperator(false);
        Map<String, String> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("the build runs as " + OPERATOR + ", who lacks Credentials/Update", build);
        assertNothingHappened(before, j.jenkins);
    }

    @Test
    void aBuildRunningAsAUserWithCredentialsUpdateRotates() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "as-operator-allowed", JenkinsPlatform.PASSWORD_ID);
        runAs(project, OPERATOR);
        grantOperator(true);

        j.buildAndAssertSuccess(project);

        String rotated = password(j.jenkins, JenkinsPlatform.PASSWORD_ID);
        assertThat(rotated).isNotEqualTo(JenkinsPlatform.NEW_PASSWORD);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(rotated);
    }

    @Test
    void aPipelineRunsTheRotationAsTheBuildsIdentityToo() throws Exception {
        WorkflowJob job = j.createProject(WorkflowJob.class, "pipeline-as-operator");
        job.setDefinition(new CpsFlowDefinition(
                "changePlatformPassword(credentialsId: '" + JenkinsPlatform.API_CLIENT_ID + "', userId: '"
                        + platform.customerUser + "', passwordCredentialsId: '" + JenkinsPlatform.PASSWORD_ID
                        + "', generatePassword: true, baseUrl: '" + platform.url() + "')",
                true));
        runAs(job, OPERATOR);
        grantOperator(false);
        Map<String, String> before = contents(j.jenkins);

        WorkflowRun run = j.buildAndAssertStatus(Result.FAILURE, job);

        j.assertLogContains("the build runs as " + OPERATOR + ", who lacks Credentials/Update", run);
        assertNothingHappened(before, j.jenkins);
    }

    @Test
    void aFolderJobCannotRotateACredentialOfAnotherFolder() throws Exception {
        Folder acme = j.createProject(Folder.class, "acme");
        Folder globex = j.createProject(Folder.class, "globex");
        addPassword(globex, "globex-user-password", "Globex-Passw0rd-initial");
        // Even an opt-in naming the other folder's credential does not make it visible to this job.
        PlatformPasswordConfiguration.get().setRotationAsSystem("globex/globex-user-password");
        FreeStyleProject project = rotatingJob(acme, "reach-across", "globex-user-password");
        Map<String, String> before = contents(globex);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("no credential with id 'globex-user-password' is available to this build", build);
        assertNothingHappened(before, globex);
    }

    @Test
    void aDryRunReportsThatTheRotationWouldBeAllowedAndWritesNothing() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "dry-run-allowed", JenkinsPlatform.PASSWORD_ID);
        ((ChangePlatformPasswordStep) project.getBuildersList().get(0)).setDryRun(true);
        runAs(project, OPERATOR);
        grantOperator(true);
        Map<String, String> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("Dry run: the rotation would be allowed: the build runs as " + OPERATOR, build);
        assertThat(contents(j.jenkins)).isEqualTo(before);
        assertThat(platform.simulator.requests())
                .noneMatch(request -> request.path().endsWith("/password"));
    }

    @Test
    void aDryRunReportsThatTheRotationWouldBeRefused() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "dry-run-refused", JenkinsPlatform.PASSWORD_ID);
        ((ChangePlatformPasswordStep) project.getBuildersList().get(0)).setDryRun(true);
        Map<String, String> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("this build runs as SYSTEM", build);
        assertNothingHappened(before, j.jenkins);
    }

    private FreeStyleProject rotatingJob(ItemGroup<?> parent, String name, String passwordCredentialsId)
            throws Exception {
        FreeStyleProject project = parent instanceof Folder folder
                ? folder.createProject(FreeStyleProject.class, name)
                : j.createFreeStyleProject(name);
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(passwordCredentialsId);
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        step.setGeneratePassword(true);
        project.getBuildersList().add(step);
        return project;
    }

    /**
     * The operator may read, build and use the job's credentials, and take an executor; with
     * {@code mayRewrite} also Credentials/Update, Create and Delete on the Jenkins store.
     */
    private void grantOperator(boolean mayRewrite) {
        MockAuthorizationStrategy strategy = new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, CredentialsProvider.USE_ITEM)
                .everywhere()
                .to(OPERATOR)
                .grant(Computer.BUILD)
                .onRoot()
                .to(OPERATOR);
        if (mayRewrite) {
            strategy.grant(CredentialsProvider.UPDATE, CredentialsProvider.CREATE, CredentialsProvider.DELETE)
                    .onRoot()
                    .to(OPERATOR);
        }
        j.jenkins.setAuthorizationStrategy(strategy);
    }

    private static void runAs(Item job, String user) {
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator()
                        .authenticate(
                                job.getFullName(), User.getById(user, true).impersonate2()));
    }

    private static void addPassword(Folder folder, String id, String value) throws Exception {
        RotationStepTest.storeOf(folder)
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL, id, "a customer's password", Secret.fromString(value)));
    }

    /** Every credential of the store that belongs to this context, id to secret (or description), to compare before and after. */
    private static Map<String, String> contents(Object context) {
        CredentialsStore store = RotationStepTest.storeOf(context);
        Map<String, String> contents = new TreeMap<>();
        for (Domain domain : store.getDomains()) {
            for (com.cloudbees.plugins.credentials.Credentials credentials : store.getCredentials(domain)) {
                StandardCredentials standard = (StandardCredentials) credentials;
                contents.put(
                        domain.getName() + "/" + standard.getId(),
                        credentials instanceof StringCredentials text
                                ? text.getSecret().getPlainText()
                                : standard.getDescription());
            }
        }
        return contents;
    }

    private void assertNothingHappened(Map<String, String> before, Object context) {
        assertThat(contents(context)).as("the store's contents").isEqualTo(before);
        assertThat(platform.simulator.requests())
                .as("requests the platform saw")
                .isEmpty();
    }

    private static String password(ItemGroup<?> context, String id) {
        List<StringCredentials> all =
                CredentialsProvider.lookupCredentialsInItemGroup(StringCredentials.class, context, null, List.of());
        return all.stream()
                .filter(c -> c.getId().equals(id))
                .findFirst()
                .orElseThrow()
                .getSecret()
                .getPlainText();
    }
}
