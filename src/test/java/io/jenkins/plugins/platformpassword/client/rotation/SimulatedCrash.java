package io.jenkins.plugins.platformpassword.client.rotation;

/**
 * Stands for the Jenkins controller dying at a step boundary: the rotation stops there and only
 * what the store holds survives. Unchecked on purpose, so that a protocol which caught
 * {@code RuntimeException} to tidy up (something a real crash would never let it do) fails the
 * crash tests instead of passing them.
 */
final class SimulatedCrash extends RuntimeException {

    private static final long serialVersionUID = 1L;

    SimulatedCrash(String where) {
        super("simulated crash " + where);
    }
}
