package io.jenkins.plugins.platformpassword;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Describable;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.platformpassword.client.platforms.NamedPlatform;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * One named data center with its API client, in the global configuration or in a folder's
 * {@link FolderPlatforms}: what a step means by {@code platform: 'eu2'}. Holds a credential id,
 * never a secret. In a folder, the forms list and check the credentials that folder sees.
 */
public class PlatformDefinition implements Describable<PlatformDefinition> {

    /* No initialisers: XStream skips them (see ChangePlatformPasswordStep). */
    private final String name;
    private final String baseUrl;
    private final String credentialsId;
    private Integer connectTimeoutSeconds;
    private Integer requestTimeoutSeconds;

    @DataBoundConstructor
    public PlatformDefinition(String name, String baseUrl, String credentialsId) {
        this.name = Util.fixEmptyAndTrim(name);
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    public String getName() {
        return name;
    }

    public String getBaseUrl() {
        return baseUrl;
    }

    public String getCredentialsId() {
        return credentialsId;
    }

    /** This platform's connect timeout in seconds, or null for the global one (an empty field, or 0, in the form). */
    public Integer getConnectTimeoutSeconds() {
        return connectTimeoutSeconds;
    }

    @DataBoundSetter
    public void setConnectTimeoutSeconds(Integer seconds) {
        this.connectTimeoutSeconds = inheritedOrChecked("connectTimeoutSeconds", seconds);
    }

    /** This platform's request timeout in seconds, or null for the global one. */
    public Integer getRequestTimeoutSeconds() {
        return requestTimeoutSeconds;
    }

    @DataBoundSetter
    public void setRequestTimeoutSeconds(Integer seconds) {
        this.requestTimeoutSeconds = inheritedOrChecked("requestTimeoutSeconds", seconds);
    }

    /** An empty number field may reach the setter as 0 as well as null: both mean "the global timeout". */
    private static Integer inheritedOrChecked(String field, Integer seconds) {
        return seconds == null || seconds == 0 ? null : PlatformPasswordConfiguration.checkedTimeout(field, seconds);
    }

    /** The client's plain view of this definition. */
    NamedPlatform toNamed() {
        return new NamedPlatform(
                name == null ? "" : name, baseUrl, credentialsId, connectTimeoutSeconds, requestTimeoutSeconds);
    }

    @Extension
    public static final class DescriptorImpl extends Descriptor<PlatformDefinition> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.PlatformDefinition_DisplayName();
        }

        @POST
        public FormValidation doCheckName(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            String name = Util.fixEmptyAndTrim(value);
            if (name == null) {
                return FormValidation.error(Messages.PlatformDefinition_NameMissing());
            }
            return name.matches("[A-Za-z0-9][A-Za-z0-9_.-]*")
                    ? FormValidation.ok()
                    : FormValidation.error(Messages.PlatformDefinition_NameInvalid());
        }

        @POST
        public FormValidation doCheckBaseUrl(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.ok(Messages.PlatformDefinition_BaseUrlPerStep())
                    : FormChecks.baseUrl(
                            value, PlatformPasswordConfiguration.get().isAllowPlainHttp());
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath Item item, @QueryParameter String credentialsId, @QueryParameter String baseUrl) {
            if (!FormPermissions.mayListCredentials(item)) {
                return CredentialsDropdowns.currentValueOnly(credentialsId);
            }
            return CredentialsDropdowns.apiClients(item, credentialsId, DataCenterDomain.ofFormValue(baseUrl));
        }

        @POST
        public FormValidation doCheckCredentialsId(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String baseUrl) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.ok(Messages.PlatformDefinition_CredentialsPerStep())
                    : CredentialsDropdowns.checkApiClient(item, value, DataCenterDomain.ofFormValue(baseUrl));
        }

        @POST
        public FormValidation doCheckConnectTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return checkOptionalTimeout(value);
        }

        @POST
        public FormValidation doCheckRequestTimeoutSeconds(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return checkOptionalTimeout(value);
        }

        @POST
        public FormValidation doTestConnection(
                @AncestorInPath Item item, @QueryParameter String baseUrl, @QueryParameter String credentialsId) {
            FormPermissions.checkConfigure(item);
            PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
            return new ConnectionTest(global, null).run(item, baseUrl, credentialsId, null, global.isAllowPlainHttp());
        }

        /** Empty means the global timeout. */
        private static FormValidation checkOptionalTimeout(String value) {
            if (Util.fixEmptyAndTrim(value) == null) {
                return FormValidation.ok();
            }
            return FormValidation.validateIntegerInRange(value, 1, PlatformPasswordConfiguration.MAX_TIMEOUT_SECONDS);
        }
    }
}
