package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.hudson.plugins.folder.Folder;
import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainSpecification;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.ItemGroup;
import hudson.model.Result;
import hudson.model.User;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.FormValidation;
import hudson.util.Secret;
import java.util.List;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Someone allowed only to add credentials must not choose what the step uses by adding a second
 * credential under a used id: in the global domain of the store that holds the real one in a
 * host-restricted domain, or in a folder nearer the job than the real one's store. Lookups take
 * the first they find, so each test plants the twin where it would be found first, through the
 * store's own permission check, as a user who holds Credentials/Create and nothing else there.
 */
@WithJenkins
class SameIdCredentialsTest {

    private static final String PLANTER = "mallory";
    private static final String TARGET = "eu2-user-password";
    private static final String REAL_PASSWORD = "Real-Passw0rd-of-the-user-3c1d";
    private static final String PLANTED_PASSWORD = "Planted-Passw0rd-canary-9e4a";
    private static final String PLANTED_SECRET = "planted-client-secret-canary-51f0";

    private JenkinsRule j;
    private JenkinsPlatform platform;
    private CredentialsStore jenkinsStore;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
        jenkinsStore = RotationStepTest.storeOf(j.jenkins);
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void aPasswordPlantedInTheGlobalDomainOfItsStoreIsRefused() throws Exception {
        Domain here = hostDomain("127.0.0.1");
        jenkinsStore.addDomain(here, secretText(TARGET, REAL_PASSWORD));
        allowPlanterToCreateOn(j.jenkins);
        plant(jenkinsStore, secretText(TARGET, PLANTED_PASSWORD));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, job(j.jenkins, TARGET, false));

        j.assertLogContains(
                "passwordCredentialsId: credential '" + TARGET + "' is not the only credential with that id that "
                        + "this job can use for 127.0.0.1: its folders and Jenkins hold 2 of them",
                build);
        assertNothingSent(build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
    }

    @Test
    void aPasswordPlantedInANearerFolderIsRefused() throws Exception {
        Folder customer = j.createProject(Folder.class, "customer");
        allowPlanterToCreateOn(customer);
        plant(RotationStepTest.storeOf(customer), secretText(JenkinsPlatform.PASSWORD_ID, PLANTED_PASSWORD));

        FreeStyleBuild build =
                j.buildAndAssertStatus(Result.FAILURE, job(customer, JenkinsPlatform.PASSWORD_ID, false));

        j.assertLogContains(
                "passwordCredentialsId: credential '" + JenkinsPlatform.PASSWORD_ID
                        + "' is not the only credential with that id",
                build);
        j.assertLogNotContains(JenkinsPlatform.NEW_PASSWORD, build);
        assertNothingSent(build);
    }

    @Test
    void aRotationTargetPlantedInTheGlobalDomainOfItsStoreIsNeitherRotatedNorReplaced() throws Exception {
        // The opt-in names the store and the id, not the domain: only the id check tells the two apart.
        PlatformPasswordConfiguration.get().setRotationAsSystem(TARGET);
        Domain here = hostDomain("127.0.0.1");
        jenkinsStore.addDomain(here, secretText(TARGET, REAL_PASSWORD));
        allowPlanterToCreateOn(j.jenkins);
        plant(jenkinsStore, secretText(TARGET, PLANTED_PASSWORD));

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, job(j.jenkins, TARGET, true));

