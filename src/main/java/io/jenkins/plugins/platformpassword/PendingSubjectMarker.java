package io.jenkins.plugins.platformpassword;

import io.jenkins.plugins.platformpassword.client.rotation.RotationSubject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jenkins.security.HMACConfidentialKey;

/**
 * Records whose password a pending rotation credential holds, at the end of its description:
 * {@code [rotation of user <id> at <data center URL>, seal <hex>]}. The description is written in
 * the same store write as the password, so the record can never be missing from an entry that has
 * one, and it needs no file of its own.
 *
 * <p>The seal is an HMAC, with a key that only this Jenkins holds (in its {@code secrets} folder),
 * over the target credential's store and id, the subject and the pending password. Without it,
 * whoever may create credentials in the store but not update them could plant a pending entry with
 * a password of their choosing: the next rotation would set it on the platform and promote it into
 * the target, and they would know the user's password. An entry without a seal that matches
 * (planted, edited by hand, copied from another credential, written by an older version) has no
 * known subject, and the rotation refuses to finish it rather than guess. The record holds an id,
 * a URL and the seal; the seal reveals nothing of the password without the key.
 */
final class PendingSubjectMarker {

    private static final HMACConfidentialKey SEAL = new HMACConfidentialKey(PendingSubjectMarker.class, "seal");

    private static final Pattern MARKER =
            Pattern.compile("\\[rotation of user ([0-9a-f-]{36}) at (https?://[^\\s\\]]+), seal ([0-9a-f]{64})]\\s*$");

    private PendingSubjectMarker() {}

    /**
     * @param target   the target credential's reference ({@link SystemRotations#reference}): its store and id
     * @param password the pending password that the entry holds
     */
    static String append(String description, RotationSubject subject, String target, String password) {
        return description + " [rotation of user " + subject.userId() + " at " + subject.dataCenter() + ", seal "
                + SEAL.mac(sealed(subject, target, password)) + "]";
    }

    /** The subject, when the record is there and its seal matches this target and password; empty otherwise. */
    static Optional<RotationSubject> read(String description, String target, String password) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher marker = MARKER.matcher(description);
        if (!marker.find()) {
            return Optional.empty();
        }
        RotationSubject subject = new RotationSubject(marker.group(2), marker.group(1));
        return SEAL.checkMac(sealed(subject, target, password), marker.group(3))
                ? Optional.of(subject)
                : Optional.empty();
    }

    /** One line per part: none of them can hold a line break (a URL, a UUID, a reference of ids). */
    private static String sealed(RotationSubject subject, String target, String password) {
        return target + '\n' + subject.dataCenter() + '\n' + subject.userId() + '\n' + password;
    }
}
