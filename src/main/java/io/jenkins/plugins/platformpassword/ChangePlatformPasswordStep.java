package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.EnvVars;
import hudson.Extension;
import hudson.Util;
import hudson.model.AbstractProject;
import hudson.model.Item;
import hudson.model.Run;
import hudson.model.TaskListener;
import hudson.tasks.BuildStepDescriptor;
import hudson.tasks.Builder;
import hudson.util.ComboBoxModel;
import hudson.util.FormValidation;
import hudson.util.ListBoxModel;
import io.jenkins.plugins.platformpassword.client.InvalidInputException;
import io.jenkins.plugins.platformpassword.client.passwords.GeneratedLength;
import io.jenkins.plugins.platformpassword.client.passwords.PasswordGenerator;
import io.jenkins.plugins.platformpassword.client.users.PreflightMode;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import jenkins.security.FIPS140;
import jenkins.tasks.SimpleBuildStep;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.verb.POST;

/**
 * Changes a platform user's password: the {@code changePlatformPassword} Pipeline step and the
 * "Change platform user password" freestyle build step, one class for both.
 *
 * <p>It holds credential ids only, never a secret, so nothing secret can reach the job's
 * {@code config.xml}, the Pipeline script or the step's arguments as Jenkins records them. It needs
 * no workspace, so in a Pipeline it runs outside {@code node {}} without holding an executor.
 */
public class ChangePlatformPasswordStep extends Builder implements SimpleBuildStep {

    /*
     * Jenkins reads a job's config.xml with XStream, which runs no constructor and no field
     * initialiser: an element missing from the XML (a job made over the REST API, the CLI or Job DSL
     * with only some fields, or saved by a version from before a field existed) comes back as null,
     * false or 0. So no field here has an initialiser: a null means "the default", and each getter
     * applies it. The booleans that switch safety checks on are wrappers for that reason, so that a
     * missing element means the check is on; a missing dryRun or generatePassword means off.
     */
    private final String passwordCredentialsId;
    private String userId;
    private String userLogin;
    private String platform;
    private String credentialsId;
    private String baseUrl;
    private PreflightMode preflight;
    private boolean dryRun;
    private Boolean checkPasswordLength;
    private Boolean checkCompromised;
    private boolean generatePassword;
    private Integer passwordLength;
    private String characterClasses;

    @DataBoundConstructor
    public ChangePlatformPasswordStep(String passwordCredentialsId) {
        this.passwordCredentialsId = Util.fixEmptyAndTrim(passwordCredentialsId);
    }

    /** The user's id; exactly one of this and {@link #getUserLogin()} is set. */
    public String getUserId() {
        return userId;
    }

    @DataBoundSetter
    public void setUserId(String userId) {
        this.userId = Util.fixEmptyAndTrim(userId);
    }

    /** The user's login, resolved to an id by the platform's search; exactly one of this and {@link #getUserId()} is set. */
    public String getUserLogin() {
        return userLogin;
    }

    @DataBoundSetter
    public void setUserLogin(String userLogin) {
        this.userLogin = Util.fixEmptyAndTrim(userLogin);
    }

    public PreflightMode getPreflight() {
        return preflight == null ? PreflightMode.ON_FAILURE : preflight;
    }

    @DataBoundSetter
    public void setPreflight(PreflightMode preflight) {
        this.preflight = preflight;
    }

    /** Run the pre-flight checks only and report what would be changed. */
    public boolean isDryRun() {
        return dryRun;
    }

    @DataBoundSetter
    public void setDryRun(boolean dryRun) {
        this.dryRun = dryRun;
    }

    /** Refuse a new password from a credential that is shorter than the platform's minimum, before sending it. */
    public boolean isCheckPasswordLength() {
        return checkPasswordLength == null || checkPasswordLength;
    }

    @DataBoundSetter
    public void setCheckPasswordLength(boolean checkPasswordLength) {
        this.checkPasswordLength = checkPasswordLength;
    }

    /** Ask the platform whether a new password from a credential is known to be compromised, before setting it. */
    public boolean isCheckCompromised() {
        return checkCompromised == null || checkCompromised;
    }

    @DataBoundSetter
    public void setCheckCompromised(boolean checkCompromised) {
        this.checkCompromised = checkCompromised;
    }

    /** Generate the new password, set it, and write it back into the credential named by passwordCredentialsId. */
    public boolean isGeneratePassword() {
        return generatePassword;
    }

    @DataBoundSetter
    public void setGeneratePassword(boolean generatePassword) {
        this.generatePassword = generatePassword;
    }

    public int getPasswordLength() {
        return passwordLength == null ? PasswordGenerator.DEFAULT_LENGTH : passwordLength;
    }

