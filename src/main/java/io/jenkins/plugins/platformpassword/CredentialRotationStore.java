package io.jenkins.plugins.platformpassword;

import com.cloudbees.plugins.credentials.Credentials;
import com.cloudbees.plugins.credentials.CredentialsProvider;
import com.cloudbees.plugins.credentials.CredentialsScope;
import com.cloudbees.plugins.credentials.CredentialsStore;
import com.cloudbees.plugins.credentials.common.IdCredentials;
import com.cloudbees.plugins.credentials.common.StandardCredentials;
import com.cloudbees.plugins.credentials.common.StandardUsernamePasswordCredentials;
import com.cloudbees.plugins.credentials.domains.Domain;
import com.cloudbees.plugins.credentials.domains.DomainRequirement;
import com.cloudbees.plugins.credentials.impl.UsernamePasswordCredentialsImpl;
import hudson.Util;
import hudson.model.Descriptor;
import hudson.model.Run;
import hudson.security.ACL;
import hudson.security.ACLContext;
import hudson.util.Secret;
import io.jenkins.plugins.platformpassword.client.NewPassword;
import io.jenkins.plugins.platformpassword.client.rotation.RotationStore;
import io.jenkins.plugins.platformpassword.client.rotation.RotationStoreException;
import io.jenkins.plugins.platformpassword.client.rotation.RotationSubject;
import io.jenkins.plugins.platformpassword.client.secrets.LogText;
import io.jenkins.plugins.platformpassword.client.secrets.SecretValue;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import jenkins.model.Jenkins;
import org.jenkinsci.plugins.plaincredentials.StringCredentials;
import org.jenkinsci.plugins.plaincredentials.impl.StringCredentialsImpl;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

/**
 * The rotation protocol's storage in Jenkins: the target is the credential named by
 * {@code passwordCredentialsId}, found in the nearest store that the job sees (its folders, then
 * the Jenkins store) and in a domain that admits the data center, and the pending entry is a
 * Secret text credential beside it, in the same store and domain, with the id
 * {@code <target id>}{@value #PENDING_SUFFIX}. Every write goes through the store's own
 * add/update/remove, which save the store to disk before returning.
 *
 * <p>No permission is raised: the identity the build runs as must be allowed to rewrite the
 * credential ({@link RotationPermission}), checked when the store is resolved, before the platform
 * is touched.
 */
final class CredentialRotationStore implements RotationStore {

    static final String PENDING_SUFFIX = "-pending-rotation";

    private final CredentialsStore store;
    private final Domain domain;
    private final String targetId;
    private final String permission;
    /** Whose rotation this run saves or finishes, once known: what promote records as the target's owner. */
    private RotationSubject subject;

    private CredentialRotationStore(CredentialsStore store, Domain domain, String targetId, String permission) {
        this.store = store;
        this.domain = domain;
        this.targetId = targetId;
        this.permission = permission;
    }

