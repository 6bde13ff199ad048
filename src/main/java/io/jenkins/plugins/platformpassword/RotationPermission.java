package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsStore;
import hudson.model.Item;
import hudson.security.ACL;
import hudson.security.Permission;
import io.jenkins.plugins.platformpassword.client.rotation.RotationStoreException;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import org.springframework.security.core.Authentication;

/**
 * Whether the identity a build runs as may rotate one credential. A rotation rewrites a
 * credential, which the Credentials plugin lets only holders of Credentials/Update (and, for the
 * pending entry beside it, Create and Delete) do; the Pipeline sandbox forbids scripts to call
 * the store's update methods at all. This step must not become a way around either.
 *
 * <p>The hard case is a build that runs as SYSTEM, which is every build unless an administrator
 * has configured build authorization (a {@code QueueItemAuthenticator}, e.g. the Authorize
 * Project plugin). SYSTEM holds every permission, so checking permissions proves nothing: anyone
 * who may configure any job could name any credential the job can see, including Global ones in
 * the Jenkins store shared by every folder, and overwrite it. Such builds may therefore rotate
 * only the credentials an administrator has listed for it in the global configuration.
 */
final class RotationPermission {

    /** What a rotation does to the store: update the target, create and later delete the pending entry. */
    private static final Permission[] NEEDED = {
        CredentialsProvider.UPDATE, CredentialsProvider.CREATE, CredentialsProvider.DELETE
    };

    private RotationPermission() {}

    /**
     * @param build     the identity the build runs as ({@code Jenkins.getAuthentication2()} inside the build)
     * @param store     the store that holds the credential
     * @param reference the credential as the global opt-in names it ({@code folder/path/id}, or {@code id} for the Jenkins store)
     * @return what the build log says about the permission, for a dry run
     * @throws RotationStoreException when the build may not rotate it; the message says why and what to do
     */
    static String check(
            Authentication build, CredentialsStore store, String reference, String credentialId, SystemRotations optIn)
            throws RotationStoreException {
        if (isSystem(build)) {
            if (credentialId.contains("/")) {
                // A line names a folder's credential as folder/id, so "acme/svc" in the Jenkins store would answer to
                // the line meant for folder acme's "svc". The store's form refuses such an id; only a crafted request
                // makes one.
                throw new RotationStoreException(Messages.Rotation_SlashInIdAsSystem(LogText.value(credentialId)));
            }
            if (!optIn.allows(reference)) {
                throw new RotationStoreException(
                        Messages.Rotation_RefusedAsSystem(LogText.value(credentialId), LogText.value(reference)));
            }
            return Messages.Rotation_AllowedAsSystem(LogText.value(credentialId), LogText.value(reference));
        }
        for (Permission needed : NEEDED) {
            if (!store.hasPermission2(build, needed)) {
                throw new RotationStoreException(Messages.Rotation_NoPermission(
                        LogText.value(credentialId), LogText.value(build.getName()), needed.name, where(store)));
            }
        }
        return Messages.Rotation_AllowedAsUser(
                LogText.value(credentialId), LogText.value(build.getName()), where(store));
    }

    static boolean isSystem(Authentication authentication) {
        return authentication == null
                || ACL.SYSTEM2.equals(authentication)
                || ACL.SYSTEM_USERNAME.equals(authentication.getName());
    }

    /** The folder that holds the store, or "" for the Jenkins store: the first part of an opt-in reference. */
    static String folderOf(CredentialsStore store) {
        return store.getContext() instanceof Item item ? item.getFullName() : "";
    }

    private static String where(CredentialsStore store) {
        String folder = folderOf(store);
        return folder.isEmpty()
                ? Messages.Rotation_JenkinsStore()
                : Messages.Rotation_FolderStore(LogText.value(folder));
    }
}
