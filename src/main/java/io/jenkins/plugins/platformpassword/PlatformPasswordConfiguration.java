package io.jenkins.plugins.platformpassword;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.init.Terminator;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.platformpassword.client.ClientSettings;
import io.jenkins.plugins.platformpassword.client.PlatformConnections;
import io.jenkins.plugins.platformpassword.client.TokenCache;
import java.time.Duration;
import jenkins.model.GlobalConfiguration;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Defaults for every {@code changePlatformPassword} step (Manage Jenkins » System » Platform
 * password), also settable through Configuration as Code under {@code unclassified:
 * platformPassword:}. It also owns the controller-wide token cache, which is kept in memory only,
 * and the controller's connections to platforms, which every build and form check shares.
 */
@Extension
@Symbol("platformPassword")
public class PlatformPasswordConfiguration extends GlobalConfiguration {

    static final int MAX_TIMEOUT_SECONDS = 600;

    private String baseUrl;
    private String credentialsId;
    private int connectTimeoutSeconds = (int) ClientSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds();
    private int requestTimeoutSeconds = (int) ClientSettings.DEFAULT_REQUEST_TIMEOUT.toSeconds();
    private boolean allowPlainHttp;

    /** Tokens are never persisted: a restart costs one token request per API client, and no token sits on disk. */
    private final transient TokenCache tokens = new TokenCache();

    /** One transport per set of connection settings; idle ones and ones whose settings changed close by themselves. */
    private final transient PlatformConnections connections = new PlatformConnections();

    public PlatformPasswordConfiguration() {
        load();
    }

    @NonNull
    public static PlatformPasswordConfiguration get() {
        return ExtensionList.lookupSingleton(PlatformPasswordConfiguration.class);
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.PlatformPasswordConfiguration_DisplayName();
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
        save();
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        save();
    }

    public int getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int seconds) {
        this.connectTimeoutSeconds = clamp(seconds);
        save();
    }

    public int getRequestTimeoutSeconds() {
        return requestTimeoutSeconds;
    }

    @DataBoundSetter
    public void setRequestTimeoutSeconds(int seconds) {
        this.requestTimeoutSeconds = clamp(seconds);
        save();
    }

    public boolean isAllowPlainHttp() {
        return allowPlainHttp;
    }

    @DataBoundSetter
    public void setAllowPlainHttp(boolean allowPlainHttp) {
        this.allowPlainHttp = allowPlainHttp;
        save();
    }

    /** The client's settings from this configuration and Jenkins' proxy settings, read afresh for each build. */
    ClientSettings clientSettings() {
        return ClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(connectTimeoutSeconds), Duration.ofSeconds(requestTimeoutSeconds))
                .withProxy(JenkinsProxy.selector(), JenkinsProxy.authenticator());
    }

    TokenCache tokenCache() {
        return tokens;
    }

    PlatformConnections connections() {
        return connections;
    }

    /** Jenkins stops: calls under way end (as aborted), and the connections and their threads close. */
    @Terminator
    public void closeConnections() {
        connections.close();
    }

    private static int clamp(int seconds) {
        return Math.max(1, Math.min(MAX_TIMEOUT_SECONDS, seconds));
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId, @QueryParameter String baseUrl) {
        if (!FormPermissions.mayListCredentials(null)) {
            return CredentialsDropdowns.currentValueOnly(credentialsId);
        }
        return CredentialsDropdowns.apiClients(null, credentialsId, baseUrl);
    }

    @POST
    public FormValidation doCheckBaseUrl(@QueryParameter String value, @QueryParameter boolean allowPlainHttp) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.ok() : FormChecks.baseUrl(value, allowPlainHttp);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return Util.fixEmptyAndTrim(value) == null
                ? FormValidation.ok()
                : CredentialsDropdowns.checkApiClient(null, value);
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return FormValidation.validateIntegerInRange(value, 1, MAX_TIMEOUT_SECONDS);
    }

    @POST
    public FormValidation doCheckRequestTimeoutSeconds(@QueryParameter String value) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return FormValidation.validateIntegerInRange(value, 1, MAX_TIMEOUT_SECONDS);
    }

    @POST
    public FormValidation doTestConnection(
            @QueryParameter String baseUrl,
            @QueryParameter String credentialsId,
            @QueryParameter boolean allowPlainHttp) {
        FormPermissions.checkConfigure(null);
        return new ConnectionTest(this).run(null, baseUrl, credentialsId, null, allowPlainHttp);
    }
}
