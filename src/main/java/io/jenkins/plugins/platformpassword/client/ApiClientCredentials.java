package io.jenkins.plugins.platformpassword.client;

import java.util.Objects;

/**
 * An API client's id and secret, as stored in a Jenkins "Username with password" credential.
 * The id is not secret (the platform shows it in its console and in error messages); the secret
 * is, and stays wrapped.
 */
public record ApiClientCredentials(String clientId, SecretValue secret) {

    /** The field name of the API client credential in the step and the form. */
    public static final String FIELD = "credentialsId";

    public ApiClientCredentials {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(secret, "secret");
        if (clientId.isBlank()) {
            throw new InvalidInputException(FIELD, "the credential's username (the API client id) is empty");
        }
        if (secret.isEmpty()) {
            throw new InvalidInputException(FIELD, "the credential's password (the API client secret) is empty");
        }
    }

    @Override
    public String toString() {
        return "ApiClientCredentials[clientId=" + clientId + ", secret=" + secret + "]";
    }
}
