package io.jenkins.plugins.platformpassword;

import hudson.XmlFile;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import jenkins.model.Jenkins;

/**
 * The seal of the one pending entry each target may have, as this Jenkins wrote it, kept in
 * Jenkins' own files rather than in a credential. A pending entry is finished only while its seal
 * is the outstanding one for its target. Its HMACs alone cannot tell a live entry from one that
 * was cleared (after a refusal the target keeps its password, so an old entry would pass them
 * again) and planted once more by someone who copied its description and password while it
 * existed; this record can. Saving a pending entry records its seal, clearing it forgets it, and
 * a run that finds no pending entry forgets what was left (an entry deleted by hand).
 *
 * <p>It also records, per target, whose password the last finished rotation left in it, so that a
 * rotation of the same credential for another user (a copied job, another userId) does not
 * overwrite the only stored copy of the first user's password.
 *
 * <p>Holds credential references and HMAC values only, which say nothing without the key. Each
 * call reads and writes the file under one lock: rotations are rare, and rotations of different
 * targets run at the same time.
 */
final class OutstandingSeals {

    /** Target key to seal; null when the file has none (XStream runs no initialiser), read as empty. */
    private Map<String, String> seals;

    /**
     * Target key to whose password a finished rotation left in it: user id, data center URL and an
     * HMAC over them, the target and that password, one per line. Null when the file has none.
     */
    private Map<String, String> owners;

    /** Whose password a finished rotation left in a target, and the seal that says it is still there. */
    record Owner(String userId, String dataCenter, String seal) {}

    private OutstandingSeals() {}

    static synchronized boolean isOutstanding(String target, String seal) throws IOException {
        return seal.equals(read().seals.get(target));
    }

    /** Durable on return, like the credential write that follows it. */
    static synchronized void record(String target, String seal) throws IOException {
        OutstandingSeals record = read();
        record.seals.put(target, seal);
        file().write(record);
    }

    static synchronized void forget(String target) throws IOException {
        OutstandingSeals record = read();
        if (record.seals.remove(target) != null) {
            file().write(record);
        }
    }

    static synchronized Optional<Owner> owner(String target) throws IOException {
        String value = read().owners.get(target);
        String[] lines = value == null ? new String[0] : value.split("\n", -1);
        return lines.length == 3 ? Optional.of(new Owner(lines[0], lines[1], lines[2])) : Optional.empty();
    }

    static synchronized void recordOwner(String target, Owner owner) throws IOException {
        OutstandingSeals record = read();
        record.owners.put(target, owner.userId() + "\n" + owner.dataCenter() + "\n" + owner.seal());
        file().write(record);
    }

    private static OutstandingSeals read() throws IOException {
        OutstandingSeals record = new OutstandingSeals();
        XmlFile file = file();
        if (file.exists()) {
            file.unmarshal(record);
        }
        if (record.seals == null) {
            record.seals = new HashMap<>();
        }
        if (record.owners == null) {
            record.owners = new HashMap<>();
        }
        return record;
    }

    /** {@code $JENKINS_HOME/io.jenkins.plugins.platformpassword.OutstandingSeals.xml} */
    private static XmlFile file() {
        return new XmlFile(
                Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), OutstandingSeals.class.getName() + ".xml"));
    }
}
