package io.jenkins.plugins.platformpassword;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The administrator's opt-in for rotations by builds that run as SYSTEM: the exact credentials
 * such builds may rewrite, one per line, as {@code credential-id} for the Jenkins store or
 * {@code folder/sub-folder/credential-id} for a folder's store. Nothing is allowed by default,
 * and there are no wildcards: every entry is a decision about one credential.
 */
final class SystemRotations {

    static final SystemRotations NONE = new SystemRotations(Set.of());

    private final Set<String> references;

    private SystemRotations(Set<String> references) {
        this.references = references;
    }

    /** Parses the global configuration's text; blank lines and lines starting with {@code #} are ignored. */
    static SystemRotations parse(String text) {
        if (text == null) {
            return NONE;
        }
        Set<String> references = new LinkedHashSet<>();
        for (String line : text.split("\\R")) {
            String entry = line.strip();
            while (entry.startsWith("/")) {
                entry = entry.substring(1); // "/id" and "id" both mean the Jenkins store
            }
            if (!entry.isEmpty() && !entry.startsWith("#")) {
                references.add(entry);
            }
        }
        return new SystemRotations(Set.copyOf(references));
    }

    /** How a credential is named here: its folder's full name and its id, or its id alone in the Jenkins store. */
    static String reference(String folderFullName, String credentialId) {
        return folderFullName.isEmpty() ? credentialId : folderFullName + "/" + credentialId;
    }

    boolean allows(String reference) {
        return references.contains(reference);
    }

    boolean isEmpty() {
        return references.isEmpty();
    }
}
