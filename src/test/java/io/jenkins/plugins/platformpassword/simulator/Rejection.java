package io.jenkins.plugins.platformpassword.simulator;

/**
 * Ends an endpoint's checks early with the error answer the platform would give, so that each
 * endpoint reads as a straight list of its rules.
 */
final class Rejection extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Answer answer;

    Rejection(Answer answer) {
        // No stack trace: this is control flow, not a failure of the simulator.
        super(null, null, false, false);
        this.answer = answer;
    }

    Answer answer() {
        return answer;
    }
}