    /**
     * The store that holds the credential the build resolved, and the domain it sits in. Everything
     * that would make a later write fail is checked here: the credential's kind, its scope, that it
     * is not the API client's own credential, and whether the build's identity may rewrite it.
     *
     * <p>The stores are read as SYSTEM: they list their credentials only to holders of
     * Credentials/View, which the build's identity need not have; it has been shown to be allowed
     * to use the credential ({@code findCredentialById}), and {@link RotationPermission} decides
     * whether it may rewrite it. The writes themselves run as the build, so the stores' own
     * permission checks apply to them too. Only the very credential the build resolved is rewritten:
     * another one with the same id (a user's personal credential picked through a credentials
     * parameter, shadowing a store's) is never mistaken for it.
     *
     * @param credentialId          the id as the step names it; a {@code ${PARAM}} credentials parameter is resolved
     * @param requirements          the data center's domain requirements, as in every other lookup
     * @param apiClientCredentialId the API client's credential, which a rotation must never overwrite
     */
    static CredentialRotationStore forCredential(
            Run<?, ?> run,
            String credentialId,
            List<DomainRequirement> requirements,
            String apiClientCredentialId,
            SystemRotations optIn)
            throws RotationStoreException {
        // As the build sees it: this resolves credentials parameters and leaves out what the build may not use.
        StandardCredentials visible =
                CredentialsProvider.findCredentialById(credentialId, StandardCredentials.class, run, requirements);
        if (visible == null) {
            // Present but restricted to other hosts: say so, as every other lookup does.
            boolean elsewhere =
                    CredentialsProvider.findCredentialById(credentialId, StandardCredentials.class, run, List.of())
                            != null;
            throw new RotationStoreException(
                    elsewhere
                            ? Messages.Credentials_OtherDomain(
                                    NewPassword.FIELD,
                                    LogText.value(credentialId),
                                    DataCenterDomain.hostOf(requirements))
                            : Messages.Rotation_NotVisible(LogText.value(credentialId)));
        }
        String id = visible.getId();
        if (id.equals(apiClientCredentialId)) {
            throw new RotationStoreException(NewPassword.FIELD + ": " + Messages.Run_SameCredential(LogText.value(id)));
        }
        // Above all here: a planted twin would receive the user's new password and be rewritten in the target's place.
        String ambiguity = SameIdCredentials.in(run.getParent(), id, requirements, SameIdCredentials.PASSWORD_KINDS)
                .ambiguity(NewPassword.FIELD);
        if (ambiguity != null) {
            throw new RotationStoreException(ambiguity);
        }
        CredentialsProvider.track(run, visible);
        Authentication build = Jenkins.getAuthentication2();
        Located located;
        try (ACLContext asSystem = ACL.as2(ACL.SYSTEM2)) {
            located = locate(run, visible, requirements);
        }
        if (located == null) {
            throw new RotationStoreException(Messages.Rotation_NoWritableStore(LogText.value(id)));
        }
        if (located.credential().getScope() == CredentialsScope.SYSTEM) {
            // Builds never see System-scoped credentials; neither may they rewrite one.
            throw new RotationStoreException(Messages.Rotation_NotVisible(LogText.value(id)));
        }
        if (!(located.credential() instanceof StringCredentialsImpl)
                && !(located.credential() instanceof UsernamePasswordCredentialsImpl)) {
            throw new RotationStoreException(Messages.Rotation_UnsupportedType(
                    LogText.value(id), located.credential().getDescriptor().getDisplayName()));
        }
        String reference = SystemRotations.reference(RotationPermission.folderOf(located.store()), id);
        String permission = RotationPermission.check(build, located.store(), reference, id, optIn);
        if (RotationPermission.isSystem(build)) {
            // The opt-in trusts the job's configuration to pick the credential and the user, not whoever starts the
            // build.
            String chooser = ParameterChoice.setByStarter(run);
            if (chooser != null) {
                throw new RotationStoreException(
                        Messages.Rotation_ChosenByParameter(LogText.value(id), LogText.value(chooser)));
            }
        }
        return new CredentialRotationStore(located.store(), located.domain(), id, permission);
    }

    private record Located(CredentialsStore store, Domain domain, Credentials credential) {}

    /** Where the build's credential is stored, the nearest store first; null when it is in none of the job's stores. */
    private static Located locate(Run<?, ?> run, StandardCredentials visible, List<DomainRequirement> requirements) {
        for (CredentialsStore candidate : CredentialsProvider.lookupStores(run.getParent())) {
            for (Domain domain : candidate.getDomains()) {
                if (!domain.test(requirements)) {
                    continue; // the lookup above would not have offered a credential of this domain either
                }
                Credentials found = find(candidate, domain, visible.getId());
                if (found == visible) {
                    return new Located(candidate, domain, found);
                }
            }
        }
        return null;
    }

    /** The id of the credential that is rewritten (a credentials parameter resolved). */
    String targetId() {
        return targetId;
    }

    /** Why this build may rewrite the credential, for the console of a dry run. */
    String permission() {
        return permission;
    }

    /** Identifies the target across jobs by name (the store's folder, or none for Jenkins itself, and the id), holding no object. */
    String lockKey() {
        return sealTarget().key();
    }

    @Override
    public SecretValue current() throws RotationStoreException {
        return SecretValue.of(Secret.toString(passwordOf(target())));
    }

    @Override
    public Optional<SecretValue> pending() throws RotationStoreException {
        Credentials pending = read(pendingId());
        if (pending == null) {
            // An entry deleted by hand leaves its seal outstanding; it must not count for one planted later.
            sealsDo(() -> OutstandingSeals.forget(sealTarget().key()));
            return Optional.empty();
        }
        return Optional.of(SecretValue.of(Secret.toString(passwordOf(pending))));
    }

