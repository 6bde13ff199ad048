package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import hudson.model.Computer;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.ItemGroup;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.Permission;
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
        Map<String, Stored> before = contents(j.jenkins);

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
        // (With both present the id is ambiguous and refused before this; see SameIdCredentialsTest.)
        PlatformPasswordConfiguration.get().setRotationAsSystem(JenkinsPlatform.PASSWORD_ID);
        RotationStepTest.storeOf(j.jenkins)
                .removeCredentials(
                        Domain.global(), RotationStepTest.secretText(j.jenkins, JenkinsPlatform.PASSWORD_ID));
        Folder folder = j.createProject(Folder.class, "customer");
        addPassword(folder, JenkinsPlatform.PASSWORD_ID, "Folder-Passw0rd-initial");
        FreeStyleProject project = rotatingJob(folder, "in-folder", JenkinsPlatform.PASSWORD_ID);
        Map<String, Stored> before = contents(folder);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("with the line: customer/" + JenkinsPlatform.PASSWORD_ID, build);
        assertNothingHappened(before, folder);
    }

    @Test
    void anIdWithASlashIsNeverRotatedAsSystem() throws Exception {
        // "customer/x" in the Jenkins store would answer to the line meant for folder customer's "x".
        String slashed = "customer/" + JenkinsPlatform.PASSWORD_ID;
        RotationStepTest.storeOf(j.jenkins)
                .addCredentials(
                        Domain.global(),
                        new StringCredentialsImpl(
                                CredentialsScope.GLOBAL, slashed, "crafted id", Secret.fromString("Slash-Passw0rd-1")));
        PlatformPasswordConfiguration.get().setRotationAsSystem(slashed);
        FreeStyleProject project = rotatingJob(j.jenkins, "slashed", slashed);
        Map<String, Stored> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("credential '" + slashed + "' has a / in its id", build);
        assertNothingHappened(before, j.jenkins);
    }

    @Test
    void aBuildRunningAsAUserWithoutCredentialsUpdateMayNotRotate() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "as-operator", JenkinsPlatform.PASSWORD_ID);
        runAs(project, OPERATOR);
        grantOperator(false);
        Map<String, Stored> before = contents(j.jenkins);

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
        Map<String, Stored> before = contents(j.jenkins);

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
        Map<String, Stored> before = contents(globex);

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
        Map<String, Stored> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains("Dry run: the rotation would be allowed: the build runs as " + OPERATOR, build);
        assertUnchanged(before, j.jenkins);
        assertThat(platform.simulator.requests())
                .noneMatch(request -> request.path().endsWith("/password"));
    }

    @Test
    void aDryRunReportsThatTheRotationWouldBeRefused() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "dry-run-refused", JenkinsPlatform.PASSWORD_ID);
        ((ChangePlatformPasswordStep) project.getBuildersList().get(0)).setDryRun(true);
        Map<String, Stored> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains("this build runs as SYSTEM", build);
        assertNothingHappened(before, j.jenkins);
    }

    @Test
    void aFolderUserCannotRotateAGlobalCredentialOfTheJenkinsStore() throws Exception {
        // The managed service provider's case: all the rights a rotation needs, but in the customer's folder only.
        Folder acme = j.createProject(Folder.class, "acme");
        FreeStyleProject project = rotatingJob(acme, "reach-up", JenkinsPlatform.PASSWORD_ID);
        runAs(project, OPERATOR);
        j.jenkins.setAuthorizationStrategy(operator()
                .grant(CredentialsProvider.UPDATE, CredentialsProvider.CREATE, CredentialsProvider.DELETE)
                .onFolders(acme)
                .to(OPERATOR));
        Map<String, Stored> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "the build runs as " + OPERATOR + ", who lacks Credentials/Update on the Jenkins credentials store, "
                        + "which holds '" + JenkinsPlatform.PASSWORD_ID + "'",
                build);
        assertNothingHappened(before, j.jenkins);
    }

    @Test
    void aFolderUserRotatesACredentialOfItsOwnFolder() throws Exception {
        // The other side of the case above: the same folder-only rights suffice for the folder's own credential.
        Folder acme = j.createProject(Folder.class, "acme");
        addPassword(acme, "acme-user-password", "Acme-Passw0rd-initial");
        FreeStyleProject project = rotatingJob(acme, "own-folder", "acme-user-password");
        runAs(project, OPERATOR);
        j.jenkins.setAuthorizationStrategy(operator()
                .grant(CredentialsProvider.UPDATE, CredentialsProvider.CREATE, CredentialsProvider.DELETE)
                .onFolders(acme)
                .to(OPERATOR));

        j.buildAndAssertSuccess(project);

        String rotated = password(acme, "acme-user-password");
        assertThat(rotated).isNotEqualTo("Acme-Passw0rd-initial");
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(rotated);
        assertThat(password(j.jenkins, JenkinsPlatform.PASSWORD_ID)).isEqualTo(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void updateWithoutCreateIsRefusedForThePendingEntry() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "no-create", JenkinsPlatform.PASSWORD_ID);
        runAs(project, OPERATOR);
        grantOperatorOnRootOnly(CredentialsProvider.UPDATE, CredentialsProvider.DELETE);
        Map<String, Stored> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "the build runs as " + OPERATOR + ", who lacks Credentials/Create on the Jenkins credentials store",
                build);
        assertNothingHappened(before, j.jenkins);
    }

    @Test
    void updateWithoutDeleteIsRefusedForThePendingEntry() throws Exception {
        FreeStyleProject project = rotatingJob(j.jenkins, "no-delete", JenkinsPlatform.PASSWORD_ID);
        runAs(project, OPERATOR);
        grantOperatorOnRootOnly(CredentialsProvider.UPDATE, CredentialsProvider.CREATE);
        Map<String, Stored> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "the build runs as " + OPERATOR + ", who lacks Credentials/Delete on the Jenkins credentials store",
                build);
        assertNothingHappened(before, j.jenkins);
    }

    @Test
    void aDryRunOfAnOptedInSystemBuildReportsAllowedAndWritesNothing() throws Exception {
        PlatformPasswordConfiguration.get().setRotationAsSystem(JenkinsPlatform.PASSWORD_ID);
        FreeStyleProject project = rotatingJob(j.jenkins, "dry-run-as-system", JenkinsPlatform.PASSWORD_ID);
        ((ChangePlatformPasswordStep) project.getBuildersList().get(0)).setDryRun(true);
        Map<String, Stored> before = contents(j.jenkins);

        FreeStyleBuild build = j.buildAndAssertSuccess(project);

        j.assertLogContains(
                "Dry run: the rotation would be allowed: the build runs as SYSTEM, and an administrator allowed "
                        + "builds running as SYSTEM to rotate '" + JenkinsPlatform.PASSWORD_ID + "' (entry "
                        + JenkinsPlatform.PASSWORD_ID + "). Nothing was written.",
                build);
        assertUnchanged(before, j.jenkins);
        assertThat(platform.simulator.requests())
                .as("requests the platform saw")
                .noneMatch(request -> request.path().endsWith("/password"));
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
        MockAuthorizationStrategy strategy = operator();
        if (mayRewrite) {
            strategy.grant(CredentialsProvider.UPDATE, CredentialsProvider.CREATE, CredentialsProvider.DELETE)
                    .onRoot()
                    .to(OPERATOR);
        }
        j.jenkins.setAuthorizationStrategy(strategy);
    }

    /** What every operator test grants: read, build and use the job's credentials, and take an executor. */
    private static MockAuthorizationStrategy operator() {
        return new MockAuthorizationStrategy()
                .grant(Jenkins.READ, Item.READ, Item.BUILD, CredentialsProvider.USE_ITEM)
                .everywhere()
                .to(OPERATOR)
                .grant(Computer.BUILD)
                .onRoot()
                .to(OPERATOR);
    }

    /** The operator's base rights and exactly these on the Jenkins store, without what they would imply. */
    private void grantOperatorOnRootOnly(Permission... rights) {
        j.jenkins.setAuthorizationStrategy(
                operator().grantWithoutImplication(rights).onRoot().to(OPERATOR));
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

    /**
     * Every credential of the store that belongs to this context, by domain and id, to compare
     * before and after: its kind, description, and the username and password or secret it holds.
     */
    private static Map<String, Stored> contents(Object context) {
        CredentialsStore store = RotationStepTest.storeOf(context);
        Map<String, Stored> contents = new TreeMap<>();
        for (Domain domain : store.getDomains()) {
            for (com.cloudbees.plugins.credentials.Credentials credentials : store.getCredentials(domain)) {
                String id = ((StandardCredentials) credentials).getId();
                contents.put(domain.getName() + "/" + id, Stored.of(credentials));
            }
        }
        return contents;
    }

    /**
     * One stored credential as the comparison sees it. Equality covers the secret, and a username
     * the credential marks as secret, but {@link #toString()} shows neither, so a failed comparison
     * names the credential without printing its password.
     */
    private record Stored(String kind, String description, String username, boolean usernameSecret, String secret) {

        static Stored of(com.cloudbees.plugins.credentials.Credentials credentials) {
            StandardCredentials standard = (StandardCredentials) credentials;
            String kind = credentials.getClass().getSimpleName();
            if (credentials instanceof StringCredentials text) {
                return new Stored(
                        kind,
                        standard.getDescription(),
                        null,
                        false,
                        text.getSecret().getPlainText());
            }
            if (credentials instanceof StandardUsernamePasswordCredentials pair) {
                return new Stored(
                        kind,
                        standard.getDescription(),
                        pair.getUsername(),
                        pair.isUsernameSecret(),
                        pair.getPassword().getPlainText());
            }
            throw new AssertionError("a test store holds only Secret text and Username with password: " + kind);
        }

        /** Leaves the secret out, as {@link #toString()} does; equal records still hash alike. */
        @Override
        public int hashCode() {
            return java.util.Objects.hash(kind, description, usernameSecret ? null : username);
        }

        @Override
        public String toString() {
            return kind + "[" + description + (username == null || usernameSecret ? "" : ", username " + username)
                    + ", secret not shown]";
        }
    }

    private void assertNothingHappened(Map<String, Stored> before, Object context) {
        assertUnchanged(before, context);
        assertThat(platform.simulator.requests())
                .as("requests the platform saw")
                .isEmpty();
    }

    private static void assertUnchanged(Map<String, Stored> before, Object context) {
        Map<String, Stored> after = contents(context);
        assertThat(after.keySet()).as("the credentials in the store").isEqualTo(before.keySet());
        before.forEach((key, stored) -> assertThat(after.get(key))
                .as("credential %s (its secret is compared, not shown)", key)
                .isEqualTo(stored));
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
