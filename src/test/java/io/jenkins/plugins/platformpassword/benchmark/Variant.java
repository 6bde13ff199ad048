package io.jenkins.plugins.platformpassword.benchmark;

/**
 * One way of changing the benchmark user's password. {@link #changeOnce()} is what is timed: it
 * returns only when the platform confirmed the change (HTTP 204), and throws otherwise.
 */
interface Variant extends AutoCloseable {

    /** A short name for the table. */
    String name();

    /** How the variant gets there, for the header of the report. */
    String description();

    void changeOnce() throws Exception;

    /** Untimed, before each timed change: whatever the change must start from (e.g. a controller just started). */
    default void beforeEach() throws Exception {}

    /** Untimed, after each timed change: what the change left behind that the next one must not find. */
    default void afterEach() {}

    /** Anything unexpected the variant noticed (e.g. a token request where a cached token was expected); empty if none. */
    default String anomalies() {
        return "";
    }

    @Override
    void close();
}