    @Override
    public Optional<RotationSubject> pendingSubject() throws RotationStoreException {
        Credentials pending = read(pendingId());
        if (!(pending instanceof StringCredentialsImpl text)) {
            return Optional.empty(); // only the kind savePending writes
        }
        // The seals bind the record to this target, this password and the target's present one;
        // the outstanding seal, to the entry this Jenkins wrote last and has not cleared.
        String pendingPassword = Secret.toString(text.getSecret());
        String targetPassword = Secret.toString(passwordOf(target()));
        Optional<RotationSubject> subject =
                PendingSubjectMarker.read(text.getDescription(), sealTarget(), pendingPassword, targetPassword);
        Optional<String> seal = PendingSubjectMarker.writtenSeal(text.getDescription());
        if (subject.isEmpty() || seal.isEmpty()) {
            return Optional.empty();
        }
        if (pendingPassword.equals(targetPassword)) {
            // Promoted already (the removal failed, or the run stopped before it): finishing sets
            // only what the target holds, so even a copy added back could gain nothing.
            this.subject = subject.get();
            return subject;
        }
        boolean outstanding;
        try {
            outstanding = OutstandingSeals.isOutstanding(sealTarget().key(), seal.get());
        } catch (IOException e) {
            throw sealsUnreadable(e);
        }
        if (outstanding) {
            this.subject = subject.get();
        }
        return outstanding ? subject : Optional.empty();
    }

    @Override
    public void savePending(SecretValue password, RotationSubject subject) throws RotationStoreException {
        StandardCredentials target = target();
        refuseAnotherUsersPassword(subject, Secret.toString(passwordOf(target)));
        this.subject = subject;
        String description = PendingSubjectMarker.append(
                Messages.Rotation_PendingDescription(targetId),
                subject,
                sealTarget(),
                password.reveal(),
                Secret.toString(passwordOf(target)));
        Credentials pending = new StringCredentialsImpl(
                target.getScope() == null ? CredentialsScope.GLOBAL : target.getScope(),
                pendingId(),
                description,
                Secret.fromString(password.reveal()));
        // Recorded first: an entry whose seal is not outstanding is refused, never trusted.
        String seal = PendingSubjectMarker.writtenSeal(description).orElseThrow();
        sealsDo(() -> OutstandingSeals.record(sealTarget().key(), seal));
        try {
            if (!store.addCredentials(domain, pending)) {
                throw new RotationStoreException(Messages.Rotation_PendingExists(LogText.value(pendingId())));
            }
        } catch (IOException | AccessDeniedException e) {
            if (e instanceof IOException) {
                undoUnsaved(pending);
            }
            throw new RotationStoreException(
                    Messages.Rotation_WriteFailed(
                            LogText.value(pendingId()), e.getClass().getSimpleName()),
                    e);
        }
    }

    /**
     * The stores add to their list first and save afterwards, and keep the entry when the save
     * fails. Left there, it would live in memory alone: the next run would set its password on the
     * platform, and a restart would lose it. Removing it from the list holds even if that save
     * fails too; the seal goes with it.
     */
    private void undoUnsaved(Credentials pending) {
        try {
            store.removeCredentials(domain, pending);
        } catch (IOException | RuntimeException e) {
            // The list no longer holds it whether or not this save worked.
        }
        try {
            OutstandingSeals.forget(sealTarget().key());
        } catch (IOException e) {
            // Without an entry on disk or in memory, a recorded seal has nothing to vouch for.
        }
    }

    @Override
    public void promote(SecretValue password) throws RotationStoreException {
        StandardCredentials target = target();
        Credentials replacement = withPassword(target, password);
        try {
            if (!store.updateCredentials(domain, target, replacement)) {
                throw new RotationStoreException(
                        Messages.Rotation_WriteFailed(LogText.value(targetId), "update refused"));
            }
        } catch (IOException | AccessDeniedException e) {
            throw new RotationStoreException(
                    Messages.Rotation_WriteFailed(
                            LogText.value(targetId), e.getClass().getSimpleName()),
                    e);
        }
        recordOwner(password);
    }