        j.assertLogContains(
                "passwordCredentialsId: credential '" + TARGET + "' is not the only credential with that id", build);
        assertNothingSent(build);
        try (ACLContext asSystem = ACL.as2(ACL.SYSTEM2)) {
            assertThat(stored(here, TARGET)).isEqualTo(REAL_PASSWORD);
            assertThat(stored(Domain.global(), TARGET)).isEqualTo(PLANTED_PASSWORD);
            assertThat(stored(Domain.global(), TARGET + CredentialRotationStore.PENDING_SUFFIX))
                    .isNull();
            assertThat(stored(here, TARGET + CredentialRotationStore.PENDING_SUFFIX))
                    .isNull();
        }
    }

    @Test
    void anApiClientPlantedInANearerFolderIsRefused() throws Exception {
        Folder customer = j.createProject(Folder.class, "customer");
        allowPlanterToCreateOn(customer);
        plant(
                RotationStepTest.storeOf(customer),
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        JenkinsPlatform.API_CLIENT_ID,
                        "planted",
                        platform.apiClient.clientId(),
                        PLANTED_SECRET));

        FreeStyleBuild build =
                j.buildAndAssertStatus(Result.FAILURE, job(customer, JenkinsPlatform.PASSWORD_ID, false));

        j.assertLogContains(
                "credentialsId: credential '" + JenkinsPlatform.API_CLIENT_ID
                        + "' is not the only credential with that id",
                build);
        j.assertLogNotContains(PLANTED_SECRET, build);
        j.assertLogNotContains(JenkinsPlatform.CLIENT_SECRET, build);
        assertNothingSent(build);
    }

    @Test
    void aSystemScopedPasswordPlantedInAFolderIsNotUsed() throws Exception {
        // A folder's form offers only the Global scope, but its store takes any; its provider hands out any too.
        Folder customer = j.createProject(Folder.class, "customer");
        allowPlanterToCreateOn(customer);
        plant(
                RotationStepTest.storeOf(customer),
                new StringCredentialsImpl(
                        CredentialsScope.SYSTEM,
                        JenkinsPlatform.PASSWORD_ID,
                        "planted",
                        Secret.fromString(PLANTED_PASSWORD)));

        FreeStyleBuild build =
                j.buildAndAssertStatus(Result.FAILURE, job(customer, JenkinsPlatform.PASSWORD_ID, false));

        j.assertLogContains(
                "passwordCredentialsId: credential '" + JenkinsPlatform.PASSWORD_ID + "' has the System scope", build);
        assertNothingSent(build);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).isEmpty();
    }

    @Test
    void testConnectionRefusesAnApiClientIdThatNamesTwoCredentials() throws Exception {
        Folder customer = j.createProject(Folder.class, "customer");
        FreeStyleProject project = job(customer, JenkinsPlatform.PASSWORD_ID, false);
        allowPlanterToCreateOn(customer);
        plant(
                RotationStepTest.storeOf(customer),
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        JenkinsPlatform.API_CLIENT_ID,
                        "planted",
                        platform.apiClient.clientId(),
                        PLANTED_SECRET));
        ChangePlatformPasswordStep.DescriptorImpl form =
                j.jenkins.getDescriptorByType(ChangePlatformPasswordStep.DescriptorImpl.class);

        FormValidation check = form.doTestConnection(
                project, "", platform.url(), JenkinsPlatform.API_CLIENT_ID, platform.customerUser);

        assertThat(check.kind).isEqualTo(FormValidation.Kind.ERROR);
        assertThat(check.renderHtml()).contains("its folders and Jenkins hold 2 of them");
        assertThat(platform.simulator.requests()).as("neither secret was sent").isEmpty();
    }

    @Test
    void aSameIdCredentialOfAKindTheLookupSkipsIsNotCounted() throws Exception {
        // The API client's lookup takes only Username with password credentials: a Secret text twin cannot shadow it.
        Folder customer = j.createProject(Folder.class, "customer");
        allowPlanterToCreateOn(customer);
        plant(RotationStepTest.storeOf(customer), secretText(JenkinsPlatform.API_CLIENT_ID, PLANTED_SECRET));

        FreeStyleBuild build = j.buildAndAssertSuccess(job(customer, JenkinsPlatform.PASSWORD_ID, false));

        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(JenkinsPlatform.NEW_PASSWORD);
        j.assertLogNotContains(PLANTED_SECRET, build);
    }

    @Test
    void oneIdInTwoDataCentersDomainsNamesOneCredentialForEach() throws Exception {
        // The layout docs/rotation.md describes: one store, one domain per data center, the same id in each.
        jenkinsStore.addDomain(hostDomain("eu8-cloud.example.com"), secretText(TARGET, PLANTED_PASSWORD));
        jenkinsStore.addDomain(hostDomain("127.0.0.1"), secretText(TARGET, REAL_PASSWORD));

        FreeStyleBuild build = j.buildAndAssertSuccess(job(j.jenkins, TARGET, false));

        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(REAL_PASSWORD);
        j.assertLogNotContains(REAL_PASSWORD, build);
    }

    @Test
    void thePasswordFieldWarnsOfAnIdThatNamesTwoCredentials() throws Exception {
        Domain here = hostDomain("127.0.0.1");
        jenkinsStore.addDomain(here, secretText(TARGET, REAL_PASSWORD));
        FreeStyleProject project = job(j.jenkins, TARGET, false);
        ChangePlatformPasswordStep.DescriptorImpl form =
                j.jenkins.getDescriptorByType(ChangePlatformPasswordStep.DescriptorImpl.class);
        assertThat(form.doCheckPasswordCredentialsId(project, TARGET, JenkinsPlatform.API_CLIENT_ID, platform.url(), "")
                        .kind)
                .isEqualTo(FormValidation.Kind.OK);
        allowPlanterToCreateOn(j.jenkins);
        plant(jenkinsStore, secretText(TARGET, PLANTED_PASSWORD));

        FormValidation check =
                form.doCheckPasswordCredentialsId(project, TARGET, JenkinsPlatform.API_CLIENT_ID, platform.url(), "");

        assertThat(check.kind).isEqualTo(FormValidation.Kind.WARNING);
        assertThat(check.renderHtml())
                .contains("its folders and Jenkins hold 2 of them, and the build will refuse it")
                .doesNotContain(PLANTED_PASSWORD)
                .doesNotContain(REAL_PASSWORD);
    }

    /** The planter may add credentials to this context's store, and do nothing else there. */
    private void allowPlanterToCreateOn(ItemGroup<?> context) {
        MockAuthorizationStrategy strategy =
                new MockAuthorizationStrategy().grant(Jenkins.READ).everywhere().to(PLANTER);
        if (context instanceof Folder folder) {
            strategy.grantWithoutImplication(CredentialsProvider.CREATE)
                    .onFolders(folder)
                    .to(PLANTER);
        } else {
            strategy.grantWithoutImplication(CredentialsProvider.CREATE)
                    .onRoot()
                    .to(PLANTER);
        }
        j.jenkins.setAuthorizationStrategy(strategy);
    }

    /** Adds the twin to the store's global domain as the planter, through the store's permission check. */
    private static void plant(CredentialsStore store, Credentials twin) throws Exception {
        try (ACLContext asPlanter = ACL.as2(User.getById(PLANTER, true).impersonate2())) {
            assertThat(store.addCredentials(Domain.global(), twin))
                    .as("the store takes a second credential under the id in another domain")
                    .isTrue();
        }
    }

    private void assertNothingSent(FreeStyleBuild build) throws Exception {
        j.assertLogNotContains(PLANTED_PASSWORD, build);
        j.assertLogNotContains(REAL_PASSWORD, build);
        assertThat(platform.simulator.requests())
                .as("requests the platform saw")
                .isEmpty();
    }

    private FreeStyleProject job(ItemGroup<?> parent, String passwordCredentialsId, boolean rotate) throws Exception {
        FreeStyleProject project = parent instanceof Folder folder
                ? folder.createProject(FreeStyleProject.class, "change")
                : j.createFreeStyleProject("change");
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(passwordCredentialsId);
        step.setUserId(platform.customerUser);
        step.setCredentialsId(JenkinsPlatform.API_CLIENT_ID);
        step.setBaseUrl(platform.url());
        step.setCheckCompromised(false);
        step.setGeneratePassword(rotate);
        project.getBuildersList().add(step);
        return project;
    }

    private String stored(Domain domain, String id) {
        return jenkinsStore.getCredentials(domain).stream()
                .filter(StringCredentials.class::isInstance)
                .map(StringCredentials.class::cast)
                .filter(credential -> credential.getId().equals(id))
                .map(credential -> credential.getSecret().getPlainText())
                .findFirst()
                .orElse(null);
    }

    private static StringCredentials secretText(String id, String value) {
        return new StringCredentialsImpl(CredentialsScope.GLOBAL, id, "a user's password", Secret.fromString(value));
    }

    private static Domain hostDomain(String host) {
        return new Domain(host, "only " + host, List.<DomainSpecification>of(new HostnameSpecification(host, null)));
    }
}
