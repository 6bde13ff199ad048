package io.jenkins.plugins.platformpassword;

import io.jenkins.plugins.platformpassword.client.rotation.RotationSubject;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Records whose password a pending rotation credential holds, at the end of its description:
 * {@code [rotation of user <id> at <data center URL>]}. The description is written in the same
 * store write as the password, so the record can never be missing from an entry that has one, and
 * it needs no file of its own. It holds an id and a URL, nothing secret. An entry whose marker is
 * gone (edited by hand, or written by an older version) has no known subject, and the rotation
 * refuses to finish it rather than guess.
 */
final class PendingSubjectMarker {

    private static final Pattern MARKER =
            Pattern.compile("\\[rotation of user ([0-9a-f-]{36}) at (https?://[^\\s\\]]+)]\\s*$");

    private PendingSubjectMarker() {}

    static String append(String description, RotationSubject subject) {
        return description + " [rotation of user " + subject.userId() + " at " + subject.dataCenter() + "]";
    }

    static Optional<RotationSubject> read(String description) {
        if (description == null) {
            return Optional.empty();
        }
        Matcher marker = MARKER.matcher(description);
        return marker.find() ? Optional.of(new RotationSubject(marker.group(2), marker.group(1))) : Optional.empty();
    }
}
