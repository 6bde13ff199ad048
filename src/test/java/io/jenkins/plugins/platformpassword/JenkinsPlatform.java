package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.simulator.ApiClient;
import io.jenkins.plugins.platformpassword.simulator.PlatformSimulator;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.jvnet.hudson.test.JenkinsRule;

/**
 * A platform simulator and the Jenkins credentials that point at it: the API client as a
 * Username with password credential and the new password as a Secret text credential. Every
 * secret is a distinct canary, so a test can search for each one in logs and files.
 */
final class JenkinsPlatform implements AutoCloseable {

    static final String API_CLIENT_ID = "platform-api-client";
    static final String PASSWORD_ID = "new-user-password";
    static final String CLIENT_SECRET = "client-Secret-canary-\u00e9\u00df-7f3a";
    static final String NEW_PASSWORD = "NewPassword-canary-\u2603-\ud83d\udd11-91c2";

    final PlatformSimulator simulator = PlatformSimulator.start();
    final String partnerTenant = simulator.addTenant(simulator.rootTenantId(), "Partner");
    final String customerTenant = simulator.addTenant(partnerTenant, "Customer");
    final ApiClient apiClient;
    final String customerUser = simulator.addUser(customerTenant, "customer-user");
    final String partnerUser = simulator.addUser(partnerTenant, "partner-user");

    JenkinsPlatform(JenkinsRule j) throws Exception {
        // The simulator speaks plain http, which needs the administrator's opt-in, loopback included.
        PlatformPasswordConfiguration.get().setAllowPlainHttp(true);
        apiClient = simulator.addApiClient(
                partnerTenant,
                java.util.UUID.randomUUID().toString(), // the platform's client ids are lower-case UUIDs
                CLIENT_SECRET,
                io.jenkins.plugins.platformpassword.simulator.TokenAuthMethod.CLIENT_SECRET_BASIC);
        CredentialsStore store =
                CredentialsProvider.lookupStores(j.jenkins).iterator().next();
        store.addCredentials(
                Domain.global(),
                new UsernamePasswordCredentialsImpl(
                        CredentialsScope.GLOBAL,
                        API_CLIENT_ID,
                        "Platform API client",
                        apiClient.clientId(),
                        CLIENT_SECRET));
        store.addCredentials(
                Domain.global(),
                new StringCredentialsImpl(
                        CredentialsScope.GLOBAL, PASSWORD_ID, "New password", Secret.fromString(NEW_PASSWORD)));
    }

    String url() {
        return simulator.dataCenterUrl().toString();
    }

    /** The bearer token the platform saw on its last password request, to search for it in logs and files. */
    String lastAccessToken() {
        return simulator.requests().stream()
                .filter(request -> request.path().endsWith("/password"))
                .reduce((first, second) -> second)
                .flatMap(request -> request.header("authorization"))
                .map(value -> value.substring("Bearer ".length()))
                .orElseThrow(() -> new AssertionError("no password request was made"));
    }

    String pipelineStep(String userId) {
        return "changePlatformPassword(credentialsId: '" + API_CLIENT_ID + "', userId: '" + userId
                + "', passwordCredentialsId: '" + PASSWORD_ID + "', baseUrl: '" + url() + "')";
    }

    @Override
    public void close() {
        simulator.close();
    }
}
