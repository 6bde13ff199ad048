package io.jenkins.plugins.platformpassword.benchmark;

/**
 * One line of the verdict: what the goal is, whether it was met (null: not measured in this run),
 * and the measured value that decided it.
 */
record Goal(String text, Boolean met, String value) {

    static Goal notMeasured(String text) {
        return new Goal(text, null, "");
    }
}