    @DataBoundSetter
    public void setPasswordLength(int passwordLength) {
        this.passwordLength = passwordLength;
    }

    /** Comma-separated character classes of generated passwords: UPPER, LOWER, DIGITS, SYMBOLS. */
    public String getCharacterClasses() {
        return characterClasses == null ? CharacterClasses.ALL : characterClasses;
    }

    @DataBoundSetter
    public void setCharacterClasses(String characterClasses) {
        this.characterClasses = Util.fixEmptyAndTrim(characterClasses);
    }

    public String getPasswordCredentialsId() {
        return passwordCredentialsId;
    }

    /** The named platform (data center and API client); when empty, the nearest default platform applies. */
    public String getPlatform() {
        return platform;
    }

    @DataBoundSetter
    public void setPlatform(String platform) {
        this.platform = Util.fixEmptyAndTrim(platform);
    }

    /** The API client's credential; when empty, the platform's applies. */
    public String getCredentialsId() {
        return credentialsId;
    }

    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
    }

    /** The data center URL; when empty, the platform's applies. */
    public String getBaseUrl() {
        return baseUrl;
    }

    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
    }

    @Override
    public boolean requiresWorkspace() {
        return false;
    }

    @Override
    public void perform(@NonNull Run<?, ?> run, @NonNull EnvVars env, @NonNull TaskListener listener)
            throws InterruptedException, IOException {
        new PasswordChangeRun(run, listener, PlatformPasswordConfiguration.get()).execute(this, env);
    }

    @Extension
    @Symbol("changePlatformPassword")
    public static final class DescriptorImpl extends BuildStepDescriptor<Builder> {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.ChangePlatformPasswordStep_DisplayName();
        }

        @Override
        public boolean isApplicable(Class<? extends AbstractProject> jobType) {
            return true;
        }

        /**
         * The names this job can use, offered in a combo box rather than a list: a freestyle job
         * may pick the platform with a build variable ({@code ${PLATFORM}}), the one choice of data
         * center a build's starter may make, and a list would not let anyone type it.
         */
        @POST
        public ComboBoxModel doFillPlatformItems(@AncestorInPath Item item) {
            if (!FormPermissions.mayConfigure(item)) {
                return new ComboBoxModel();
            }
            return new ComboBoxModel(PlatformSelection.names(item, PlatformPasswordConfiguration.get()));
        }

        @POST
        public FormValidation doCheckPlatform(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            if (isExpression(value)) {
                return FormValidation.ok(Messages.FormChecks_Expression());
            }
            try {
                StepTarget target = target(item, value, null, null);
                return target.platform() == null
                        ? FormValidation.ok(Messages.ChangePlatformPasswordStep_NoPlatform())
                        : FormValidation.ok(Messages.ChangePlatformPasswordStep_UsesPlatform(
                                target.platformName(), String.valueOf(target.baseUrl())));
            } catch (InvalidInputException e) {
                return FormValidation.error(e.problem());
            }
        }

        @POST
        public ListBoxModel doFillCredentialsIdItems(
                @AncestorInPath Item item,
                @QueryParameter String credentialsId,
                @QueryParameter String baseUrl,
                @QueryParameter String platform) {
            if (!FormPermissions.mayListCredentials(item)) {
                return CredentialsDropdowns.currentValueOnly(credentialsId);
            }
            return CredentialsDropdowns.apiClients(item, credentialsId, domainOf(item, platform, baseUrl));
        }

        @POST
        public ListBoxModel doFillPasswordCredentialsIdItems(
                @AncestorInPath Item item,
                @QueryParameter String passwordCredentialsId,
                @QueryParameter String credentialsId,
                @QueryParameter String baseUrl,
                @QueryParameter String platform) {
            if (!FormPermissions.mayListCredentials(item)) {
                return CredentialsDropdowns.currentValueOnly(passwordCredentialsId);
            }
            return CredentialsDropdowns.newPasswords(
                    item,
                    passwordCredentialsId,
                    domainOf(item, platform, baseUrl),
                    apiClientOf(item, platform, credentialsId));
        }

        @POST
        public FormValidation doCheckBaseUrl(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String platform) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(value) == null) {
                if (isExpression(platform)) {
                    return FormValidation.ok(Messages.ChangePlatformPasswordStep_FromPlatformAtRunTime());
                }
                String inherited =
                        targetIfKnown(item, platform).map(StepTarget::baseUrl).orElse(null);
                return inherited == null
                        ? FormValidation.error(Messages.ChangePlatformPasswordStep_BaseUrlMissing())
                        : FormValidation.ok(Messages.ChangePlatformPasswordStep_UsesPlatformBaseUrl(inherited));
            }
            if (value.contains("${")) {
                // Refused as every build refuses it (StepInputs), not waved through as an expression.
                return FormValidation.error(Messages.Run_BaseUrlVariable());
            }
            return FormChecks.baseUrl(value, PlatformPasswordConfiguration.get().isAllowPlainHttp());
        }

        @POST
        public FormValidation doCheckUserId(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String userLogin) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.userId(value, userLogin);
        }

        /** The checks the build makes of a generated password's length, in the form: an emptied field binds as 0. */
        @POST
        public FormValidation doCheckPasswordLength(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            String text = Util.fixEmptyAndTrim(value);
            if (text == null || !text.matches("[0-9]{1,4}")) {
                return FormValidation.error(Messages.ChangePlatformPasswordStep_LengthNotANumber(
                        PasswordGenerator.MIN_LENGTH, PasswordGenerator.MAX_LENGTH));
            }
            try {
                GeneratedLength.check(Integer.parseInt(text), FIPS140.useCompliantAlgorithms());
                return FormValidation.ok();
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckCharacterClasses(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            try {
                CharacterClasses.parse(value);
                return FormValidation.ok();
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
        }

        @POST
        public FormValidation doCheckUserLogin(
                @AncestorInPath Item item, @QueryParameter String value, @QueryParameter String userId) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return FormChecks.userLogin(value, userId);
        }

        @POST
        public FormValidation doCheckCredentialsId(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String baseUrl,
                @QueryParameter String platform) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            if (Util.fixEmptyAndTrim(value) == null) {
                if (isExpression(platform)) {
                    return FormValidation.ok(Messages.ChangePlatformPasswordStep_FromPlatformAtRunTime());
                }
                String inherited = targetIfKnown(item, platform)
                        .map(StepTarget::credentialsId)
                        .orElse(null);
                return inherited == null
                        ? FormValidation.error(Messages.ChangePlatformPasswordStep_CredentialsMissing())
                        : FormValidation.ok(Messages.ChangePlatformPasswordStep_UsesPlatformCredentials(inherited));
            }
            return CredentialsDropdowns.checkApiClient(item, value, domainOf(item, platform, baseUrl));
        }

        @POST
        public FormValidation doCheckPasswordCredentialsId(
                @AncestorInPath Item item,
                @QueryParameter String value,
                @QueryParameter String credentialsId,
                @QueryParameter String baseUrl,
                @QueryParameter String platform) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return CredentialsDropdowns.checkNewPassword(
                    item, value, domainOf(item, platform, baseUrl), apiClientOf(item, platform, credentialsId));
        }

        @POST
        public FormValidation doTestConnection(
                @AncestorInPath Item item,
                @QueryParameter String platform,
                @QueryParameter String baseUrl,
                @QueryParameter String credentialsId,
                @QueryParameter String userId) {
            FormPermissions.checkConfigure(item);
            PlatformPasswordConfiguration global = PlatformPasswordConfiguration.get();
            StepTarget target;
            try {
                target = target(item, platform, baseUrl, credentialsId);
            } catch (InvalidInputException e) {
                return FormValidation.error(e.getMessage());
            }
            return new ConnectionTest(global, target.platform())
                    .run(item, target.baseUrl(), target.credentialsId(), userId, global.isAllowPlainHttp());
        }

        private static StepTarget target(Item item, String platform, String baseUrl, String credentialsId) {
            return StepTarget.of(item, platform, baseUrl, credentialsId, PlatformPasswordConfiguration.get());
        }

        /** A field the build expands ({@code ${NAME}}), which a form can check only when the build runs. */
        private static boolean isExpression(String value) {
            return value != null && value.contains("${");
        }

        /** The platform's values for a form, or empty while the platform field names an unknown one (its own check says so). */
        private static Optional<StepTarget> targetIfKnown(Item item, String platform) {
            try {
                return Optional.of(target(item, platform, null, null));
            } catch (InvalidInputException e) {
                return Optional.empty();
            }
        }

        /** The data center whose domain requirements the form's lookups use: the step's URL, or its platform's. */
        private static List<DomainRequirement> domainOf(Item item, String platform, String baseUrl) {
            String url = Util.fixEmptyAndTrim(baseUrl) != null
                    ? baseUrl
                    : targetIfKnown(item, platform).map(StepTarget::baseUrl).orElse(null);
            return DataCenterDomain.ofFormValue(url);
        }

        /** The API client credential the step will use: its own, or its platform's. */
        private static String apiClientOf(Item item, String platform, String credentialsId) {
            return Util.fixEmptyAndTrim(credentialsId) != null
                    ? credentialsId
                    : targetIfKnown(item, platform)
                            .map(StepTarget::credentialsId)
                            .orElse(null);
        }
    }
}
