package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainSpecification;
import com.cloudbees.plugins.credentials.domains.HostnameSpecification;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import hudson.util.ListBoxModel;
import hudson.util.Secret;
import java.util.List;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Credentials are looked up with the data center URL's domain requirements everywhere: what the
 * dropdown offers for a data center is what the build uses, and a credential an administrator
 * restricted to one data center's host is never sent to another.
 */
@WithJenkins
class CredentialDomainTest {

    private static final String SCOPED_CLIENT = "eu8-api-client";
    private static final String SCOPED_PASSWORD = "eu8-user-password";
    private static final String SCOPED_PASSWORD_VALUE = "Scoped-Passw0rd-canary-5b7e";

    private JenkinsRule j;
    private JenkinsPlatform platform;
    private CredentialsStore store;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
        store = RotationStepTest.storeOf(j.jenkins);
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void aCredentialRestrictedToAnotherDataCenterIsNotSentToThisOne() throws Exception {
        addApiClient(domainFor("eu8-cloud.example.com"));
        FreeStyleProject project = project();

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "credentialsId: credential '" + SCOPED_CLIENT
                        + "' exists but is restricted to a credentials domain that does not include 127.0.0.1",
                build);
        j.assertLogNotContains(JenkinsPlatform.CLIENT_SECRET, build);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aCredentialRestrictedToThisDataCenterIsUsed() throws Exception {
        addApiClient(domainFor("127.0.0.1"));

        j.buildAndAssertSuccess(project());

        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(JenkinsPlatform.NEW_PASSWORD);
    }

    @Test
    void theDropdownOffersWhatTheDataCenterAdmits() throws Exception {
        addApiClient(domainFor("eu8-cloud.example.com"));
        ChangePlatformPasswordStep.DescriptorImpl descriptor =
                j.jenkins.getDescriptorByType(ChangePlatformPasswordStep.DescriptorImpl.class);
        FreeStyleProject project = j.createFreeStyleProject("form");

        assertThat(ids(descriptor.doFillCredentialsIdItems(project, "", "https://eu8-cloud.example.com", "")))
                .contains(SCOPED_CLIENT, JenkinsPlatform.API_CLIENT_ID);
        assertThat(ids(descriptor.doFillCredentialsIdItems(project, "", platform.url(), "")))
                .contains(JenkinsPlatform.API_CLIENT_ID)
                .doesNotContain(SCOPED_CLIENT);
    }

    @Test
    void aNewPasswordRestrictedToAnotherDataCenterIsNotSentToThisOne() throws Exception {
        addPassword(domainFor("eu8-cloud.example.com"));
        FreeStyleProject project = project(JenkinsPlatform.API_CLIENT_ID, SCOPED_PASSWORD);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "passwordCredentialsId: credential '" + SCOPED_PASSWORD
                        + "' exists but is restricted to a credentials domain that does not include 127.0.0.1",
                build);
        j.assertLogNotContains(SCOPED_PASSWORD_VALUE, build);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aRotationTargetRestrictedToAnotherDataCenterIsNotRotated() throws Exception {
        // The opt-in lets this SYSTEM build rotate the credential, so only the domain can refuse it.
        PlatformPasswordConfiguration.get().setRotationAsSystem(SCOPED_PASSWORD);
        Domain elsewhere = domainFor("eu8-cloud.example.com");
        addPassword(elsewhere);
        FreeStyleProject project = rotation();

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project);

        j.assertLogContains(
                "passwordCredentialsId: credential '" + SCOPED_PASSWORD
                        + "' exists but is restricted to a credentials domain that does not include 127.0.0.1",
                build);
        assertThat(platform.simulator.requests()).isEmpty();
        assertThat(storedPassword(elsewhere, SCOPED_PASSWORD)).isEqualTo(SCOPED_PASSWORD_VALUE);
        assertThat(storedPassword(elsewhere, SCOPED_PASSWORD + CredentialRotationStore.PENDING_SUFFIX))
                .isNull();
    }

    @Test
    void aRotationTargetRestrictedToThisDataCenterIsRotatedInItsDomain() throws Exception {
        PlatformPasswordConfiguration.get().setRotationAsSystem(SCOPED_PASSWORD);
        Domain here = domainFor("127.0.0.1");
        addPassword(here);

        j.buildAndAssertSuccess(rotation());

        String rotated = storedPassword(here, SCOPED_PASSWORD);
        assertThat(rotated).isNotNull().isNotEqualTo(SCOPED_PASSWORD_VALUE);
        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(rotated);
        assertThat(storedPassword(here, SCOPED_PASSWORD + CredentialRotationStore.PENDING_SUFFIX))
                .isNull();
    }

    private void addPassword(Domain domain) throws Exception {
        store.addDomain(
                domain,
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        SCOPED_PASSWORD,
                        "password of one data center's user",
                        Secret.fromString(SCOPED_PASSWORD_VALUE)));
    }

    /** The secret of a Secret text credential in this domain of the Jenkins store, or null when there is none. */
    private String storedPassword(Domain domain, String id) {
        return store.getCredentials(domain).stream()
                .filter(StringCredentials.class::isInstance)
                .map(StringCredentials.class::cast)
                .filter(credential -> credential.getId().equals(id))
                .map(credential -> credential.getSecret().getPlainText())
                .findFirst()
                .orElse(null);
    }

    private FreeStyleProject rotation() throws Exception {
        FreeStyleProject project = project(JenkinsPlatform.API_CLIENT_ID, SCOPED_PASSWORD);
        ((ChangePlatformPasswordStep) project.getBuildersList().get(0)).setGeneratePassword(true);
        return project;
    }

    private void addApiClient(Domain domain) throws Exception {
        store.addDomain(
                domain,
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        SCOPED_CLIENT,
                        "API client of one data center",
                        platform.apiClient.clientId(),
                        JenkinsPlatform.CLIENT_SECRET));
    }

    private static Domain domainFor(String host) {
        return new Domain(host, "only " + host, List.<DomainSpecification>of(new HostnameSpecification(host, null)));
    }

    private FreeStyleProject project() throws Exception {
        return project(SCOPED_CLIENT, JenkinsPlatform.PASSWORD_ID);
    }

    private FreeStyleProject project(String apiClientCredentialsId, String passwordCredentialsId) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(passwordCredentialsId);
        step.setUserId(platform.customerUser);
        step.setCredentialsId(apiClientCredentialsId);
        step.setBaseUrl(platform.url());
        step.setCheckCompromised(false);
        project.getBuildersList().add(step);
        return project;
    }

    private static List<String> ids(ListBoxModel model) {
        return model.stream().map(option -> option.value).toList();
    }
}
