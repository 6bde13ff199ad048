package io.jenkins.plugins.platformpassword.client.secrets;

import io.jenkins.plugins.platformpassword.client.PlatformException;
import java.io.IOException;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Stands in for an exception of the network stack as the cause of a {@link PlatformException}.
 * The JDK puts what a server sent into its messages (an invalid status line, a header it could
 * not parse), so the original cannot be attached: its message, and its causes' messages, would
 * reach the build log through any stack trace. The copy carries the original's class name and
 * stack frames (they name code, not data) and messages that passed the {@link UntrustedText} rule.
 */
public final class ScreenedCause extends IOException {

    private static final long serialVersionUID = 1L;

    /** Deeper chains are cut: the JDK's are two or three long. */
    private static final int MAX_DEPTH = 8;

    private ScreenedCause(String message, Throwable cause) {
        super(message, cause);
    }

    public static Throwable of(Throwable original, UntrustedText untrusted) {
        return copy(original, untrusted, 0, Collections.newSetFromMap(new IdentityHashMap<>()));
    }

    private static Throwable copy(Throwable original, UntrustedText untrusted, int depth, Set<Throwable> seen) {
        if (original == null || depth >= MAX_DEPTH || !seen.add(original)) {
            return null;
        }
        String message = original.getMessage();
        String text = original.getClass().getName() + (message == null ? "" : ": " + untrusted.quoted(message));
        ScreenedCause copy = new ScreenedCause(text, copy(original.getCause(), untrusted, depth + 1, seen));
        copy.setStackTrace(original.getStackTrace());
        return copy;
    }
}
