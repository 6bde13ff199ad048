package io.jenkins.plugins.platformpassword;

import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.BulkChange;
import hudson.Extension;
import hudson.ExtensionList;
import hudson.Util;
import hudson.init.Terminator;
import hudson.util.FormValidation;
import hudson.util.XStream2;
import io.jenkins.plugins.platformpassword.client.ClientSettings;
import io.jenkins.plugins.platformpassword.client.platforms.NamedPlatform;
import io.jenkins.plugins.platformpassword.client.platforms.PlatformScope;
import io.jenkins.plugins.platformpassword.client.tokens.TokenCache;
import io.jenkins.plugins.platformpassword.client.transport.PlatformConnections;
import java.io.IOException;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import jenkins.model.GlobalConfiguration;
import jenkins.model.Jenkins;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * The platforms every {@code changePlatformPassword} step can name, the default one, and the
 * controller-wide settings (Manage Jenkins » System » Platform password), also settable through
 * Configuration as Code under {@code unclassified: platformPassword:}. Folders may add their own
 * platforms ({@link FolderPlatforms}). It also owns the controller-wide token cache, which is kept
 * in memory only, and the controller's connections to platforms, which every build and form check
 * shares.
 */
@Extension
@Symbol("platformPassword")
public class PlatformPasswordConfiguration extends GlobalConfiguration {

    static final int MAX_TIMEOUT_SECONDS = 600;

    /** The name the single default data center of earlier versions gets as a platform. */
    static final String MIGRATED_PLATFORM = "default";

    /* No persisted field has an initialiser; a null means the default, applied by the getter (see the step). */
    private List<PlatformDefinition> platforms;
    private String defaultPlatform;
    private Integer connectTimeoutSeconds;
    private Integer requestTimeoutSeconds;
    private boolean allowPlainHttp;
    /** The credentials builds running as SYSTEM may rotate, one per line; see {@link SystemRotations}. */
    private String rotationAsSystem;

    /* Read from configurations saved before named platforms existed, and moved into platforms on load. */
    private String baseUrl;

    private String credentialsId;

    /** Tokens are never persisted: a restart costs one token request per API client, and no token sits on disk. */
    private final transient TokenCache tokens = new TokenCache();

    /** One transport per set of connection settings, shared by every build, form check and Test connection. */
    private final transient PlatformConnections connections = new PlatformConnections();

    public PlatformPasswordConfiguration() {
        load();
    }

    @NonNull
    public static PlatformPasswordConfiguration get() {
        return ExtensionList.lookupSingleton(PlatformPasswordConfiguration.class);
    }

    @Override
    public synchronized void load() {
        super.load();
        migrateSingleDefault();
    }

    /**
     * An earlier version's single default data center and API client become the default
     * platform, so that steps relying on them keep working; the form then shows it as one.
     */
    private void migrateSingleDefault() {
        if (baseUrl == null && credentialsId == null) {
            return;
        }
        List<PlatformDefinition> all = new ArrayList<>(getPlatforms());
        PlatformDefinition earlier = all.stream()
                .filter(p -> MIGRATED_PLATFORM.equals(p.getName()))
                .findFirst()
                .orElse(null);
        // An old Configuration as Code file sets the URL and the credential one after the other: merge them.
        PlatformDefinition migrated = new PlatformDefinition(
                MIGRATED_PLATFORM,
                baseUrl != null ? baseUrl : earlier == null ? null : earlier.getBaseUrl(),
                credentialsId != null ? credentialsId : earlier == null ? null : earlier.getCredentialsId());
        if (earlier == null) {
            all.add(0, migrated);
        } else {
            migrated.setConnectTimeoutSeconds(earlier.getConnectTimeoutSeconds());
            migrated.setRequestTimeoutSeconds(earlier.getRequestTimeoutSeconds());
            all.set(all.indexOf(earlier), migrated);
        }
        platforms = all;
        if (defaultPlatform == null) {
            defaultPlatform = MIGRATED_PLATFORM;
        }
        baseUrl = null;
        credentialsId = null;
    }

    @NonNull
    @Override
    public String getDisplayName() {
        return Messages.PlatformPasswordConfiguration_DisplayName();
    }

    public List<PlatformDefinition> getPlatforms() {
        return platforms == null ? List.of() : Collections.unmodifiableList(platforms);
    }

    @DataBoundSetter
    public void setPlatforms(List<PlatformDefinition> platforms) {
        // An ArrayList, not List.copyOf: XStream writes the JDK's immutable lists in their serialised
        // form, which reads back only where Jenkins opens java.util to reflection.
        this.platforms = platforms == null ? null : new ArrayList<>(platforms);
        save();
    }

    /** The platform that steps naming none use; empty for none. */
    public String getDefaultPlatform() {
        return defaultPlatform;
    }

    @DataBoundSetter
    public void setDefaultPlatform(String defaultPlatform) {
        this.defaultPlatform = Util.fixEmptyAndTrim(defaultPlatform);
        save();
    }

    /*
     * The single default data center and API client of earlier versions. Setting them (an old
     * Configuration as Code file) defines the default platform instead; the getters are null once
     * that happened, so an export lists the platforms only. Not marked @Deprecated: Configuration
     * as Code refuses deprecated attributes by default, and old files must keep working.
     */

    /** Earlier versions' default data center URL: defines the platform {@value #MIGRATED_PLATFORM}. */
    @DataBoundSetter
    public void setBaseUrl(String baseUrl) {
        this.baseUrl = Util.fixEmptyAndTrim(baseUrl);
        migrateSingleDefault();
        save();
    }

