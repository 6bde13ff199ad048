package io.jenkins.plugins.platformpassword;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.UserCredentialsProvider;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainCredentials;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.FreeStyleProject;
import hudson.model.Item;
import hudson.model.User;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import jenkins.model.Jenkins;
import jenkins.security.QueueItemAuthenticatorConfiguration;
import org.htmlunit.HttpMethod;
import org.htmlunit.Page;
import org.htmlunit.WebRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.jvnet.hudson.test.JenkinsRule;
import org.jvnet.hudson.test.MockAuthorizationStrategy;
import org.jvnet.hudson.test.MockQueueItemAuthenticator;
import org.jvnet.hudson.test.junit.jupiter.WithJenkins;

/**
 * Nobody who may not configure a job can list credential ids through its form, or make Jenkins
 * send a stored secret to a URL of their choosing through "Test connection".
 */
@WithJenkins
class WebMethodPermissionsTest {

    private static final String STEP = "descriptorByName/" + ChangePlatformPasswordStep.class.getName() + "/";
    /** A platform's form (globally or in a folder): its Test connection sends a stored secret too. */
    private static final String PLATFORM = "descriptorByName/" + PlatformDefinition.class.getName() + "/";

    private JenkinsRule j;
    private JenkinsPlatform platform;
    private FreeStyleProject job;

    @BeforeEach
    void setUp(JenkinsRule rule) throws Exception {
        j = rule;
        platform = new JenkinsPlatform(rule);
        job = j.createFreeStyleProject("job");
        j.jenkins.setSecurityRealm(j.createDummySecurityRealm());
        j.jenkins.setAuthorizationStrategy(new MockAuthorizationStrategy()
                .grant(Jenkins.ADMINISTER)
                .everywhere()
                .to("admin")
                .grant(Jenkins.READ, Item.READ, Item.CONFIGURE)
                .everywhere()
                .to("configurer", "alice")
                .grant(Jenkins.READ, Item.READ)
                .everywhere()
                .to("reader"));
    }

    @AfterEach
    void tearDown() {
        platform.close();
    }

    @Test
    void aReaderSeesNoCredentialIds() throws Exception {
        String answer = post("reader", "job/job/" + STEP + "fillCredentialsIdItems", "credentialsId=")
                .getWebResponse()
                .getContentAsString();
        assertThat(answer).doesNotContain(JenkinsPlatform.API_CLIENT_ID).doesNotContain(JenkinsPlatform.PASSWORD_ID);
    }

    @Test
    void aConfigurerSeesTheApiClientCredential() throws Exception {
        String answer = post("configurer", "job/job/" + STEP + "fillCredentialsIdItems", "credentialsId=")
                .getWebResponse()
                .getContentAsString();
        assertThat(answer).contains(JenkinsPlatform.API_CLIENT_ID);
    }

    @Test
    void aReaderCannotTestTheConnection() throws Exception {
        Page page = post(
                "reader",
                "job/job/" + STEP + "testConnection",
                "baseUrl=" + encode(platform.url()) + "&credentialsId=" + JenkinsPlatform.API_CLIENT_ID);
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aReaderCannotTestTheGlobalConnection() throws Exception {
        Page page = post(
                "reader",
                PLATFORM + "testConnection",
                "baseUrl=" + encode(platform.url()) + "&credentialsId=" + JenkinsPlatform.API_CLIENT_ID);
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(403);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    @Test
    void aConfigurerCanTestTheConnectionAndSeeTheUser() throws Exception {
        Page page = post(
                "configurer",
                "job/job/" + STEP + "testConnection",
                "baseUrl=" + encode(platform.url()) + "&credentialsId=" + JenkinsPlatform.API_CLIENT_ID + "&userId="
                        + platform.customerUser);
        String answer = page.getWebResponse().getContentAsString();
        assertThat(answer)
                .contains("got an access token")
                .contains("customer-user")
                .doesNotContain(JenkinsPlatform.CLIENT_SECRET);
    }

    /**
     * The job runs as alice, whose personal credential its builds may use. Another configurer's
     * Test connection would send that secret to a URL the configurer types, so it does not; alice's
     * own does.
     */
    @Test
    void theFormNeverSendsThePersonalCredentialOfTheUserTheJobRunsAs() throws Exception {
        User alice = User.getById("alice", true);
        Credentials own = new UsernamePasswordCredentialsImpl(
                CredentialsScope.USER,
                "alice-api-client",
                "alice's own",
                platform.apiClient.clientId(),
                JenkinsPlatform.CLIENT_SECRET);
        alice.addProperty(new UserCredentialsProvider.UserCredentialsProperty(
                new DomainCredentials[] {new DomainCredentials(Domain.global(), List.of(own))}));
        QueueItemAuthenticatorConfiguration.get()
                .getAuthenticators()
                .add(new MockQueueItemAuthenticator().authenticate(job.getFullName(), alice.impersonate2()));
        String form = "baseUrl=" + encode(platform.url()) + "&credentialsId=alice-api-client";

        String answer = post("configurer", "job/job/" + STEP + "testConnection", form)
                .getWebResponse()
                .getContentAsString();
        assertThat(answer).contains("Not tested").contains("personal credential of alice");
        assertThat(platform.simulator.requests()).as("requests the form made").isEmpty();

        String ownTest = post("alice", "job/job/" + STEP + "testConnection", form)
                .getWebResponse()
                .getContentAsString();
        assertThat(ownTest).contains("got an access token").doesNotContain(JenkinsPlatform.CLIENT_SECRET);
    }

    @Test
    void webMethodsRefuseGet() throws Exception {
        JenkinsRule.WebClient client =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login("admin");
        Page page = client.goTo(
                "job/job/" + STEP + "testConnection?baseUrl=" + encode(platform.url()) + "&credentialsId="
                        + JenkinsPlatform.API_CLIENT_ID,
                null);
        // Stapler answers a GET to a @POST method as if the method did not exist.
        assertThat(page.getWebResponse().getStatusCode()).isEqualTo(404);
        assertThat(platform.simulator.requests()).isEmpty();
    }

    private Page post(String user, String path, String form) throws Exception {
        JenkinsRule.WebClient client =
                j.createWebClient().withThrowExceptionOnFailingStatusCode(false).login(user);
        // The crumb goes in the URL: HtmlUnit refuses request parameters next to a request body.
        WebRequest request = new WebRequest(client.createCrumbedUrl(path), HttpMethod.POST);
        request.setAdditionalHeader("Content-Type", "application/x-www-form-urlencoded");
        request.setRequestBody(form);
        return client.getPage(request);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
