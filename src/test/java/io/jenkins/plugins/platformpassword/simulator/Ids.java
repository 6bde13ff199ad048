package io.jenkins.plugins.platformpassword.simulator;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The platform's ids as its contract writes them: every id in a path ({@code user_id},
 * {@code client_id}, {@code tenant_id}) has the pattern
 * {@code [0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}}, lower case only, 36 characters.
 */
final class Ids {

    private static final Pattern CONTRACT_UUID = Pattern.compile("[0-9a-f]{8}-([0-9a-f]{4}-){3}[0-9a-f]{12}");

    private Ids() {}

    /**
     * The id, or empty when the text breaks the contract's pattern: not a UUID, or a UUID in upper
     * case. The platform generates lower-case ids only, and the simulator does not guess that an
     * upper-case one means the same object: a client must send what the contract allows.
     */
    static Optional<String> uuid(String text) {
        return text != null && CONTRACT_UUID.matcher(text).matches() ? Optional.of(text) : Optional.empty();
    }
}
