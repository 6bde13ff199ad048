package io.jenkins.plugins.platformpassword;

import com.cloudbees.hudson.plugins.folder.AbstractFolder;
import com.cloudbees.hudson.plugins.folder.AbstractFolderProperty;
import com.cloudbees.hudson.plugins.folder.AbstractFolderPropertyDescriptor;
import edu.umd.cs.findbugs.annotations.NonNull;
import hudson.Extension;
import hudson.Util;
import hudson.model.Item;
import hudson.util.FormValidation;
import io.jenkins.plugins.platformpassword.client.platforms.PlatformScope;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import net.sf.json.JSONObject;
import org.jenkinsci.Symbol;
import org.kohsuke.stapler.AncestorInPath;
import org.kohsuke.stapler.DataBoundConstructor;
import org.kohsuke.stapler.DataBoundSetter;
import org.kohsuke.stapler.QueryParameter;
import org.kohsuke.stapler.StaplerRequest2;
import org.kohsuke.stapler.verb.POST;

/**
 * A customer folder's own platforms and default, for the jobs inside it: a folder property, so
 * that people who configure the folder (not only Jenkins administrators) can name its data
 * centers, with API client credentials from the folder's own store. The nearest folder that
 * defines a name wins over folders further out and over the global configuration; a job outside
 * the folder never sees its platforms.
 */
public class FolderPlatforms extends AbstractFolderProperty<AbstractFolder<?>> {

    /* No initialisers: XStream skips them (see ChangePlatformPasswordStep). */
    private List<PlatformDefinition> platforms;
    private String defaultPlatform;

    @DataBoundConstructor
    public FolderPlatforms() {}

    public List<PlatformDefinition> getPlatforms() {
        return platforms == null ? List.of() : Collections.unmodifiableList(platforms);
    }

    @DataBoundSetter
    public void setPlatforms(List<PlatformDefinition> platforms) {
        // An ArrayList, not List.copyOf: XStream writes the JDK's immutable lists in their serialised
        // form, which reads back only where Jenkins opens java.util to reflection.
        this.platforms = platforms == null ? null : new ArrayList<>(platforms);
    }

    /** Whether this folder defines nothing: no platform and no default. */
    boolean isEmpty() {
        return getPlatforms().isEmpty() && defaultPlatform == null;
    }

    /** The platform that jobs in this folder use when their step names none; empty to leave it to folders further out. */
    public String getDefaultPlatform() {
        return defaultPlatform;
    }

    @DataBoundSetter
    public void setDefaultPlatform(String defaultPlatform) {
        this.defaultPlatform = Util.fixEmptyAndTrim(defaultPlatform);
    }

    /** @param folder the folder that holds this property (given, as a property added by code has no owner yet) */
    PlatformScope scope(AbstractFolder<?> folder) {
        return new PlatformScope(
                Messages.FolderPlatforms_Owner(folder.getFullName()),
                getPlatforms().stream().map(PlatformDefinition::toNamed).toList(),
                defaultPlatform);
    }

    @Extension
    @Symbol("platformPasswordPlatforms")
    public static final class DescriptorImpl extends AbstractFolderPropertyDescriptor {

        @NonNull
        @Override
        public String getDisplayName() {
            return Messages.FolderPlatforms_DisplayName();
        }

        /**
         * A platform's out-of-range timeout is a form error, not the HTTP 500 its setter would cause.
         * A folder's form submits every property's section (its descriptor list forces a row
         * set), so an empty one is not kept: null, as {@code AbstractFolderPropertyDescriptor}
         * has it, sets no property, and folders that never had platforms keep no trace of the plugin.
         */
        @Override
        public AbstractFolderProperty<?> newInstance(StaplerRequest2 req, JSONObject formData) throws FormException {
            if (formData != null && !formData.isNullObject()) {
                TimeoutForm.checkPlatforms(formData);
            }
            AbstractFolderProperty<?> property = super.newInstance(req, formData);
            return property instanceof FolderPlatforms platforms && platforms.isEmpty() ? null : property;
        }

        @POST
        public FormValidation doCheckDefaultPlatform(@AncestorInPath Item item, @QueryParameter String value) {
            if (!FormPermissions.mayConfigure(item)) {
                return FormValidation.ok();
            }
            return Util.fixEmptyAndTrim(value) == null
                    ? FormValidation.ok(Messages.FolderPlatforms_NoDefault())
                    : FormValidation.ok();
        }
    }
}
