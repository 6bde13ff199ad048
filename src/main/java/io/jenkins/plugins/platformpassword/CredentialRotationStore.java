package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.model.Descriptor;
import hudson.model.Item;
import hudson.model.Job;
import hudson.security.Permission;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.client.SecretValue;
import io.jenkins.plugins.platformpassword.client.rotation.RotationStore;
import io.jenkins.plugins.platformpassword.client.rotation.RotationStoreException;
import java.io.IOException;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * The rotation protocol's storage in Jenkins: the target is the credential named by
 * {@code passwordCredentialsId}, found in the nearest store that the job sees (its folders, then
 * the system store), and the pending entry is a Secret text credential beside it, in the same
 * store and domain, with the id {@code <target id>}{@value #PENDING_SUFFIX}. Every write goes
 * through the store's own add/update/remove, which save the store to disk before returning.
 *
 * <p>No permission is raised: the build's own authentication must be allowed to create, update and
 * delete credentials in the store (checked up front), so a build that may use a credential but not
 * rewrite it fails before the platform is touched.
 */
final class CredentialRotationStore implements RotationStore {

    static final String PENDING_SUFFIX = "-pending-rotation";

    private final CredentialsStore store;
    private final Domain domain;
    private final String targetId;

    private CredentialRotationStore(CredentialsStore store, Domain domain, String targetId) {
        this.store = store;
        this.domain = domain;
        this.targetId = targetId;
    }

    /**
     * The store that holds the credential as the job sees it (the nearest one wins, as in
     * lookups). Everything that would make a later write fail is checked here, before the
     * platform is touched: the credential's kind, its scope, and the build's permissions.
     */
    static CredentialRotationStore forCredential(Job<?, ?> job, String credentialId) throws RotationStoreException {
        for (CredentialsStore candidate : CredentialsProvider.lookupStores(job)) {
            for (Domain domain : candidate.getDomains()) {
                Credentials found = find(candidate, domain, credentialId);
                if (found == null || found.getScope() == CredentialsScope.SYSTEM) {
                    continue; // builds never see System-scoped credentials; neither may they rewrite one
                }
                if (!(found instanceof StringCredentialsImpl) && !(found instanceof UsernamePasswordCredentialsImpl)) {
                    throw new RotationStoreException(Messages.Rotation_UnsupportedType(
                            credentialId, found.getDescriptor().getDisplayName()));
                }
                Authentication build = Jenkins.getAuthentication2();
                for (Permission needed : new Permission[] {
                    CredentialsProvider.CREATE, CredentialsProvider.UPDATE, CredentialsProvider.DELETE
                }) {
                    if (!candidate.hasPermission2(build, needed)) {
                        throw new RotationStoreException(
                                Messages.Rotation_NoPermission(credentialId, build.getName(), needed.name));
                    }
                }
                return new CredentialRotationStore(candidate, domain, credentialId);
            }
        }
        throw new RotationStoreException(Messages.Rotation_NoWritableStore(credentialId));
    }

    /** Identifies the target across jobs by name (the store's folder, or none for Jenkins itself, and the id), holding no object. */
    String lockKey() {
        return (store.getContext() instanceof Item item ? item.getFullName() : "") + "\u0000" + targetId;
    }

    @Override
    public SecretValue current() throws RotationStoreException {
        return SecretValue.of(Secret.toString(passwordOf(target())));
    }

    @Override
    public Optional<SecretValue> pending() throws RotationStoreException {
        Credentials pending = find(store, domain, pendingId());
        return pending == null ? Optional.empty() : Optional.of(SecretValue.of(Secret.toString(passwordOf(pending))));
    }

    @Override
    public void savePending(SecretValue password) throws RotationStoreException {
        StandardCredentials target = target();
        Credentials pending = new StringCredentialsImpl(
                target.getScope() == null ? CredentialsScope.GLOBAL : target.getScope(),
                pendingId(),
                Messages.Rotation_PendingDescription(targetId),
                Secret.fromString(password.reveal()));
        try {
            if (!store.addCredentials(domain, pending)) {
                throw new RotationStoreException(Messages.Rotation_PendingExists(pendingId()));
            }
        } catch (IOException | AccessDeniedException e) {
            throw new RotationStoreException(
                    Messages.Rotation_WriteFailed(pendingId(), e.getClass().getSimpleName()), e);
        }
    }

    @Override
    public void promote(SecretValue password) throws RotationStoreException {
        StandardCredentials target = target();
        Credentials replacement = withPassword(target, password);
        try {
            if (!store.updateCredentials(domain, target, replacement)) {
                throw new RotationStoreException(Messages.Rotation_WriteFailed(targetId, "update refused"));
            }
        } catch (IOException | AccessDeniedException e) {
            throw new RotationStoreException(
                    Messages.Rotation_WriteFailed(targetId, e.getClass().getSimpleName()), e);
        }
    }

    @Override
    public void clearPending() throws RotationStoreException {
        Credentials pending = find(store, domain, pendingId());
        if (pending == null) {
            return;
        }
        try {
            if (!store.removeCredentials(domain, pending)) {
                throw new RotationStoreException(Messages.Rotation_WriteFailed(pendingId(), "removal refused"));
            }
        } catch (IOException | AccessDeniedException e) {
            throw new RotationStoreException(
                    Messages.Rotation_WriteFailed(pendingId(), e.getClass().getSimpleName()), e);
        }
    }

    private String pendingId() {
        return targetId + PENDING_SUFFIX;
    }

    private StandardCredentials target() throws RotationStoreException {
        Credentials found = find(store, domain, targetId);
        if (!(found instanceof StandardCredentials standard)) {
            throw new RotationStoreException(Messages.Rotation_TargetGone(targetId));
        }
        return standard;
    }

    /** A copy of the target with the new password: same id, scope, description (and username). */
    private Credentials withPassword(StandardCredentials target, SecretValue password) throws RotationStoreException {
        if (target instanceof StringCredentialsImpl) {
            return new StringCredentialsImpl(
                    target.getScope(), target.getId(), target.getDescription(), Secret.fromString(password.reveal()));
        }
        if (target instanceof UsernamePasswordCredentialsImpl pair) {
            try {
                UsernamePasswordCredentialsImpl copy = new UsernamePasswordCredentialsImpl(
                        pair.getScope(), pair.getId(), pair.getDescription(), pair.getUsername(), password.reveal());
                copy.setUsernameSecret(pair.isUsernameSecret());
                return copy;
            } catch (Descriptor.FormException e) {
                throw new RotationStoreException(
                        Messages.Rotation_WriteFailed(targetId, "the credential refused the password"), null);
            }
        }
        throw new RotationStoreException(Messages.Rotation_UnsupportedType(
                targetId, target.getDescriptor().getDisplayName()));
    }

    private static Secret passwordOf(Credentials credentials) throws RotationStoreException {
        if (credentials instanceof StringCredentials text) {
            return text.getSecret();
        }
        if (credentials instanceof com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials pair) {
            return pair.getPassword();
        }
        throw new RotationStoreException(Messages.Rotation_UnsupportedType(
                credentials instanceof IdCredentials id ? id.getId() : "?",
                credentials.getDescriptor().getDisplayName()));
    }

    private static Credentials find(CredentialsStore store, Domain domain, String id) {
        for (Credentials credentials : store.getCredentials(domain)) {
            if (credentials instanceof IdCredentials identified
                    && identified.getId().equals(id)) {
                return credentials;
            }
        }
        return null;
    }
}
