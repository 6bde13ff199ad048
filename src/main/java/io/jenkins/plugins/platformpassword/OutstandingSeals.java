package io.jenkins.plugins.platformpassword;

import hudson.XmlFile;
import java.io.File;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
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
 * <p>Holds credential references and HMAC values only, which say nothing without the key. Each
 * call reads and writes the file under one lock: rotations are rare, and rotations of different
 * targets run at the same time.
 */
final class OutstandingSeals {

    /** Target key to seal; null when the file has none (XStream runs no initialiser), read as empty. */
    private Map<String, String> seals;

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

    private static OutstandingSeals read() throws IOException {
        OutstandingSeals record = new OutstandingSeals();
        XmlFile file = file();
        if (file.exists()) {
            file.unmarshal(record);
        }
        if (record.seals == null) {
            record.seals = new HashMap<>();
        }
        return record;
    }

    /** {@code $JENKINS_HOME/io.jenkins.plugins.platformpassword.OutstandingSeals.xml} */
    private static XmlFile file() {
        return new XmlFile(
                Jenkins.XSTREAM2, new File(Jenkins.get().getRootDir(), OutstandingSeals.class.getName() + ".xml"));
    }
}