    /** Earlier versions' default data center URL; null once moved into a platform, which happens on load. */
    public String getBaseUrl() {
        return baseUrl;
    }

    /** Earlier versions' default API client credential; null once moved into a platform. */
    public String getCredentialsId() {
        return credentialsId;
    }

    /** Earlier versions' default API client credential: defines the platform {@value #MIGRATED_PLATFORM}. */
    @DataBoundSetter
    public void setCredentialsId(String credentialsId) {
        this.credentialsId = Util.fixEmptyAndTrim(credentialsId);
        migrateSingleDefault();
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

    /**
     * The form's values. A form with no platform sends no {@code platforms} at all, and Stapler
     * calls setters only for what the form sends, so the list is emptied first: deleting the last
     * platform must stick. For the same reason an emptied timeout is reset here: the default
     * applies, not the value saved before. An out-of-range timeout, global or a platform's, is a
     * form error, not a server error, and a binding that fails anyway leaves every field as it was.
     */
    @Override
    public boolean configure(StaplerRequest2 req, JSONObject json) throws FormException {
        TimeoutForm.checkGlobal(json);
        TimeoutForm.checkPlatforms(json);
        // Setter order is Stapler's; if binding fails half-way, every field goes back to what it was.
        String before = Jenkins.XSTREAM2.toXML(this);
        // Every setter saves; in one bulk change the file is written once, and not at all if binding fails.
        try (BulkChange bulk = new BulkChange(this)) {
            if (TimeoutForm.isEmpty(json, "connectTimeoutSeconds")) {
                json.remove("connectTimeoutSeconds");
                connectTimeoutSeconds = null;
            }
            if (TimeoutForm.isEmpty(json, "requestTimeoutSeconds")) {
                json.remove("requestTimeoutSeconds");
                requestTimeoutSeconds = null;
            }
            platforms = null;
            boolean done = super.configure(req, json);
            bulk.commit();
            return done;
        } catch (RuntimeException | FormException e) {
            restore(before);
            throw e;
        } catch (IOException e) {
            // BulkChange.commit declares it; Descriptor.save logs a failed write instead of throwing.
            restore(before);
            throw new FormException(e, "platforms");
        }
    }

    /** Back to a snapshot, fields it does not hold nulled as loading from disk would. */
    private void restore(String snapshot) {
        Jenkins.XSTREAM2.unmarshal(
                XStream2.getDefaultDriver().createReader(new StringReader(snapshot)), this, null, true);
    }

    /** The global platforms as the outermost scope of every job. */
    PlatformScope scope() {
        return new PlatformScope(
                Messages.PlatformPasswordConfiguration_Owner(),
                getPlatforms().stream().map(PlatformDefinition::toNamed).toList(),
                defaultPlatform);
    }

    /**
     * The client's settings for one platform (its own timeouts where it has them, the global ones
     * otherwise) and Jenkins' proxy settings, read afresh for each build.
     *
     * @param platform the chosen platform, or null for none
     */
    ClientSettings clientSettings(NamedPlatform platform) {
        int connect = platform != null && platform.connectTimeoutSeconds() != null
                ? platform.connectTimeoutSeconds()
                : getConnectTimeoutSeconds();
        int request = platform != null && platform.requestTimeoutSeconds() != null
                ? platform.requestTimeoutSeconds()
                : getRequestTimeoutSeconds();
        return ClientSettings.defaults()
                .withTimeouts(Duration.ofSeconds(connect), Duration.ofSeconds(request))
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

    /** Refused rather than capped: a value that silently became another one would be worse than an error. */
    static int checkedTimeout(String field, int seconds) {
        if (seconds < 1 || seconds > MAX_TIMEOUT_SECONDS) {
            throw new IllegalArgumentException(
                    Messages.PlatformPasswordConfiguration_TimeoutOutOfRange(field, seconds, MAX_TIMEOUT_SECONDS));
        }
        return seconds;
    }

    @POST
    public FormValidation doCheckDefaultPlatform(@QueryParameter String value) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        String name = Util.fixEmptyAndTrim(value);
        if (name == null) {
            return FormValidation.ok(Messages.PlatformPasswordConfiguration_NoDefault());
        }
        return getPlatforms().stream().anyMatch(p -> name.equals(p.getName()))
                ? FormValidation.ok()
                : FormValidation.warning(Messages.PlatformPasswordConfiguration_DefaultNotSaved(name));
    }

    @POST
    public FormValidation doCheckConnectTimeoutSeconds(@QueryParameter String value) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return Util.fixEmptyAndTrim(value) == null
                ? FormValidation.ok(Messages.PlatformPasswordConfiguration_DefaultTimeout(
                        ClientSettings.DEFAULT_CONNECT_TIMEOUT.toSeconds()))
                : FormValidation.validateIntegerInRange(value, 1, MAX_TIMEOUT_SECONDS);
    }

    @POST
    public FormValidation doCheckRequestTimeoutSeconds(@QueryParameter String value) {
        if (!FormPermissions.mayConfigure(null)) {
            return FormValidation.ok();
        }
        return Util.fixEmptyAndTrim(value) == null
                ? FormValidation.ok(Messages.PlatformPasswordConfiguration_DefaultTimeout(
                        ClientSettings.DEFAULT_REQUEST_TIMEOUT.toSeconds()))
                : FormValidation.validateIntegerInRange(value, 1, MAX_TIMEOUT_SECONDS);
    }
}
