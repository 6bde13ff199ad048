package io.jenkins.plugins.platformpassword;

import io.jenkins.plugins.platformpassword.client.rotation.RotationSubject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.security.HMACConfidentialKey;

/**
 * Records whose password a pending rotation credential holds, and proves that this Jenkins wrote
 * it for this rotation: at the end of its description,
 * {@code [rotation of user <id> at <data center URL>, seal <hex> <hex>]}. The description is
 * written in the same store write as the password, so the record can never be missing from an
 * entry that has one, and it needs no file of its own.
 *
 * <p>Adding a credential needs only Credentials/Create. Without a seal, whoever may create
 * credentials in the store but not update them could plant a pending entry with a password of
 * their choosing: the next rotation would set it on the platform and promote it into the target,
 * and they would know the user's password. So the record carries two HMACs, with a key that only
 * this Jenkins holds (in its {@code secrets} folder):
 * <ul>
 * <li>the first over the target (its store's folder and its id), the subject and the pending
 *     password: only {@code savePending} can have written this entry for this credential;
 * <li>the second over the same and the password the target held when the entry was saved: the
 *     entry belongs to the rotation that started from the target's present password. An old entry
 *     planted again after later rotations (its description and password copied while it existed)
 *     fails it. When the target already holds the pending password (the run stopped after
 *     promoting it) finishing sets only what the target holds, so the first seal is enough.
 * </ul>
 * The seals cannot tell a live entry from one that was cleared while the target kept its password
 * (after a refusal) and planted again; {@link OutstandingSeals} can. An entry whose record does
 * not pass (planted, edited by hand, copied, written by an older version, or its folder renamed
 * since) has no known subject, and the rotation refuses to finish it rather than guess. The seals
 * reveal nothing about either password without the key.
 */
final class PendingSubjectMarker {

    private static final HMACConfidentialKey SEAL = new HMACConfidentialKey(PendingSubjectMarker.class, "seal");

    private static final Pattern MARKER = Pattern.compile(
            "\\[rotation of user ([0-9a-f-]{36}) at (https?://\\S+), seal ([0-9a-f]{64}) ([0-9a-f]{64})]\\s*$");

    /**
     * The target credential: the folder whose store holds it ("" for the Jenkins store), its
     * domain ("" for the global one) and its id. The same id may exist in two domains of one
     * store (one per data center), and those are two targets.
     */
    record Target(String folder, String domain, String credentialId) {

        /** One text per target, unambiguous whatever the folder, domain and id hold. */
        String key() {
            return folder.length() + ":" + folder + domain.length() + ":" + domain + credentialId;
        }
    }

    private PendingSubjectMarker() {}

    /**
     * @param pending the pending password that the entry holds
     * @param current the password the target holds now, before the rotation changes anything
     */
    static String append(String description, RotationSubject subject, Target target, String pending, String current) {
        return description + " [rotation of user " + subject.userId() + " at " + subject.dataCenter() + ", seal "
                + SEAL.mac(sealed(target, subject, pending)) + " "
                + SEAL.mac(sealed(target, subject, pending, current)) + "]";
    }

    /**
     * The subject, when the record is there and its seals match this target, this pending password
     * and the target's present password; empty otherwise.
     */
    static Optional<RotationSubject> read(String description, Target target, String pending, String current) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher marker = MARKER.matcher(description);
        if (!marker.find()) {
            return Optional.empty();
        }
        RotationSubject subject = new RotationSubject(marker.group(2), marker.group(1));
        boolean written = SEAL.checkMac(sealed(target, subject, pending), marker.group(3));
        boolean thisRotation =
                pending.equals(current) || SEAL.checkMac(sealed(target, subject, pending, current), marker.group(4));
        return written && thisRotation ? Optional.of(subject) : Optional.empty();
    }

    /** An HMAC saying that {@code target} holds {@code password} for {@code subject}, kept outside the credential. */
    static String ownerSeal(Target target, RotationSubject subject, String password) {
        return SEAL.mac("owner" + sealed(target, subject, password));
    }

    static boolean isOwnerSeal(Target target, RotationSubject subject, String password, String seal) {
        return SEAL.checkMac("owner" + sealed(target, subject, password), seal);
    }

    /** The first seal of a record, which {@link OutstandingSeals} keeps per target; empty without a record. */
    static Optional<String> writtenSeal(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher marker = MARKER.matcher(description);
        return marker.find() ? Optional.of(marker.group(3)) : Optional.empty();
    }

    /** Each part with its length first, so that no two different lists of parts give the same text. */
    private static String sealed(Target target, RotationSubject subject, String... passwords) {
        StringBuilder text = new StringBuilder();
        for (String part : new String[] {
            target.folder(), target.domain(), target.credentialId(), subject.dataCenter(), subject.userId()
        }) {
            text.append(part.length()).append(':').append(part);
        }
        for (String password : passwords) {
            text.append(password.length()).append(':').append(password);
        }
        return text.toString();
    }
}
