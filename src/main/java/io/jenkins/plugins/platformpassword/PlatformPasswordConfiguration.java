package io.jenkins.plugins.platformpassword;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.platformpassword.client.ClientSettings;
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
 * platformPassword:}. It also owns the controller-wide token cache, which is kept in memory only.
 */
@Extension
@Symbol("platformPassword")
public class PlatformPasswordConfiguration extends GlobalConfiguration {

    static final int MAX_TIMEOUT_SECONDS = 600;

    /* No persisted field has an initialiser; a null means the default, applied by the getter (see the step). */
    private String baseUrl;
    private String credentialsId;
    private Integer connectTimeoutSeconds;
    private Integer requestTimeoutSeconds;
    private boolean allowPlainHttp;
    /** The credentials builds running as SYSTEM may rotate, one per line; see {@link SystemRotations}. */
    private String rotationAsSystem;

    /** Tokens are never persisted: a restart costs one token request per API client, and no token sits on disk. */
    private final transient TokenCache tokens = new TokenCache();

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
        return connectTimeoutSeconds == null
                ? (int) ClientSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds()
                : connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(int seconds) {
        this.connectTimeoutSeconds = checkedTimeout("connectTimeoutSeconds", seconds);
        save();
    }

    public int getRequestTimeoutSeconds() {
        return requestTimeoutSeconds == null
                ? (int) ClientSettings.DEFAULT_REQUEST_TIMEOUT.toSeconds()
                : requestTimeoutSeconds;
    }

    @DataBoundSetter
    public void setRequestTimeoutSeconds(int seconds) {
        this.requestTimeoutSeconds = checkedTimeout("requestTimeoutSeconds", seconds);
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

    /** The credentials that builds running as SYSTEM may rotate: one per line, {@code id} or {@code folder/path/id}. */
    public String getRotationAsSystem() {
        return rotationAsSystem;
    }

    @DataBoundSetter
    public void setRotationAsSystem(String rotationAsSystem) {
        this.rotationAsSystem = Util.fixEmptyAndTrim(rotationAsSystem);
        save();
    }

    SystemRotations systemRotations() {
        return SystemRotations.parse(rotationAsSystem);
    }

    /** The client's settings from this configuration and Jenkins' proxy settings, read afresh for each build. */
    ClientSettings clientSettings() {
        return ClientSettings.defaults()
                .withTimeouts(
                        Duration.ofSeconds(getConnectTimeoutSeconds()), Duration.ofSeconds(getRequestTimeoutSeconds()))
                .withProxy(JenkinsProxy.selector(), JenkinsProxy.authenticator());
    }

    TokenCache tokenCache() {
        return tokens;
    }

    /** Refused rather than capped: a value that silently became another one would be worse than an error. */
    private static int checkedTimeout(String field, int seconds) {
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(Messages.PlatformPasswordConfiguration_TimeoutOutOfRange(
                    field, seconds, MAX_TIMEOUT_SECONDS));
        }
        return seconds;
    }

    @POST
    public ListBoxModel doFillCredentialsIdItems(@QueryParameter String credentialsId, @QueryParameter String baseUrl) {
        if (!FormPermissions.mayListCredentials(null)) {
            return CredentialsDropdowns.currentValueOnly(credentialsId);
        }
        return CredentialsDropdowns.apiClients(null, credentialsId, DataCenterDomain.ofFormValue(baseUrl));
    }

    @POST
    public FormValidation doCheckBaseUrl(@QueryParameter String value, @QueryParameter boolean allowPlainHttp) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return Util.fixEmptyAndTrim(value) == null ? FormValidation.ok() : FormChecks.baseUrl(value, allowPlainHttp);
    }

    @POST
    public FormValidation doCheckCredentialsId(@QueryParameter String value, @QueryParameter String baseUrl) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return Util.fixEmptyAndTrim(value) == null
                ? FormValidation.ok()
                : CredentialsDropdowns.checkApiClient(null, value, DataCenterDomain.ofFormValue(baseUrl));
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
