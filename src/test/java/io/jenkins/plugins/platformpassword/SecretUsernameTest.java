package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleBuild;
import hudson.model.FreeStyleProject;
import hudson.model.Result;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * An API client credential whose username is marked secret ("Treat username as secret") keeps the
 * client id out of the build log: the build passes {@code isUsernameSecret()} on to the client,
 * which then names the client as {@value SecretValue#MASK}. The client id is the canary; the same
 * id in an ordinary credential shows that the log would name it otherwise.
 */
@WithJenkins
class SecretUsernameTest {

    private static final String SECRET_USERNAME_CLIENT = "api-client-with-secret-username";

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
    void anOrdinaryCredentialNamesTheClientIdInTheLog() throws Exception {
        FreeStyleBuild build = j.buildAndAssertSuccess(project(JenkinsPlatform.API_CLIENT_ID));

        j.assertLogContains("as API client " + platform.apiClient.clientId(), build);
    }

    @Test
    void aUsernameMarkedSecretIsMaskedInTheLog() throws Exception {
        addApiClient(JenkinsPlatform.CLIENT_SECRET);

        FreeStyleBuild build = j.buildAndAssertSuccess(project(SECRET_USERNAME_CLIENT));

        assertThat(platform.simulator.passwordOf(platform.customerUser)).hasValue(JenkinsPlatform.NEW_PASSWORD);
        j.assertLogContains("as API client " + SecretValue.MASK, build);
        j.assertLogNotContains(platform.apiClient.clientId(), build);
    }

    @Test
    void aRefusedClientWithASecretUsernameIsMaskedInTheFailureToo() throws Exception {
        String wrongSecret = "wrong-Secret-canary-4d1e";
        addApiClient(wrongSecret);

        FreeStyleBuild build = j.buildAndAssertStatus(Result.FAILURE, project(SECRET_USERNAME_CLIENT));

        j.assertLogContains("API client " + SecretValue.MASK, build);
        j.assertLogNotContains(platform.apiClient.clientId(), build);
        j.assertLogNotContains(wrongSecret, build);
        assertThat(platform.simulator.requests())
                .noneMatch(request -> request.path().endsWith("/password"));
    }

    /** The simulator's API client again, in a credential that marks its username (the client id) secret. */
    private void addApiClient(String secret) throws Exception {
        UsernamePasswordCredentialsImpl credential = new UsernamePasswordCredentialsImpl(
                CredentialsScope.GLOBAL,
                SECRET_USERNAME_CLIENT,
                "API client whose id is secret",
                platform.apiClient.clientId(),
                secret);
        credential.setUsernameSecret(true);
        RotationStepTest.storeOf(j.jenkins).addCredentials(Domain.global(), credential);
    }

    private FreeStyleProject project(String apiClientCredentialsId) throws Exception {
        FreeStyleProject project = j.createFreeStyleProject();
        ChangePlatformPasswordStep step = new ChangePlatformPasswordStep(JenkinsPlatform.PASSWORD_ID);
        step.setUserId(platform.customerUser);
        step.setCredentialsId(apiClientCredentialsId);
        step.setBaseUrl(platform.url());
        step.setCheckCompromised(false);
        project.getBuildersList().add(step);
        return project;
    }
}
