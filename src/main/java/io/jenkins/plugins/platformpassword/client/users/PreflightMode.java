package io.jenkins.plugins.platformpassword.client.users;

/** When the pre-flight checks ({@link UserDirectory#diagnose}) run around a password change. */
public enum PreflightMode {
    /**
     * Only when the platform refuses the change (403 or 404), to explain the refusal. The happy
     * path costs no extra request. The default.
     */
    ON_FAILURE,
    /** Before the change; a failed check stops the step before the password request. */
    ALWAYS,
    /**
     * Never: for API clients without the right to read users and tenants. Refusals are reported
     * with the platform's words only.
     */
    OFF
}
