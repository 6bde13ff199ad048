package io.jenkins.plugins.platformpassword.benchmark;

/**
 * What a build of the step starts from, as text: the data center URL and user id from its
 * configuration, the API client's id and secret and the new password from Jenkins credentials.
 * Resolving these is part of what {@link Build} times.
 */
record BuildConfiguration(
        String dataCenterUrl, String clientId, String clientSecret, String userId, String newPassword) {

    /** Without the secret and the password. */
    @Override
    public String toString() {
        return "BuildConfiguration[" + dataCenterUrl + ", user " + userId + "]";
    }
}