    @Override
    public void clearPending() throws RotationStoreException {
        Credentials pending = read(pendingId());
        if (pending == null) {
            sealsDo(() -> OutstandingSeals.forget(sealTarget().key()));
            return;
        }
        try {
            if (!store.removeCredentials(domain, pending)) {
                throw new RotationStoreException(
                        Messages.Rotation_WriteFailed(LogText.value(pendingId()), "removal refused"));
            }
        } catch (IOException | AccessDeniedException e) {
            throw new RotationStoreException(
                    Messages.Rotation_WriteFailed(
                            LogText.value(pendingId()), e.getClass().getSimpleName()),
                    e);
        }
        // Forgotten once the entry is gone: an entry whose removal failed is still finished by the next run.
        sealsDo(() -> OutstandingSeals.forget(sealTarget().key()));
    }

    private interface SealsWrite {
        void run() throws IOException;
    }

    private void sealsDo(SealsWrite write) throws RotationStoreException {
        try {
            write.run();
        } catch (IOException e) {
            throw sealsUnreadable(e);
        }
    }

    private RotationStoreException sealsUnreadable(IOException e) {
        return new RotationStoreException(
                Messages.Rotation_SealsFailed(e.getClass().getSimpleName()), e);
    }

    /**
     * A finished rotation for another user left its password in this target, and the target
     * still holds it: rotating it for this user would leave that password stored nowhere.
     */
    private void refuseAnotherUsersPassword(RotationSubject wanted, String targetPassword)
            throws RotationStoreException {
        Optional<OutstandingSeals.Owner> owner;
        try {
            owner = OutstandingSeals.owner(sealTarget().key());
        } catch (IOException e) {
            throw sealsUnreadable(e);
        }
        if (owner.isEmpty()) {
            return;
        }
        RotationSubject last =
                new RotationSubject(owner.get().dataCenter(), owner.get().userId());
        if (!last.equals(wanted)
                && PendingSubjectMarker.isOwnerSeal(
                        sealTarget(), last, targetPassword, owner.get().seal())) {
            throw new RotationStoreException(Messages.Rotation_AnotherUsersPassword(
                    LogText.value(targetId), LogText.value(last.toString()), LogText.value(wanted.toString())));
        }
    }

    /**
     * Best effort: without the record, a later rotation for another user is simply not stopped,
     * as before the record existed; failing the run here would misreport a rotation that worked.
     */
    private void recordOwner(SecretValue password) {
        if (subject == null) {
            return;
        }
        try {
            OutstandingSeals.recordOwner(
                    sealTarget().key(),
                    new OutstandingSeals.Owner(
                            subject.userId(),
                            subject.dataCenter(),
                            PendingSubjectMarker.ownerSeal(sealTarget(), subject, password.reveal())));
        } catch (IOException e) {
            // See above.
        }
    }

    private PendingSubjectMarker.Target sealTarget() {
        return new PendingSubjectMarker.Target(
                RotationPermission.folderOf(store), Util.fixNull(domain.getName()), targetId);
    }

    private String pendingId() {
        return targetId + PENDING_SUFFIX;
    }

    /** Reads as SYSTEM, like {@link #forCredential}: listing a store needs Credentials/View, which the build need not hold. */
    private Credentials read(String id) {
        try (ACLContext asSystem = ACL.as2(ACL.SYSTEM2)) {
            return find(store, domain, id);
        }
    }

    private StandardCredentials target() throws RotationStoreException {
        Credentials found = read(targetId);
        if (!(found instanceof StandardCredentials standard)) {
            throw new RotationStoreException(Messages.Rotation_TargetGone(LogText.value(targetId)));
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
                // FIPS mode refuses short passwords here; StepInputs refuses such lengths up front.
                throw new RotationStoreException(
                        Messages.Rotation_WriteFailed(LogText.value(targetId), "the credential refused the password"),
                        null);
            }
        }
        throw new RotationStoreException(Messages.Rotation_UnsupportedType(
                LogText.value(targetId), target.getDescriptor().getDisplayName()));
    }

    private static Secret passwordOf(Credentials credentials) throws RotationStoreException {
        if (credentials instanceof StringCredentials text) {
            return text.getSecret();
        }
        if (credentials instanceof StandardUsernamePasswordCredentials pair) {
            return pair.getPassword();
        }
        throw new RotationStoreException(Messages.Rotation_UnsupportedType(
                credentials instanceof IdCredentials id ? LogText.value(id.getId()) : "?",
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
